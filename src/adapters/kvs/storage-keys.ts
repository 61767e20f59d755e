/**
 * Every KVS key the app writes is built here, so the layout of an installation's storage can be read in one
 * place (and the personal-data, retention and erase jobs can find everything).
 * Keys must match Forge's rule `^(?!\s+$)[a-zA-Z0-9:._\s-#]+$`; project keys are validated before they get here.
 *
 *   settings:measured-projects            string[] of project keys
 *   settings:retention                    { retentionDays }
 *   project:<KEY>:sync-state              ProjectSyncState (the only sync key with wall-clock times, besides the lock)
 *   project:<KEY>:sync-cursor             SyncCursor: watermark (Jira time), Flagged field ids, backfill progress
 *   project:<KEY>:sync-lock               { holder, since }, with a TTL: one sync job per project at a time
 *   project:<KEY>:sync-now                a marker with a TTL: "sync now" was asked for recently
 *   project:<KEY>:backfill-ids:<n>        part n of the ids a backfill listed (delta-encoded numbers)
 *   project:<KEY>:history                 HistoryManifest of the live history: dictionaries, shard list
 *   project:<KEY>:history-next            HistoryManifest of a backfill or rebuild in progress
 *   project:<KEY>:shard:<hash>            one shard: a PackedShard, deflated and base64; named by its content
 *   project:<KEY>:history-edits           the recent edits of the live history: [{from, to, bytes}] by version
 *   project:<KEY>:history-edit:<version>  one edit, to that version: changed issues (packed) and removed ids
 *   project:<KEY>:flow-config             the flow configuration document (src/domain/flow-config.ts)
 *   project:<KEY>:overview-summary        OverviewSummary: the Overview tab's figures for the default filters
 *   project:<KEY>:slack-alerts           which Slack alerts an admin turned on for the project
 *   project:<KEY>:slack-alert-state      what the alerts announced (item keys and pull-request numbers) and
 *                                         a message about to be posted (see src/app/slack-alerts/alert-crossings.ts)
 *   project:<KEY>:unmeasured-since        { since }: when an admin stopped measuring the project (the retention
 *                                         clock of what it left behind; removed when it is measured again)
 *   connection:github                     what the GitHub token can reach; never the token
 *   settings:github-generated-paths       { patterns }: paths an admin marks generated, left out of pull-request sizes
 *   github:repo:<repo>:sync               RepositorySyncState: the pull-request sync's watermark, cursor, status
 *   github:repo:<repo>:pulls:<n>          pull requests numbered n·250 to n·250+249 (PullRequestFacts, metadata only)
 *                                         <repo> is `owner:name` lower-case, `_` written `#` (KVS keys have no `_`)
 *   github:delivery:<id>                  a marker with a TTL: a webhook delivery with this X-GitHub-Delivery id was received
 *   github:delivery:sha256-<hex>          a marker with a TTL: a webhook body with this SHA-256 digest was taken (never the body)
 *   connection:slack                      which workspace and channel; never the token
 *   slack:last-digest                     the last Slack flow digest's outcome (FlowDigestOutcome)
 *   slack:last-alert-run                  when the Slack alerts last ran, and the last problem that stopped a run
 *   slack:digest-now                      a marker with a TTL: "send digest now" was asked for recently
 *   throttle:<request>[:<KEY>]            a marker with a TTL: an expensive settings request (rebuild of project
 *                                         KEY, a GitHub or Slack check, a test message, purge now) was made recently
 *   settings:site-url                     { url, seenAt }: the Jira site's address, as the platform gave it to an admin's call
 *   secret:github-token                   (secret storage) the sealed GitHub token
 *   secret:github-webhook-secret          (secret storage) the sealed secret GitHub signs webhook deliveries with
 *   secret:slack-bot-token                (secret storage) the sealed Slack bot token
 *   audit:head                            { newestPage, oldestPage }
 *   audit:page:<8-digit page>             up to ENTRIES_PER_STORED_AUDIT_PAGE audit entries, oldest first
 *   personal-data:account:<accountId>     why and since when the app keeps this account
 *   privacy:last-report                   the weekly personal-data report's outcome
 *   privacy:report-cursor                 a personal-data report run in progress: where it got to, counts so far
 *   retention:last-purge                  the last retention purge's outcome
 *   privacy:erasure-generation            how many times all app data was erased (a number); survives the erasure,
 *                                         so sync jobs queued before one know to write nothing
 */
import type { SecretName } from '../../ports';
export { SECRET_NAMES } from '../../ports';

/** Atlassian account ids: letters, digits, `:`, `-` and `_` (e.g. `557058:f58131cb-…`). Checked before use in a key. */
const ACCOUNT_ID = /^[A-Za-z0-9:_-]{1,128}$/;

/** GitHub owners are letters, digits and hyphens; repository names add `.` and `_`. */
const REPOSITORY = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;

function repositoryKeyPart(repository: string): string {
  if (!REPOSITORY.test(repository)) throw new Error('Not a GitHub repository name.');
  return repository.toLowerCase().replace('/', ':').replace(/_/g, '#');
}

/** GitHub's delivery ids are GUIDs. */
const WEBHOOK_DELIVERY_ID = /^[0-9A-Fa-f-]{8,64}$/;

/** Shard references are content hashes in hex. */
const SHARD_REF = /^[0-9a-f]{16,64}$/;

/** History versions: 16 hex digits (src/app/project-page/history-version.ts). */
const HISTORY_VERSION = /^[0-9a-f]{16}$/;

export const storageKeys = {
  measuredProjects: 'settings:measured-projects',
  syncState: (projectKey: string) => `project:${projectKey}:sync-state`,
  syncCursor: (projectKey: string) => `project:${projectKey}:sync-cursor`,
  syncLock: (projectKey: string) => `project:${projectKey}:sync-lock`,
  syncNowThrottle: (projectKey: string) => `project:${projectKey}:sync-now`,
  backfillIds: (projectKey: string, part: number) => `project:${projectKey}:backfill-ids:${part}`,
  historyManifest: (projectKey: string, generation: 'live' | 'staging') =>
    generation === 'live' ? `project:${projectKey}:history` : `project:${projectKey}:history-next`,
  historyShardPrefix: (projectKey: string) => `project:${projectKey}:shard:`,
  historyShard: (projectKey: string, ref: string) => {
    if (!SHARD_REF.test(ref)) throw new Error('Not a shard reference.');
    return `project:${projectKey}:shard:${ref}`;
  },
  historyEdits: (projectKey: string) => `project:${projectKey}:history-edits`,
  historyEdit: (projectKey: string, version: string) => {
    if (!HISTORY_VERSION.test(version)) throw new Error('Not a history version.');
    return `project:${projectKey}:history-edit:${version}`;
  },
  flowConfig: (projectKey: string) => `project:${projectKey}:flow-config`,
  overviewSummary: (projectKey: string) => `project:${projectKey}:overview-summary`,
  slackAlertSettings: (projectKey: string) => `project:${projectKey}:slack-alerts`,
  slackAlertState: (projectKey: string) => `project:${projectKey}:slack-alert-state`,
  /** The hour as `YYYY-MM-DDTHH` (UTC). */
  slackAlertRunClaim: (projectKey: string, hour: string) => {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}$/.test(hour)) throw new Error('Not an hour.');
    return `project:${projectKey}:slack-alert-claim:${hour}`;
  },
  unmeasuredSince: (projectKey: string) => `project:${projectKey}:unmeasured-since`,
  /** Every key of every project starts with this; `projectPrefix(KEY)` with the ':' after the key, so FLOW is not FLOWX. */
  projectsPrefix: 'project:',
  projectPrefix: (projectKey: string) => `project:${projectKey}:`,
  lastPersonalDataReport: 'privacy:last-report',
  personalDataReportCursor: 'privacy:report-cursor',
  lastRetentionPurge: 'retention:last-purge',
  erasureGeneration: 'privacy:erasure-generation',
  retentionSettings: 'settings:retention',
  githubConnection: 'connection:github',
  githubRepositoryPrefix: 'github:repo:',
  githubGeneratedPaths: 'settings:github-generated-paths',
  /** Every value of one repository: its sync state and its pull-request shards. */
  githubRepositoryKeys: (repository: string) => `github:repo:${repositoryKeyPart(repository)}:`,
  githubRepositorySync: (repository: string) => `github:repo:${repositoryKeyPart(repository)}:sync`,
  githubPullRequestShardPrefix: (repository: string) => `github:repo:${repositoryKeyPart(repository)}:pulls:`,
  githubPullRequestShard: (repository: string, shard: number) => `github:repo:${repositoryKeyPart(repository)}:pulls:${shard}`,
  githubWebhookDelivery: (deliveryId: string) => {
    if (!WEBHOOK_DELIVERY_ID.test(deliveryId)) throw new Error('Not a GitHub delivery id.');
    return `github:delivery:${deliveryId.toLowerCase()}`;
  },
  /** Under the deliveries' prefix, so a disconnect forgets both; `s` is no hex digit, so no delivery id is the same key. */
  githubWebhookBody: (digest: string) => {
    if (!/^[0-9a-f]{64}$/.test(digest)) throw new Error('Not a SHA-256 digest.');
    return `github:delivery:sha256-${digest}`;
  },
  githubWebhookDeliveryPrefix: 'github:delivery:',
  slackConnection: 'connection:slack',
  lastSlackDigest: 'slack:last-digest',
  lastSlackAlertRun: 'slack:last-alert-run',
  slackDigestNow: 'slack:digest-now',
  /** `subject` is a validated project key, or null for requests of the whole installation. */
  adminRequestThrottle: (request: string, subject: string | null) => `throttle:${request}${subject === null ? '' : `:${subject}`}`,
  adminRequestThrottlePrefix: 'throttle:',
  siteUrl: 'settings:site-url',
  secret: (name: SecretName) => `secret:${name}`,
  auditHead: 'audit:head',
  auditPage: (page: number) => `audit:page:${String(page).padStart(8, '0')}`,
  personalDataAccountPrefix: 'personal-data:account:',
  personalDataAccount: (accountId: string) => {
    if (!ACCOUNT_ID.test(accountId)) throw new Error('Not an Atlassian account id.');
    return `personal-data:account:${accountId}`;
  },
} as const;
