import Resolver, { type Request } from '@forge/resolver';
import { z } from 'zod';
import { loadProjectPage } from '../app/project-page';
import { loadProjectView, requireBrowsePermission } from '../app/project-view';
import { requestSyncNow } from '../app/sync-now';
import { NEVER_SYNCED } from '../app/sync-state';
import { systemClock } from '../adapters/clock/system-clock';
import { ForgeSyncJobScheduler } from '../adapters/forge-queue/forge-sync-job-scheduler';
import { KvsFlowConfigStore } from '../adapters/kvs/kvs-flow-config-store';
import { KvsHistoryEditLog } from '../adapters/kvs/kvs-history-edit-log';
import { KvsHistoryStore } from '../adapters/kvs/kvs-history-store';
import { KvsMeasuredProjects } from '../adapters/kvs/kvs-measured-projects';
import { KvsSyncCursorStore } from '../adapters/kvs/kvs-sync-cursor-store';
import { KvsSyncRequestThrottle } from '../adapters/kvs/kvs-sync-request-throttle';
import { JiraProjectDirectory } from '../adapters/jira/jira-projects';
import { jiraAsUser } from '../adapters/jira/jira-request';
import { JiraUserPermissions } from '../adapters/jira/jira-user-permissions';
import { KvsSyncStateStore } from '../adapters/kvs/kvs-sync-state-store';
import { licenceFromContext } from './installation-licence-context';
import { emptyPayload, projectKeyFromContext } from './resolver-context';
import { projectPullRequests } from '../app/pull-requests/project-pull-requests';
import { KvsPullRequestStore } from '../adapters/kvs/kvs-pull-request-store';
import { KvsDocument } from '../adapters/kvs/kvs-document';
import { storageKeys } from '../adapters/kvs/storage-keys';
import type { GitHubConnectionRecord } from '../app/github-connection';
import { respond } from './resolver-response';

const projectViewPayload = z
  .object({
    fromShard: z.number().int().min(0).max(1_000_000).optional(),
    since: z.string().regex(/^[0-9a-f]{16}$/, 'not a history version').optional(),
  })
  .strict();

/**
 * Resolver of the project page (`jira:projectPage`): everything a team member's browser may ask. Every
 * function takes the project from the trusted context and asks Jira, as the caller, whether they may browse
 * it before reading anything.
 */
const PROJECT_PAGE_FUNCTIONS: Record<string, (request: Request) => Promise<unknown>> = {
  getProjectPage: ({ payload, context }) =>
    respond('getProjectPage', async () => {
      emptyPayload.parse(payload);
      const projectKey = projectKeyFromContext(context);
      const asUser = jiraAsUser();
      const page = await loadProjectPage(
        {
          userPermissions: new JiraUserPermissions(asUser),
          // Looked up as the user too: the page shows the project as Jira shows it to them.
          projects: new JiraProjectDirectory(asUser),
          syncStates: new KvsSyncStateStore(),
          measured: new KvsMeasuredProjects(),
        },
        projectKey,
      );
      return { ...page, licenceActive: licenceFromContext(context).active };
    }),
  // The page's data: the stored history, workflow and sync progress; in parts when the history is large.
  getProjectView: ({ payload, context }) =>
    respond('getProjectView', async () => {
      const { fromShard, since } = projectViewPayload.parse(payload);
      const projectKey = projectKeyFromContext(context);
      return loadProjectView(
        {
          userPermissions: new JiraUserPermissions(jiraAsUser()),
          store: new KvsHistoryStore(),
          syncStates: new KvsSyncStateStore(),
          cursors: new KvsSyncCursorStore(),
          flowConfigs: new KvsFlowConfigStore(),
          measured: new KvsMeasuredProjects(),
          edits: new KvsHistoryEditLog(),
        },
        projectKey,
        fromShard ?? 0,
        since,
      );
    }),
  // Where the sync stands, for polling while one runs.
  getSyncState: ({ payload, context }) =>
    respond('getSyncState', async () => {
      emptyPayload.parse(payload);
      const projectKey = projectKeyFromContext(context);
      await requireBrowsePermission(new JiraUserPermissions(jiraAsUser()), projectKey);
      return (await new KvsSyncStateStore().read(projectKey)) ?? NEVER_SYNCED;
    }),
  // The pull requests naming the project's items, for the Pull requests tab.
  getPullRequests: ({ payload, context }) =>
    respond('getPullRequests', async () => {
      emptyPayload.parse(payload);
      const projectKey = projectKeyFromContext(context);
      return projectPullRequests(
        {
          userPermissions: new JiraUserPermissions(jiraAsUser()),
          connection: new KvsDocument<GitHubConnectionRecord>(storageKeys.githubConnection),
          store: new KvsPullRequestStore(),
        },
        projectKey,
      );
    }),
  syncNow: ({ payload, context }) =>
    respond('syncNow', async () => {
      emptyPayload.parse(payload);
      const projectKey = projectKeyFromContext(context);
      return requestSyncNow(
        {
          userPermissions: new JiraUserPermissions(jiraAsUser()),
          measured: new KvsMeasuredProjects(),
          throttle: new KvsSyncRequestThrottle(),
          scheduler: new ForgeSyncJobScheduler(),
          syncStates: new KvsSyncStateStore(),
          clock: systemClock,
          licence: licenceFromContext(context),
        },
        projectKey,
      );
    }),
};

/** The names of every function the project page resolver defines. */
export const PROJECT_PAGE_FUNCTION_KEYS: readonly string[] = Object.keys(PROJECT_PAGE_FUNCTIONS);

const resolver = new Resolver();
for (const [name, run] of Object.entries(PROJECT_PAGE_FUNCTIONS)) resolver.define(name, run);
export const projectPageResolver = resolver.getDefinitions();
