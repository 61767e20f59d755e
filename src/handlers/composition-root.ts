import { ForgePersonalDataReporter } from '../adapters/atlassian/forge-personal-data-reporter';
import { systemClock } from '../adapters/clock/system-clock';
import { timerPause } from '../adapters/clock/timer-pause';
import { ForgeDigestScheduler } from '../adapters/forge-queue/forge-digest-scheduler';
import { ForgePersonalDataReportScheduler } from '../adapters/forge-queue/forge-personal-data-report-scheduler';
import { ForgePurgeScheduler } from '../adapters/forge-queue/forge-purge-scheduler';
import { ForgeSyncJobScheduler } from '../adapters/forge-queue/forge-sync-job-scheduler';
import { ForgePullRequestBackfills } from '../adapters/forge-queue/github-sync-queue';
import { forgeProjectPageUrl } from '../adapters/forge-runtime/forge-project-page-link';
import { ForgeWebhookAddress } from '../adapters/forge-runtime/forge-webhook-address';
import { InvocationBudget } from '../adapters/forge-runtime/invocation-budget';
import { GitHubGraphqlPullRequests } from '../adapters/github/github-graphql-pull-requests';
import { GitHubRestAccount } from '../adapters/github/github-rest-account';
import { githubWebhookSignatures } from '../adapters/github/webhook-signature';
import { JiraIssueSource } from '../adapters/jira/jira-issue-source';
import { JiraPacer } from '../adapters/jira/jira-pacer';
import { JiraProjectStatuses } from '../adapters/jira/jira-project-statuses';
import { JiraProjectDirectory } from '../adapters/jira/jira-projects';
import { jiraAsApp, jiraAsUser } from '../adapters/jira/jira-request';
import { JiraProjectBoards } from '../adapters/jira/jira-project-boards';
import { JiraRemainingWork } from '../adapters/jira/jira-remaining-work';
import { JiraSecurityLevels } from '../adapters/jira/jira-security-levels';
import { JiraUserPermissions } from '../adapters/jira/jira-user-permissions';
import { KvsAppStorage } from '../adapters/kvs/kvs-app-storage';
import { KvsAuditLog } from '../adapters/kvs/kvs-audit-log';
import { KvsErasureGenerations } from '../adapters/kvs/kvs-erasure-generations';
import { KvsExpiringMarker } from '../adapters/kvs/kvs-expiring-marker';
import { KvsFlowConfigStore } from '../adapters/kvs/kvs-flow-config-store';
import { KvsHistoryEditLog } from '../adapters/kvs/kvs-history-edit-log';
import { KvsHistoryStore } from '../adapters/kvs/kvs-history-store';
import { KvsMeasuredProjects } from '../adapters/kvs/kvs-measured-projects';
import { KvsOverviewSummaryStore } from '../adapters/kvs/kvs-overview-summary-store';
import { KvsPersonalDataIndex } from '../adapters/kvs/kvs-personal-data-index';
import { KvsProjectLocks } from '../adapters/kvs/kvs-project-locks';
import { KvsPullRequestStore } from '../adapters/kvs/kvs-pull-request-store';
import { KvsRecordDocument } from '../adapters/kvs/kvs-record-document';
import { KvsStoredProjects } from '../adapters/kvs/kvs-stored-projects';
import { KvsSyncCursorStore } from '../adapters/kvs/kvs-sync-cursor-store';
import { KvsSyncRequestThrottle } from '../adapters/kvs/kvs-sync-request-throttle';
import { KvsSyncStateStore } from '../adapters/kvs/kvs-sync-state-store';
import { KvsUnmeasuredProjects } from '../adapters/kvs/kvs-unmeasured-projects';
import { KvsWebhookDeliveries } from '../adapters/kvs/kvs-webhook-deliveries';
import {
  GENERATED_PATHS_RECORD,
  GITHUB_CONNECTION_RECORD,
  LAST_DIGEST_RECORD,
  LAST_PERSONAL_DATA_REPORT_RECORD,
  LAST_PURGE_RECORD,
  LAST_SLACK_ALERT_RUN_RECORD,
  PERSONAL_DATA_REPORT_CURSOR_RECORD,
  RETENTION_SETTINGS_RECORD,
  SITE_ADDRESS_RECORD,
  SLACK_ALERT_SETTINGS_RECORD,
  SLACK_ALERT_STATE_RECORD,
  SLACK_CONNECTION_RECORD,
} from '../adapters/kvs/stored-record-kinds';
import { storageKeys } from '../adapters/kvs/storage-keys';
import { KvsSecretVault } from '../adapters/secrets/kvs-secret-vault';
import { SlackWebWorkspace } from '../adapters/slack/slack-web-workspace';
import type { ThrottledRequest } from '../app/access/admin-request-throttle';

/** The factories of an adapter set, by name. */
type Factories = Record<string, () => unknown>;

/** What the factories build, each built the first time it is asked for and the same object after. */
type Built<F extends Factories> = { readonly [K in keyof F]: ReturnType<F[K]> };

function builtOnDemand<F extends Factories>(factories: F): Built<F> {
  const built = new Map<string, unknown>();
  const adapters = {};
  for (const [name, build] of Object.entries(factories)) {
    Object.defineProperty(adapters, name, {
      enumerable: true,
      get: () => {
        if (!built.has(name)) built.set(name, build());
        return built.get(name);
      },
    });
  }
  return adapters as Built<F>;
}

/**
 * Every adapter the app runs on, the only place they are constructed. Handlers call this once per invocation
 * and take what their use-case needs: each adapter is built only when first asked for, and at most once in
 * the invocation, so a handler that needs two stores pays for two. Built per invocation rather than per
 * module because some adapters belong to one invocation: `asUser()` is the invocation's caller, the Jira
 * pacer's concurrency bound and pauses cover one job's requests, the budget is the invocation's time.
 */
export function appAdapters() {
  return builtOnDemand({
    clock: () => systemClock,
    pause: () => timerPause,
    budget: () => new InvocationBudget(),

    // Jira, as the app (jobs, and what the app itself must see) and as the caller (permission checks, and
    // what the page shows them as Jira shows it).
    issueSource: () => new JiraIssueSource(jiraAsApp(), new JiraPacer()),
    projectsAsApp: () => new JiraProjectDirectory(jiraAsApp()),
    projectsAsUser: () => new JiraProjectDirectory(jiraAsUser()),
    statuses: () => new JiraProjectStatuses(jiraAsApp()),
    userPermissions: () => new JiraUserPermissions(jiraAsUser()),
    securityLevelsAsUser: () => new JiraSecurityLevels(jiraAsUser()),
    remainingWorkAsUser: () => new JiraRemainingWork(jiraAsUser()),
    boardsAsUser: () => new JiraProjectBoards(jiraAsUser()),
    personalDataReporter: () => new ForgePersonalDataReporter(),
    projectPageUrl: () => forgeProjectPageUrl,

    // The queue and the runtime.
    syncScheduler: () => new ForgeSyncJobScheduler(),
    purgeScheduler: () => new ForgePurgeScheduler(),
    digestScheduler: () => new ForgeDigestScheduler(),
    personalDataReportScheduler: () => new ForgePersonalDataReportScheduler(),
    pullRequestBackfills: () => new ForgePullRequestBackfills(),
    webhookAddress: () => new ForgeWebhookAddress(),

    // GitHub and Slack.
    githubAccount: () => new GitHubRestAccount(),
    githubPullRequests: () => new GitHubGraphqlPullRequests(),
    webhookSignatures: () => githubWebhookSignatures,
    slack: () => new SlackWebWorkspace(),
    vault: () => new KvsSecretVault(),

    // Stores of project data.
    measured: () => new KvsMeasuredProjects(),
    unmeasured: () => new KvsUnmeasuredProjects(),
    storedProjects: () => new KvsStoredProjects(),
    history: () => new KvsHistoryStore(),
    historyEdits: () => new KvsHistoryEditLog(),
    cursors: () => new KvsSyncCursorStore(),
    syncStates: () => new KvsSyncStateStore(),
    summaries: () => new KvsOverviewSummaryStore(),
    flowConfigs: () => new KvsFlowConfigStore(),
    locks: () => new KvsProjectLocks(),
    erasures: () => new KvsErasureGenerations(),
    syncRequestThrottle: () => new KvsSyncRequestThrottle(),
    pullRequests: () => new KvsPullRequestStore(),
    webhookDeliveries: () => new KvsWebhookDeliveries(),
    auditLog: () => new KvsAuditLog(),
    personalData: () => new KvsPersonalDataIndex(),
    storage: () => new KvsAppStorage(),

    // Single stored records.
    githubConnection: () => new KvsRecordDocument(storageKeys.githubConnection, GITHUB_CONNECTION_RECORD),
    slackConnection: () => new KvsRecordDocument(storageKeys.slackConnection, SLACK_CONNECTION_RECORD),
    generatedPaths: () => new KvsRecordDocument(storageKeys.githubGeneratedPaths, GENERATED_PATHS_RECORD),
    retention: () => new KvsRecordDocument(storageKeys.retentionSettings, RETENTION_SETTINGS_RECORD),
    lastPurge: () => new KvsRecordDocument(storageKeys.lastRetentionPurge, LAST_PURGE_RECORD),
    lastDigest: () => new KvsRecordDocument(storageKeys.lastSlackDigest, LAST_DIGEST_RECORD),
    lastSlackAlertRun: () => new KvsRecordDocument(storageKeys.lastSlackAlertRun, LAST_SLACK_ALERT_RUN_RECORD),
    lastPersonalDataReport: () => new KvsRecordDocument(storageKeys.lastPersonalDataReport, LAST_PERSONAL_DATA_REPORT_RECORD),
    personalDataReportCursor: () => new KvsRecordDocument(storageKeys.personalDataReportCursor, PERSONAL_DATA_REPORT_CURSOR_RECORD),
    site: () => new KvsRecordDocument(storageKeys.siteUrl, SITE_ADDRESS_RECORD),
    digestThrottle: () => new KvsExpiringMarker(storageKeys.slackDigestNow),

    // Records kept per project or per request.
    alertSettings: () => (projectKey: string) =>
      new KvsRecordDocument(storageKeys.slackAlertSettings(projectKey), SLACK_ALERT_SETTINGS_RECORD),
    alertState: () => (projectKey: string) => new KvsRecordDocument(storageKeys.slackAlertState(projectKey), SLACK_ALERT_STATE_RECORD),
    alertRunClaim: () => (projectKey: string, hour: string) => new KvsExpiringMarker(storageKeys.slackAlertRunClaim(projectKey, hour)),
    requestThrottle: () => (request: ThrottledRequest, subject: string | null) =>
      new KvsExpiringMarker(storageKeys.adminRequestThrottle(request, subject)),
  });
}

export type AppAdapters = ReturnType<typeof appAdapters>;
