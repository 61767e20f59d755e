import { ForgePurgeScheduler } from '../adapters/forge-queue/forge-purge-scheduler';
import { systemClock } from '../adapters/clock/system-clock';
import { ForgeSyncJobScheduler } from '../adapters/forge-queue/forge-sync-job-scheduler';
import { ForgePullRequestBackfills } from '../adapters/forge-queue/github-sync-queue';
import { ForgeWebhookAddress } from '../adapters/forge-runtime/forge-webhook-address';
import { GitHubRestAccount } from '../adapters/github/github-rest-account';
import { JiraProjectDirectory } from '../adapters/jira/jira-projects';
import { JiraProjectBoards } from '../adapters/jira/jira-project-boards';
import { JiraProjectStatuses } from '../adapters/jira/jira-project-statuses';
import { jiraAsApp, jiraAsUser } from '../adapters/jira/jira-request';
import { JiraUserPermissions } from '../adapters/jira/jira-user-permissions';
import { KvsAppStorage } from '../adapters/kvs/kvs-app-storage';
import { KvsAuditLog } from '../adapters/kvs/kvs-audit-log';
import { KvsDocument } from '../adapters/kvs/kvs-document';
import { KvsExpiringMarker } from '../adapters/kvs/kvs-expiring-marker';
import { KvsErasureGenerations } from '../adapters/kvs/kvs-erasure-generations';
import { KvsFlowConfigStore } from '../adapters/kvs/kvs-flow-config-store';
import { KvsHistoryStore } from '../adapters/kvs/kvs-history-store';
import { KvsMeasuredProjects } from '../adapters/kvs/kvs-measured-projects';
import { KvsPersonalDataIndex } from '../adapters/kvs/kvs-personal-data-index';
import { KvsProjectLocks } from '../adapters/kvs/kvs-project-locks';
import { KvsPullRequestStore } from '../adapters/kvs/kvs-pull-request-store';
import { KvsStoredProjects } from '../adapters/kvs/kvs-stored-projects';
import { KvsSyncStateStore } from '../adapters/kvs/kvs-sync-state-store';
import { KvsUnmeasuredProjects } from '../adapters/kvs/kvs-unmeasured-projects';
import { KvsWebhookDeliveries } from '../adapters/kvs/kvs-webhook-deliveries';
import { storageKeys } from '../adapters/kvs/storage-keys';
import { KvsSecretVault } from '../adapters/secrets/kvs-secret-vault';
import { SlackWebWorkspace } from '../adapters/slack/slack-web-workspace';
import type { ThrottledRequest } from '../app/access/admin-request-throttle';
import type { GeneratedPathsRecord } from '../app/connections/generated-paths-settings';
import type { GitHubConnectionRecord } from '../app/connections/github-connection';
import type { RetentionSettings } from '../app/privacy/retention-window';
import type { SlackConnectionRecord } from '../app/connections/slack-connection';
import type { StoredSlackAlertSettings } from '../app/slack-alerts/slack-alert-settings';
import type { PurgeOutcome } from '../shared/resolver-contract';

/**
 * The adapters the settings use-cases run on, built fresh for each invocation (the identity behind
 * `asUser()` is the invocation's caller). Jira is asked as the user only to check the caller's permission;
 * everything the app itself must see (all projects, their statuses) is asked as the app.
 */
export function settingsPorts() {
  const githubRecord = new KvsDocument<GitHubConnectionRecord>(storageKeys.githubConnection);
  const slackRecord = new KvsDocument<SlackConnectionRecord>(storageKeys.slackConnection);
  return {
    userPermissions: new JiraUserPermissions(jiraAsUser()),
    projects: new JiraProjectDirectory(jiraAsApp()),
    statuses: new JiraProjectStatuses(jiraAsApp()),
    /** As the admin: the boards offered as stages are those Jira shows them. */
    boards: new JiraProjectBoards(jiraAsUser()),
    measured: new KvsMeasuredProjects(),
    unmeasured: new KvsUnmeasuredProjects(),
    syncStates: new KvsSyncStateStore(),
    scheduler: new ForgeSyncJobScheduler(),
    flowConfigs: new KvsFlowConfigStore(),
    vault: new KvsSecretVault(),
    github: new GitHubRestAccount(),
    slack: new SlackWebWorkspace(),
    githubRecord,
    /** Each watched repository's pull requests and sync state: shown, erased with the repository, purged. */
    pullRequests: new KvsPullRequestStore(),
    backfills: new ForgePullRequestBackfills(),
    webhookAddress: new ForgeWebhookAddress(),
    /** The admin's generated-file patterns, read by the pull-request sync and the webhook. */
    generatedPaths: new KvsDocument<GeneratedPathsRecord>(storageKeys.githubGeneratedPaths),
    deliveries: new KvsWebhookDeliveries(),
    slackRecord,
    /** The records that name an account, for forgetting accounts the audit log no longer names. */
    connections: [githubRecord, slackRecord],
    retention: new KvsDocument<RetentionSettings>(storageKeys.retentionSettings),
    lastPurge: new KvsDocument<PurgeOutcome>(storageKeys.lastRetentionPurge),
    lastPersonalDataReport: new KvsDocument<unknown>(storageKeys.lastPersonalDataReport),
    storage: new KvsAppStorage(),
    erasures: new KvsErasureGenerations(),
    /** The retention purge's reach into each project's stored history ("purge now" runs the daily purge). */
    history: new KvsHistoryStore(),
    purges: new ForgePurgeScheduler(),
    locks: new KvsProjectLocks(),
    storedProjects: new KvsStoredProjects(),
    auditLog: new KvsAuditLog(),
    personalData: new KvsPersonalDataIndex(),
    clock: systemClock,
    alertSettings: (projectKey: string) => new KvsDocument<StoredSlackAlertSettings>(storageKeys.slackAlertSettings(projectKey)),
    requestThrottle: (request: ThrottledRequest, subject: string | null) =>
      new KvsExpiringMarker(storageKeys.adminRequestThrottle(request, subject)),
  };
}

export type SettingsPorts = ReturnType<typeof settingsPorts>;
