import { escapeHtml } from './http-kit';
import type { ManageAppsEntry } from './admin-pages';
import type { HostUser } from './demo-users';

/**
 * The Jira-like page around the app: a top bar with the user and theme switchers, the site's projects in a
 * sidebar (each with its "Flow metrics" page), the app's settings, and the app's frame. Rendered on the
 * server with no inline script, like the app's own frames.
 */
export interface HostPageView {
  title: string;
  users: HostUser[];
  currentUser: HostUser;
  theme: 'light' | 'dark';
  projects: Array<{ key: string; name: string }>;
  /** The "Apps" section of Jira settings' sidebar: Manage apps and the app's sidebar admin pages. */
  appsLinks: Array<{ href: string; label: string }>;
  currentPath: string;
  /** The app frame's URL, or null for a page the host renders itself. */
  frameSrc: string | null;
  /** The host's own content (already escaped) when there is no frame; the home page's introduction if absent. */
  contentHtml?: string;
  frameTitle?: string;
  crumbs?: string;
  /** The module's own address, under which the app's history (`view.createHistory()`) writes its locations. */
  appBasePath?: string;
}

/** The site's icon, inline so the browser asks the server for no /favicon.ico: three rising bars. */
const FAVICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0c66e4"/>' +
    '<path d="M4 12V9M8 12V6M12 12V4" stroke="#fff" stroke-width="2" stroke-linecap="round"/></svg>',
)}`;

export function renderHostPage(view: HostPageView): string {
  const userOptions = view.users
    .map(
      (user) =>
        `<option value="${escapeHtml(user.accountId)}"${user.accountId === view.currentUser.accountId ? ' selected' : ''}>${escapeHtml(user.displayName)} (${escapeHtml(user.role)})</option>`,
    )
    .join('');
  const themeOptions = (['light', 'dark'] as const)
    .map((theme) => `<option value="${theme}"${theme === view.theme ? ' selected' : ''}>${theme}</option>`)
    .join('');
  const link = (href: string, label: string) =>
    `<a href="${escapeHtml(href)}"${href === view.currentPath ? ' class="current" aria-current="page"' : ''}>${escapeHtml(label)}</a>`;
  const projectLinks = view.projects
    .map((project) => link(`/projects/${project.key}/flow-metrics`, `${project.name} (${project.key})`))
    .join('');
  const content = view.frameSrc
    ? `<div class="crumbs">${escapeHtml(view.crumbs ?? '')}</div><iframe id="app-frame" title="${escapeHtml(view.frameTitle ?? 'App')}" src="${escapeHtml(view.frameSrc)}"${view.appBasePath ? ` data-app-base="${escapeHtml(view.appBasePath)}"` : ''}></iframe>`
    : (view.contentHtml ??
      `<div class="intro"><h1>Flow Metrics for Jira, locally</h1>
        <p>This is a simulated Jira Cloud site running the app's real code. Open a project's <strong>Flow metrics</strong>
        page in the sidebar, or the app's settings. Switch users at the top right: the admin sees everything, the member
        cannot change settings, the outsider cannot browse one project.</p></div>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(view.title)} - Jira (local)</title>
<link rel="icon" href="${FAVICON}">
<link rel="stylesheet" href="/__host/host.css">
<script src="/__host/host.js" defer></script>
</head>
<body class="${view.theme}">
<header>
  <a class="brand" href="/">Jira (local)</a>
  <form method="get" action="${escapeHtml(view.currentPath)}">
    <label>User <select name="as" data-autosubmit data-testid="user-switcher">${userOptions}</select></label>
    <label>Theme <select name="theme" data-autosubmit data-testid="theme-switcher">${themeOptions}</select></label>
    <noscript><button type="submit">Switch</button></noscript>
  </form>
</header>
<div class="layout">
  <nav aria-label="Projects">
    <h2>Projects</h2>
    ${projectLinks || '<p>No projects you can browse.</p>'}
    <h2>Jira settings: Apps</h2>
    ${view.appsLinks.map(({ href, label }) => link(href, label)).join('')}
  </nav>
  <main>${content}</main>
</div>
</body>
</html>`;
}

/** Jira's Manage apps list, with the app's Configure and Get started buttons where the manifest declares them. */
export function renderManageApps(entry: ManageAppsEntry): string {
  const button = (href: string | null, label: string) =>
    href ? `<a class="button" href="${escapeHtml(href)}">${escapeHtml(label)}</a>` : '';
  return `<div class="intro"><h1>Manage apps</h1>
    <ul class="apps" aria-label="Installed apps"><li data-testid="managed-app"><strong>${escapeHtml(entry.appName)}</strong>
    ${button(entry.getStarted, 'Get started')}${button(entry.configure, 'Configure')}</li></ul></div>`;
}
