import { appAdapters, type AppAdapters } from './composition-root';

/**
 * The adapters the settings use-cases run on, taken from the invocation's adapters (the identity behind
 * `asUser()` is the invocation's caller). Jira is asked as the user only to check the caller's permission;
 * everything the app itself must see (all projects, their statuses) is asked as the app.
 */
export function settingsPorts(adapters: AppAdapters = appAdapters()) {
  return {
    userPermissions: adapters.userPermissions,
    projects: adapters.projectsAsApp,
    statuses: adapters.statuses,
    /** As the admin: the boards offered as stages are those Jira shows them. */
    boards: adapters.boardsAsUser,
    measured: adapters.measured,
    unmeasured: adapters.unmeasured,
    syncStates: adapters.syncStates,
    scheduler: adapters.syncScheduler,
    flowConfigs: adapters.flowConfigs,
    vault: adapters.vault,
    github: adapters.githubAccount,
    slack: adapters.slack,
    githubRecord: adapters.githubConnection,
    /** Each watched repository's pull requests and sync state: shown, erased with the repository, purged. */
    pullRequests: adapters.pullRequests,
    backfills: adapters.pullRequestBackfills,
    webhookAddress: adapters.webhookAddress,
    /** The admin's generated-file patterns, read by the pull-request sync and the webhook. */
    generatedPaths: adapters.generatedPaths,
    deliveries: adapters.webhookDeliveries,
    slackRecord: adapters.slackConnection,
    /** The records that name an account, for forgetting accounts the audit log no longer names. */
    connections: [adapters.githubConnection, adapters.slackConnection],
    retention: adapters.retention,
    lastPurge: adapters.lastPurge,
    lastPersonalDataReport: adapters.lastPersonalDataReport,
    storage: adapters.storage,
    erasures: adapters.erasures,
    /** The retention purge's reach into each project's stored history ("purge now" runs the daily purge). */
    history: adapters.history,
    purges: adapters.purgeScheduler,
    locks: adapters.locks,
    storedProjects: adapters.storedProjects,
    auditLog: adapters.auditLog,
    personalData: adapters.personalData,
    clock: adapters.clock,
    alertSettings: adapters.alertSettings,
    requestThrottle: adapters.requestThrottle,
    /** The Slack tab shows the last digest sent, and remembers the site the weekly digest links to. */
    lastDigest: adapters.lastDigest,
    site: adapters.site,
    alertState: adapters.alertState,
    lastAlertRun: adapters.lastSlackAlertRun,
  };
}

export type SettingsPorts = ReturnType<typeof settingsPorts>;
