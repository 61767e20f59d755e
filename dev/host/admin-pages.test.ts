import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { loadAppManifest } from '../runtime/app-manifest';
import { adminPageRoutes, appsSidebarLinks, manageAppsEntry } from './admin-pages';

/**
 * The local site places the app's admin pages where Jira would: only an admin page that is neither the
 * Configure nor the Get started page appears in Jira settings' Apps sidebar.
 */
const manifestPath = path.resolve(__dirname, '../../manifest.yml');

/** The app's manifest with its admin pages replaced, as another version of the app could declare them. */
function manifestWithAdminPages(adminPages: unknown[]) {
  const raw = parse(readFileSync(manifestPath, 'utf8')) as { modules: Record<string, unknown> };
  raw.modules['jira:adminPage'] = adminPages;
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'admin-pages-')), 'manifest.yml');
  writeFileSync(file, stringify(raw));
  return loadAppManifest(file);
}

const settingsPage = {
  key: 'flow-metrics-settings',
  title: 'Flow metrics settings',
  resource: 'settings-page',
  resolver: { function: 'settings-page-resolver' },
};

it("shows the app's settings in the Apps sidebar and behind Manage apps' Configure and Get started", () => {
  const manifest = loadAppManifest(manifestPath);
  expect(appsSidebarLinks(manifest)).toEqual([
    { href: '/settings/apps', label: 'Manage apps' },
    { href: '/settings/flow-metrics', label: 'Flow metrics settings' },
  ]);
  expect(manageAppsEntry(manifest)).toEqual({
    appName: 'Flow Metrics for Jira',
    configure: '/settings/apps/configure/flow-metrics',
    getStarted: '/settings/apps/get-started/flow-metrics',
  });
  expect(adminPageRoutes(manifest).map((route) => [route.path, route.module.key])).toEqual([
    ['/settings/flow-metrics', 'flow-metrics-settings'],
    ['/settings/apps/configure/flow-metrics', 'flow-metrics-configure'],
    ['/settings/apps/get-started/flow-metrics', 'flow-metrics-configure'],
  ]);
});

it('leaves a Configure or Get started page out of the sidebar, as Jira does', () => {
  const manifest = manifestWithAdminPages([{ ...settingsPage, useAsConfig: true, useAsGetStarted: true }]);
  expect(appsSidebarLinks(manifest)).toEqual([{ href: '/settings/apps', label: 'Manage apps' }]);
  expect(manageAppsEntry(manifest)).toMatchObject({
    configure: '/settings/apps/configure/flow-metrics',
    getStarted: '/settings/apps/get-started/flow-metrics',
  });
});

it('has no Configure button for an app that declares no configure page', () => {
  const manifest = manifestWithAdminPages([settingsPage]);
  expect(manageAppsEntry(manifest)).toMatchObject({ configure: null, getStarted: null });
  expect(appsSidebarLinks(manifest).map((link) => link.label)).toEqual(['Manage apps', 'Flow metrics settings']);
});
