import Resolver, { type Request } from '@forge/resolver';
import { z } from 'zod';
import { loadProjectPage } from '../app/project-page/project-page';
import { loadProjectView, requireBrowsePermission } from '../app/project-page/project-view';
import { requestSyncNow } from '../app/sync/sync-now';
import { NEVER_SYNCED, syncStateForPage } from '../app/sync/sync-state';
import { RememberedPermissions } from '../app/access/remembered-permissions';
import { RememberedSecurityLevels, SecurityLevelMemory } from '../app/access/remembered-security-levels';
import type { UserPermissions } from '../ports';
import { appAdapters, type AppAdapters } from './composition-root';
import { countRemainingWork } from '../app/project-page/remaining-work';
import { licenceFromContext } from './installation-licence-context';
import { emptyPayload, projectKeyFromContext, viewerFromContext } from './resolver-context';
import { projectPullRequests } from '../app/pull-requests/project-pull-requests';
import { respond, type ResolverTable } from './resolver-response';
import { MAX_REMAINING_WORK_JQL_LENGTH, type ProjectPageFunctions } from '../shared/resolver-contract';

const projectViewPayload = z
  .object({
    fromShard: z.number().int().min(0).max(1_000_000).optional(),
    since: z
      .string()
      .regex(/^[0-9a-f]{16}$/, 'not a history version')
      .optional(),
    overviewFirst: z.boolean().optional(),
    historyUpTo: z.number().int().min(0).max(10_000_000).optional(),
    overviewOnly: z.boolean().optional(),
  })
  .strict();

/** The forecast's remaining work: a reader's JQL query (of bounded length) or an epic's key (its shape is checked by the use-case). */
const remainingWorkPayload = z.discriminatedUnion('source', [
  z
    .object({
      source: z.literal('jql'),
      jql: z.string().max(MAX_REMAINING_WORK_JQL_LENGTH, `at most ${MAX_REMAINING_WORK_JQL_LENGTH} characters`),
    })
    .strict(),
  z.object({ source: z.literal('epic'), epicKey: z.string().max(300) }).strict(),
]);

/** Jira's answers about which security levels each viewer may see, kept by this running function for minutes. */
const securityLevelMemory = new SecurityLevelMemory();

/** Which security levels the caller may see, asked of Jira as them, through the short-lived memory. */
function viewerSecurityLevels(adapters: AppAdapters, context: Request['context']) {
  return new RememberedSecurityLevels(adapters.securityLevelsAsUser, viewerFromContext(context), securityLevelMemory, adapters.clock);
}

/**
 * One project page function: the project comes from the trusted context, Jira is asked, as the caller, whether
 * they may browse it, and only then is the payload read. Someone who may not browse the project learns nothing,
 * not even what the function would accept. The use-case asks again before it reads anything; the answer is
 * remembered for the call, so Jira is asked once.
 */
function projectPageFunction<S extends z.ZodType, R>(
  name: string,
  schema: S,
  work: (
    input: z.infer<S>,
    call: { projectKey: string; userPermissions: UserPermissions; adapters: AppAdapters; context: Request['context'] },
  ) => Promise<R>,
) {
  return ({ payload, context }: Request) =>
    respond(name, async () => {
      const projectKey = projectKeyFromContext(context);
      const adapters = appAdapters();
      const userPermissions = new RememberedPermissions(adapters.userPermissions);
      await requireBrowsePermission(userPermissions, projectKey);
      return work(schema.parse(payload), { projectKey, userPermissions, adapters, context });
    });
}

/**
 * Resolver of the project page (`jira:projectPage`): everything a team member's browser may ask.
 */
const PROJECT_PAGE_FUNCTIONS = {
  getProjectPage: projectPageFunction('getProjectPage', emptyPayload, async (_, { projectKey, userPermissions, adapters, context }) => ({
    ...(await loadProjectPage(
      {
        userPermissions,
        // Looked up as the user too: the page shows the project as Jira shows it to them.
        projects: adapters.projectsAsUser,
        syncStates: adapters.syncStates,
        measured: adapters.measured,
      },
      projectKey,
    )),
    licenceActive: licenceFromContext(context).active,
  })),
  // The page's data: the stored history, workflow and sync progress; in parts when the history is large, and
  // only the edits since the version the browser holds when it holds one.
  getProjectView: projectPageFunction('getProjectView', projectViewPayload, (request, { projectKey, userPermissions, adapters, context }) =>
    loadProjectView(
      {
        userPermissions,
        securityLevels: viewerSecurityLevels(adapters, context),
        store: adapters.history,
        syncStates: adapters.syncStates,
        cursors: adapters.cursors,
        flowConfigs: adapters.flowConfigs,
        measured: adapters.measured,
        edits: adapters.historyEdits,
        summaries: adapters.summaries,
        clock: adapters.clock,
      },
      projectKey,
      request,
    ),
  ),
  // Where the sync stands, for polling while one runs.
  getSyncState: projectPageFunction('getSyncState', emptyPayload, async (_, { projectKey, adapters }) =>
    syncStateForPage((await adapters.syncStates.read(projectKey)) ?? NEVER_SYNCED),
  ),
  // The pull requests naming the project's items, for the Pull requests tab.
  getPullRequests: projectPageFunction('getPullRequests', emptyPayload, (_, { projectKey, userPermissions, adapters, context }) =>
    projectPullRequests(
      {
        userPermissions,
        history: adapters.history,
        securityLevels: viewerSecurityLevels(adapters, context),
        connection: adapters.githubConnection,
        store: adapters.pullRequests,
      },
      projectKey,
    ),
  ),
  syncNow: projectPageFunction('syncNow', emptyPayload, (_, { projectKey, userPermissions, adapters, context }) =>
    requestSyncNow(
      {
        userPermissions,
        measured: adapters.measured,
        throttle: adapters.syncRequestThrottle,
        scheduler: adapters.syncScheduler,
        syncStates: adapters.syncStates,
        clock: adapters.clock,
        licence: licenceFromContext(context),
      },
      projectKey,
    ),
  ),
  // The forecast's remaining work, counted by Jira as the reader; the query and the count are not kept.
  countRemainingWork: projectPageFunction(
    'countRemainingWork',
    remainingWorkPayload,
    (request, { projectKey, userPermissions, adapters }) =>
      countRemainingWork({ userPermissions, counter: adapters.remainingWorkAsUser }, projectKey, request),
  ),
} satisfies ResolverTable<ProjectPageFunctions>;

/** The names of every function the project page resolver defines. */
export const PROJECT_PAGE_FUNCTION_KEYS = Object.keys(PROJECT_PAGE_FUNCTIONS) as ReadonlyArray<keyof ProjectPageFunctions>;

const resolver = new Resolver();
for (const [name, run] of Object.entries(PROJECT_PAGE_FUNCTIONS)) resolver.define(name, run);
export const projectPageResolver = resolver.getDefinitions();
