import path from 'node:path';
import * as appExports from '../../src/index';
import { loadAppManifest, manageAppsPage, sidebarAdminPages } from './app-manifest';

const rootDir = path.resolve(__dirname, '../..');
const manifest = loadAppManifest(path.join(rootDir, 'manifest.yml'));

describe('the app manifest', () => {
  it('names only handlers that src/index.ts exports, and src/index.ts exports nothing else', () => {
    const exported = Object.keys(appExports).sort();
    const named = [...manifest.functions.values()].map((fn) => fn.exportName).sort();
    expect(exported).toEqual(named);
  });

  it('declares the project page, the settings page and their resolvers', () => {
    const projectPage = manifest.uiModules.get('flow-metrics-project-page');
    expect(projectPage).toMatchObject({ type: 'jira:projectPage', title: 'Flow metrics', resolverFunctionKey: 'project-page-resolver' });
    expect(manifest.uiModules.get('flow-metrics-settings')).toMatchObject({
      type: 'jira:adminPage',
      resolverFunctionKey: 'settings-page-resolver',
    });
  });

  it("puts the settings in Jira settings' Apps sidebar, and behind Manage apps' Configure and Get started", () => {
    // Jira leaves a Configure or Get started page out of the sidebar, so the sidebar needs its own entry.
    expect(sidebarAdminPages(manifest).map((module) => [module.key, module.title])).toEqual([
      ['flow-metrics-settings', 'Flow metrics settings'],
    ]);
    expect(manageAppsPage(manifest, 'configure')?.key).toBe('flow-metrics-configure');
    expect(manageAppsPage(manifest, 'get-started')?.key).toBe('flow-metrics-configure');
    // Both are the same page: one resource, one resolver.
    const [sidebar, configure] = [manifest.uiModules.get('flow-metrics-settings')!, manifest.uiModules.get('flow-metrics-configure')!];
    expect([configure.resourceKey, configure.resolverFunctionKey]).toEqual([sidebar.resourceKey, sidebar.resolverFunctionKey]);
  });

  it('runs sync, the weekly personal-data report and Slack digest, and the daily purge on schedule, and sync jobs on a queue', () => {
    expect([...manifest.scheduledTriggers.values()].map((t) => t.interval).sort()).toEqual(['day', 'hour', 'hour', 'week', 'week']);
    expect(manifest.scheduledTriggers.get('hourly-github-sync')?.functionKey).toBe('github-sync');
    expect(manifest.consumers.get('github-sync-jobs')).toBe('github-sync-worker');
    expect(manifest.scheduledTriggers.get('weekly-slack-digest')?.functionKey).toBe('slack-digest');
    expect(manifest.consumers.get('sync-jobs')).toBe('sync-job-worker');
    expect(manifest.eventTriggers[0]?.events).toEqual(['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue']);
  });

  it('lets the backend reach only GitHub and Slack', () => {
    expect(manifest.backendEgress).toEqual(['https://api.github.com', 'https://slack.com']);
  });
});
