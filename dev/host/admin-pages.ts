import { manageAppsPage, sidebarAdminPages, type AppManifest, type UiModule } from '../runtime/app-manifest';

/**
 * Where the local site shows the app's admin pages, the way Jira does. Jira lists an admin page in the Apps
 * section of its settings sidebar (at `/jira/settings/apps/{appId}/{envId}`) only when it is neither the
 * Configure nor the Get started page; those two open only from the app's entry in Manage apps
 * (`/jira/settings/apps/configure/…`, `/jira/settings/apps/get-started/…`). The manifest decides which is
 * which, so a page the manifest hides from the sidebar is missing from the local sidebar too.
 */
export const MANAGE_APPS_PATH = '/settings/apps';
const SIDEBAR_PAGE_PATH = '/settings/flow-metrics';
const CONFIGURE_PAGE_PATH = '/settings/apps/configure/flow-metrics';
const GET_STARTED_PAGE_PATH = '/settings/apps/get-started/flow-metrics';

/** The app's name as Manage apps lists it (on Forge it comes from the developer console, not the manifest). */
const APP_NAME = 'Flow Metrics for Jira';

export interface AdminPageRoute {
  path: string;
  module: UiModule;
  /** Breadcrumbs above the frame, in Jira's words. */
  crumbs: string;
}

/** Every admin page the site can show, by path: the sidebar page, and Manage apps' Configure and Get started. */
export function adminPageRoutes(manifest: AppManifest): AdminPageRoute[] {
  const routes: AdminPageRoute[] = [];
  const sidebar = sidebarAdminPages(manifest)[0];
  if (sidebar) routes.push({ path: SIDEBAR_PAGE_PATH, module: sidebar, crumbs: `Jira settings / Apps / ${sidebar.title}` });
  const configure = manageAppsPage(manifest, 'configure');
  if (configure)
    routes.push({ path: CONFIGURE_PAGE_PATH, module: configure, crumbs: `Jira settings / Apps / Manage apps / ${APP_NAME} / Configure` });
  const getStarted = manageAppsPage(manifest, 'get-started');
  if (getStarted)
    routes.push({
      path: GET_STARTED_PAGE_PATH,
      module: getStarted,
      crumbs: `Jira settings / Apps / Manage apps / ${APP_NAME} / Get started`,
    });
  return routes;
}

/** The site path of each admin page module, for Forge's `module` navigation target (the first route wins). */
export function adminPagePathsByModule(manifest: AppManifest): Map<string, string> {
  const paths = new Map<string, string>();
  for (const route of adminPageRoutes(manifest)) if (!paths.has(route.module.key)) paths.set(route.module.key, route.path);
  return paths;
}

/** The app's entry in Manage apps: its name and where its Configure and Get started buttons go (null: no button). */
export interface ManageAppsEntry {
  appName: string;
  configure: string | null;
  getStarted: string | null;
}

export function manageAppsEntry(manifest: AppManifest): ManageAppsEntry {
  const routes = adminPageRoutes(manifest);
  const pathOf = (path: string) => (routes.some((route) => route.path === path) ? path : null);
  return { appName: APP_NAME, configure: pathOf(CONFIGURE_PAGE_PATH), getStarted: pathOf(GET_STARTED_PAGE_PATH) };
}

/** The links of the host's "Apps" sidebar section: Manage apps, then the sidebar admin pages. */
export function appsSidebarLinks(manifest: AppManifest): Array<{ href: string; label: string }> {
  return [
    { href: MANAGE_APPS_PATH, label: 'Manage apps' },
    ...adminPageRoutes(manifest)
      .filter((route) => route.path === SIDEBAR_PAGE_PATH)
      .map((route) => ({ href: route.path, label: route.module.title })),
  ];
}
