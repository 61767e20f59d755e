import type { ResolverErrorCode } from '../shared/resolver-contract';

/**
 * Who may call each resolver function, in one table: the policy the resolvers enforce, written down where a
 * reviewer can read it whole. `authorisation-matrix.test.ts` derives the expected answer of every cell
 * (admin, member, outsider × every function × every demo project) from this table alone, checks it against
 * the running app, and checks the table names exactly the functions the resolvers define.
 *
 * Every check is Jira's answer about the calling user, asked as that user (`asUser()`), before the payload
 * is read: the app itself may browse everything, so asking as the app would open everything to everyone.
 */
type Caller =
  /** Holds Jira's global ADMINISTER permission: the settings page, for any project of the site. */
  | 'jira-administrator'
  /** May browse the project the page is opened in (BROWSE_PROJECTS on that project). */
  | 'project-browser';

export interface FunctionAccess {
  caller: Caller;
  /** Which project the call is about: named in the payload, the page's own (from the trusted context), or none. */
  project: 'payload' | 'context' | 'none';
  /** What an allowed caller is answered for a project the app does not measure, when that is a refusal. */
  notMeasured?: ResolverErrorCode;
}

const admin = (project: FunctionAccess['project'] = 'none', notMeasured?: ResolverErrorCode): FunctionAccess => ({
  caller: 'jira-administrator',
  project,
  ...(notMeasured ? { notMeasured } : {}),
});
const browser = (notMeasured?: ResolverErrorCode): FunctionAccess => ({
  caller: 'project-browser',
  project: 'context',
  ...(notMeasured ? { notMeasured } : {}),
});

export const RESOLVER_ACCESS = {
  // jira:adminPage: site configuration, tokens and data controls. Nothing here is for anyone but an admin.
  // The Configure / Get started page (`flow-metrics-configure`) is the same page on the same resolver
  // function, so these rows are its calls too.
  'flow-metrics-settings': {
    listProjects: admin(),
    listProjectSettings: admin(),
    setProjectMeasured: admin('payload'),
    getProjectWorkflow: admin('payload'),
    saveProjectWorkflow: admin('payload'),
    resetProjectWorkflow: admin('payload'),
    proposeBoardWorkflow: admin('payload'),
    // Syncing a project the app does not collect would read Jira for nothing.
    requestProjectSync: admin('payload', 'INVALID_INPUT'),
    getGitHubConnection: admin(),
    connectGitHub: admin(),
    updateGitHubRepositories: admin(),
    disconnectGitHub: admin(),
    createGitHubWebhookSecret: admin(),
    getGeneratedPaths: admin(),
    setGeneratedPaths: admin(),
    getSlackConnection: admin(),
    connectSlack: admin(),
    updateSlackChannel: admin(),
    disconnectSlack: admin(),
    sendSlackTestMessage: admin(),
    sendSlackDigest: admin(),
    getSlackAlerts: admin(),
    // Alerts are of a measured project's items.
    saveSlackAlerts: admin('payload', 'NOT_FOUND'),
    getDataPrivacy: admin(),
    setRetention: admin(),
    purgeNow: admin(),
    exportAppData: admin(),
    eraseAllAppData: admin(),
    resealSecrets: admin(),
    getAuditLog: admin(),
  },
  // jira:projectPage: a project's metrics, for whoever may see the project's issues in Jira.
  'flow-metrics-project-page': {
    getProjectPage: browser(),
    getProjectView: browser(),
    getPullRequests: browser(),
    getSyncState: browser(),
    syncNow: browser('NOT_FOUND'),
    // Counted by Jira as the reader, whether or not the app measures the project: nothing of the app's is read.
    countRemainingWork: browser(),
  },
} as const satisfies Record<string, Record<string, FunctionAccess>>;

export type ResolverModuleKey = keyof typeof RESOLVER_ACCESS;
