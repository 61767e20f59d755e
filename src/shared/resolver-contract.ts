/**
 * What the Custom UI and the resolvers say to each other.
 *
 * Imported by both sides (src/handlers and static/), so a renamed field breaks the type-check on both.
 * Every resolver answers a `ResolverResult`: data on success, or a typed error the UI can explain.
 * A resolver never throws at the UI and never returns a stack trace.
 *
 * Every function's payload and data types are the contract, so each is exported, including those neither side
 * names yet; `@public` tells knip so.
 */
import type {
  BackwardMoveRule,
  DurationUnit,
  OverviewFigures,
  PackedCycleTimeFigures,
  PercentileMethod,
  PullRequestFacts,
  StageEntryRule,
  StatusCategoryKey,
  WeekdayName,
  Workflow,
} from '../domain';
import type { HistoryDictionaries } from './packed-history';

export type ResolverErrorCode =
  | 'INVALID_INPUT' // the payload failed validation; nothing was changed
  | 'FORBIDDEN' // the caller may not see or do this (e.g. cannot browse the project, is not an admin)
  | 'NOT_FOUND' // the project (or other subject) does not exist
  | 'RATE_LIMITED' // try again later
  | 'UNAVAILABLE' // Jira or storage failed; the message says what to retry
  | 'NOT_CONFIGURED' // something outside the app must be set up first (a sealing key, a bot invitation); the message says what
  | 'INTERNAL'; // an unexpected fault; details are in the app's logs, never in the answer

export interface ResolverError {
  code: ResolverErrorCode;
  message: string;
}

export type ResolverResult<T> = { ok: true; data: T } | { ok: false; error: ResolverError };

/** Where a project's data pipeline stands, as the UI shows it. */
export type SyncStatus = 'never-synced' | 'queued' | 'running' | 'ok' | 'failed';

export interface SyncState {
  status: SyncStatus;
  /** Issues processed / issues known, while a backfill runs. */
  progress: { done: number; total: number | null } | null;
  lastSuccessAt: string | null;
  /** A readable message for the last failure; never a stack trace or a secret. */
  lastError: string | null;
}

export interface ProjectSummary {
  id: string;
  key: string;
  name: string;
}

/** `project-page` resolver, function `getProjectPage`: payload `{}`; the project comes from the context. */
export interface ProjectPageData {
  project: ProjectSummary;
  sync: SyncState;
  /** Whether an admin chose to collect this project's flow metrics (settings page, Projects tab). */
  measured: boolean;
  /** For a project not measured: whether the viewer is a Jira admin, who can turn it on. Null when not asked (measured). */
  viewerIsJiraAdministrator: boolean | null;
  /** False while the site's licence is inactive: the page says so, and nothing is synced (src/app/access/installation-licence.ts). */
  licenceActive: boolean;
}

/**
 * `project-page` resolver, function `getProjectView`: payload `{ fromShard? }` (0 when absent); the project
 * comes from the context. Everything the page needs to compute and filter in the browser: the stored
 * history (decode it with `decodeProjectHistory` from src/shared/project-history-decoding.ts), the workflow
 * and the sync's progress. A history too large for one answer comes in parts: ask again from `nextShard`.
 */
export interface ProjectViewPayload {
  fromShard?: number;
  /**
   * The `version` of the history this browser already holds, if any: the answer may then carry only the
   * edits made since (`basedOn`), which costs the installation's storage quota a fraction of a full read.
   */
  since?: string;
  /**
   * Set by a browser that holds no history and shows the Overview tab first: when the project's Overview
   * summary is current, the answer carries it (`overview`) instead of the history, which the page asks for
   * (without this flag) only when the reader goes further. When it is not current, the answer is the usual one.
   */
  overviewFirst?: boolean;
  /**
   * Set by a browser that holds no history and loads the history of a project of up to this many issues in a
   * request of its own, sent with the `overviewFirst` one so that both load together. Alone (the history's own
   * request): the history only when the project holds at most this many issues, otherwise none
   * (`historyWithheld`), so a glance at a bigger project still costs only the Overview summary. With
   * `overviewFirst`: the history never comes in this answer for such a project, even when the summary is not
   * current (`historyWithheld`: the other request brings it), so no history is read twice.
   */
  historyUpTo?: number;
  /**
   * With `overviewFirst`: the answer never carries the history, even when the summary is not current
   * (`historyWithheld`). Set by a first open's Overview request, which leaves before the page knows whether the
   * browser holds a history or the address names a view, so that an answer it may leave unread is always small.
   */
  overviewOnly?: boolean;
}
export interface ProjectViewData {
  projectKey: string;
  /** Whether an admin chose to collect this project's flow metrics; a history may outlive that choice until purged. */
  measured: boolean;
  sync: SyncState;
  /** Null until the project's first sync has completed, and when `overview` is sent instead. */
  history: ProjectHistoryPart | null;
  /** Only for `overviewFirst`: the Overview tab's figures for the default filters, as of the current history. */
  overview?: ProjectOverviewPart;
  /**
   * Only for `historyUpTo`: set when the project has a history this answer leaves out because of it (too big for
   * the history's own request, or brought by it for the `overviewFirst` one). `history` is then null.
   */
  historyWithheld?: true;
  /** The sync's watermark: Jira's time of the newest change the history has caught up with (ISO 8601), or null. */
  dataAsOf: string | null;
  /** The admin's workflow, or the default one from Jira's status categories. */
  workflow: Workflow;
  /** The project's flow configuration document as saved in the settings (parse with `parseFlowConfig`), or null. */
  flowConfig: unknown;
}
/**
 * The Overview tab for the default filters, computed at sync time from the whole history (see
 * src/app/project-page/overview-summary.ts), with the history's dictionaries for the filters bar and the conventions.
 */
export interface ProjectOverviewPart {
  figures: OverviewFigures;
  /**
   * The Cycle time tab's figures for the same filters, its dots packed (see src/domain/cycle-time-figures.ts):
   * the page draws that tab's chart from them until the history's report is in. Null when none were kept.
   */
  cycleTime: PackedCycleTimeFigures | null;
  /** As a report's: the start the period asked for when it was before the history's first day, else null. */
  clampedFrom: string | null;
  dictionaries: HistoryDictionaries;
  issueCount: number;
  /** The history version the figures were computed from. */
  version: string;
}
export interface ProjectHistoryPart {
  /** Storage format of the history (see src/app/sync/history-manifest.ts). */
  format: number;
  dictionaries: HistoryDictionaries;
  /** Issues of the history this viewer is sent (issues of security levels they may not see are not counted). */
  issueCount: number;
  shardCount: number;
  fromShard: number;
  /**
   * Shards `fromShard`, `fromShard + 1`, …: each a `PackedShard` as JSON, zlib-deflated, base64. A shard holding
   * issues of a security level the viewer may not see comes without them.
   */
  shards: string[];
  /** Where the next part starts, or null when this part ends the history. */
  nextShard: number | null;
  /**
   * Names exactly this content (a hash of its shards and dictionaries, and of the security levels left out for
   * this viewer, if any): ask with it as `since` next time.
   */
  version: string;
  /**
   * Set when the request's `since` could be brought up to `version` by `edits`: then `shards` is empty, and
   * the history is the held one of version `basedOn` with the edits applied in order
   * (`applyHistoryEdits` in src/shared/project-history-decoding.ts). Null for a whole history.
   */
  basedOn: string | null;
  edits: HistoryEdit[];
}

/** What one sync changed in a history: issues added or changed (whole), and issue ids removed. */
export interface HistoryEdit {
  /** The new and changed issues as one `PackedShard`, stored and sent like the shards (JSON, deflated, base64). */
  upserts: string;
  /** Jira ids of issues no longer in the history. */
  deletes: number[];
}

/** `syncNow`: payload `{}`. Queues a sync of the page's project; at most once per project every few minutes. */
export interface SyncNowData {
  sync: SyncState;
  /** When another "sync now" for this project will be accepted (ISO 8601). */
  nextAllowedAt: string;
}

/**
 * `getSyncState`: payload `{}`. Cheap to poll while a sync runs.
 * @public
 */
export type SyncStateData = SyncState;

/** `settings-page` resolver, function `listProjects`: payload `{}`. */
export interface ProjectListData {
  projects: Array<ProjectSummary & { measured: boolean }>;
}

/*
 * The settings page (`jira:adminPage`). Every function below answers FORBIDDEN to anyone Jira does not call
 * an administrator, before it reads its payload, and changes nothing for them.
 * No answer ever carries a token or any part of one: connections are described by what they can reach.
 */

/** The engine's conventions an admin may choose per project (the rest keep the engine's defaults). */
export interface ConventionSettings {
  stageEntry: StageEntryRule;
  backwardMoves: BackwardMoveRule;
  unit: DurationUnit;
  percentileMethod: PercentileMethod;
  serviceLevelPercentile: number;
  weekEndsOn: WeekdayName;
  /** Worked weekdays; day counts skip the others. All seven by default. */
  workingDays: WeekdayName[];
  /** IANA time zone in which instants become dates. */
  timeZone: string;
}

/** @public */
export interface WorkflowStageSettings {
  name: string;
  /** Jira status ids. */
  statusIds: string[];
  /** Flow efficiency: time in this stage is active work (true) or waiting (false). */
  active: boolean;
}

export interface WorkflowSettings {
  stages: WorkflowStageSettings[];
  startStage: string;
  doneStage: string;
  /**
   * Statuses of the done stage or later (ids) whose items were discarded, not delivered (Won't Fix): left
   * out of cycle time and throughput, counted apart. Absent: none.
   */
  discardedStatusIds?: string[];
  /**
   * Resolutions (names) whose items were discarded, not delivered (Won't Fix, Duplicate), whatever their done
   * status: left out of cycle time and throughput, counted apart. Absent: none.
   */
  discardedResolutions?: string[];
}

export interface ProjectStatus {
  id: string;
  name: string;
  category: StatusCategoryKey | null;
}

/** `listProjectSettings`: payload `{}`. */
export interface ProjectSettingsList {
  projects: Array<ProjectSummary & { measured: boolean; sync: SyncState | null }>;
  /** False while the site's licence is inactive: the settings say so, and syncs and digests are refused. */
  licenceActive: boolean;
}

/** `setProjectMeasured`: payload `{ projectKey, measured }`. Measuring a project queues its first sync. */
export interface SetProjectMeasuredPayload {
  projectKey: string;
  measured: boolean;
}
export interface MeasuredProjectsData {
  measuredProjectKeys: string[];
  /** True when this change queued the project's first sync. */
  syncQueued: boolean;
}

/**
 * `getProjectWorkflow`: payload `{ projectKey }`; `resetProjectWorkflow` (same payload) answers the same shape.
 * @public
 */
export interface ProjectWorkflowPayload {
  projectKey: string;
}
export interface ProjectWorkflowData {
  project: ProjectSummary;
  measured: boolean;
  /** The project's statuses, as Jira lists them for its issue types. */
  statuses: ProjectStatus[];
  workflow: WorkflowSettings;
  conventions: ConventionSettings;
  /** Issue types the project page leaves out until a reader ticks them. Absent: the defaults (epics, sub-tasks). */
  excludedIssueTypes?: string[];
  /** False while the project uses the defaults (stages from Jira's status categories, the engine's conventions). */
  customised: boolean;
  sync: SyncState;
}

/** `saveProjectWorkflow`: every status of the project must be in exactly one stage. */
export interface SaveProjectWorkflowPayload {
  projectKey: string;
  workflow: WorkflowSettings;
  conventions: ConventionSettings;
  /** Absent: the defaults. */
  excludedIssueTypes?: string[];
}

/** `proposeBoardWorkflow`: payload `{ projectKey, boardId? }`; without a board id, the project's first board. */
export interface BoardWorkflowPayload {
  projectKey: string;
  boardId?: number;
}

/** A Jira Software board of the project, as the admin picks among them. */
export interface ProjectBoard {
  id: number;
  name: string;
  /** Jira's board type: `kanban`, `scrum` or `simple`. */
  type: string;
}

/**
 * A workflow proposed from a board's columns, for the admin to confirm: nothing is stored until they save it
 * with `saveProjectWorkflow`. When Jira has no board to offer, `proposal` is null and `unavailable` says why.
 */
export interface BoardWorkflowProposal {
  /** Every board of the project the caller may see, in Jira's order. */
  boards: ProjectBoard[];
  /** Null when there is nothing to propose. */
  proposal: {
    board: ProjectBoard;
    workflow: WorkflowSettings;
    /** Project statuses no column shows (ids), placed in a stage by their status category. */
    statusesNotOnBoard: string[];
    /** Columns left out because none of the project's statuses is in them. */
    emptyColumns: string[];
  } | null;
  /** Why there is no proposal, in plain words; null when there is one. */
  unavailable: 'no-jira-software' | 'no-board' | 'too-few-columns' | null;
}

/** `requestProjectSync`: "sync now" (changes since the last sync) or "rebuild" (everything, from scratch). */
export interface RequestProjectSyncPayload {
  projectKey: string;
  mode: 'sync-now' | 'rebuild';
}
export interface ProjectSyncRequested {
  projectKey: string;
  mode: 'sync-now' | 'rebuild';
  queuedAt: string;
}

/** Whether the app can seal tokens: the key ring comes from the `FLOW_METRICS_SEALING_KEYS` variable. */
export interface SealingStatus {
  configured: boolean;
  /** The key new secrets are sealed with. Key ids are names, never key material. */
  newestKeyId: string | null;
  keyCount: number;
  /** Why the variable could not be used, if it is set but malformed; never its value. */
  problem: string | null;
}

/** The last time the app used a stored token, and what happened. */
export interface ConnectionCheck {
  at: string;
  outcome: 'ok' | 'failed';
  problem: string | null;
}

export interface GitHubRepositoryAccess {
  /** As the admin typed it, or GitHub's canonical spelling once seen. */
  fullName: string;
  visible: boolean;
  private: boolean | null;
  archived: boolean | null;
  defaultBranch: string | null;
}

/**
 * What a connection's answer adds to what the app stored about the token it was given.
 * @public
 */
export interface ConnectedTokenStatus {
  connected: true;
  sealing: SealingStatus;
  /** Things the admin should fix: e.g. repositories the token cannot see, broader access than needed, expiry soon. */
  warnings: string[];
  /** The sealing key the stored token is sealed with; null when the stored token is missing or damaged. */
  sealedWithKeyId: string | null;
}

/** What the app stores about a GitHub token beside the sealed token itself, and shows as it is. */
export interface GitHubConnectionDetails {
  /** The GitHub account the token belongs to. */
  login: string;
  tokenKind: 'fine-grained' | 'classic';
  /** Classic tokens' OAuth scopes; null for fine-grained tokens, whose permissions GitHub does not report. */
  scopes: string[] | null;
  /** From GitHub's `github-authentication-token-expiration` header; null when the token does not expire. */
  expiresAt: string | null;
  repositories: GitHubRepositoryAccess[];
  connectedBy: string;
  connectedAt: string;
  lastCheck: ConnectionCheck;
}

/**
 * Where one watched repository's pull-request reading stands: `backfill` while the first pass reads back to the
 * retention window's start (queued at connect, continued on the queue), `incremental` while a later pass reads
 * what changed, null between passes. Counts only, never a pull request.
 */
export interface GitHubRepositorySync {
  fullName: string;
  status: 'never' | 'ok' | 'rate-limited' | 'stopped' | 'not-found' | 'failing';
  /** While `failing`: why GitHub's last answer failed, in plain words, and since when (ISO). */
  failure: { reason: string; since: string } | null;
  /** False when GitHub would not show the repository's `.gitattributes` (the token lacks the optional Contents: read). */
  gitattributesReadable: boolean;
  pass: 'backfill' | 'incremental' | null;
  /** Pages the pass in progress has read so far. */
  pagesRead: number;
  /** When a rate limit lets it go on (ISO), while it waits. */
  resumeAt: string | null;
  lastRunAt: string | null;
  lastCompletedAt: string | null;
}

/**
 * GitHub's webhooks, optional: the web trigger's address to paste into the repositories' webhook settings, and
 * whether a signing secret is set (the secret itself is shown once, when created, and never again).
 */
export interface GitHubWebhookStatus {
  /** Null when the platform could not give the address just now. */
  url: string | null;
  secretSet: boolean;
}

/** What a GitHub connection's answer adds: how the reading of each watched repository stands, and the webhook. */
interface GitHubReadingStatus {
  pullRequestSync: GitHubRepositorySync[];
  webhook: GitHubWebhookStatus;
}

/**
 * `getGeneratedPaths` / `setGeneratedPaths`: the admin's generated-file patterns (gitattributes syntax), left out
 * of pull-request sizes beside the lockfiles (listed here, fixed) and each repository's `linguist-generated` paths.
 */
export interface GeneratedPathsData {
  patterns: string[];
  lockfiles: string[];
  limits: { maxPatterns: number; maxLength: number };
}
export interface SetGeneratedPathsPayload {
  patterns: string[];
}

/**
 * `createGitHubWebhookSecret` (payload `{}`): a new random secret, sealed and stored, replacing any earlier one.
 * This answer is the only time the secret leaves the app: the admin pastes it into GitHub's webhook form.
 */
export interface GitHubWebhookSecretCreated {
  url: string | null;
  secret: string;
}

export type GitHubConnectionData =
  { connected: false; sealing: SealingStatus } | (ConnectedTokenStatus & GitHubConnectionDetails & GitHubReadingStatus);

/** `connectGitHub` (connect or replace): the token is checked with GitHub before anything is stored. */
export interface ConnectGitHubPayload {
  token: string;
  repositories: string[];
}
/** `updateGitHubRepositories`: the stored token is checked against the new list. */
export interface UpdateGitHubRepositoriesPayload {
  repositories: string[];
}

export interface SlackChannelInfo {
  id: string;
  name: string;
  isPrivate: boolean;
  /** The bot is in the channel; until it is, posting fails. */
  isMember: boolean;
}

/** What the app stores about a Slack bot token beside the sealed token itself, and shows as it is. */
export interface SlackConnectionDetails {
  workspace: { id: string; name: string; url: string };
  botUserId: string;
  scopes: string[] | null;
  channel: SlackChannelInfo;
  connectedBy: string;
  connectedAt: string;
  lastCheck: ConnectionCheck;
  lastTestMessageAt: string | null;
}

export type SlackConnectionData =
  | { connected: false; sealing: SealingStatus }
  | (ConnectedTokenStatus & SlackConnectionDetails & { lastDigest: SlackDigestOutcome | null });

/** `connectSlack` (connect or replace): `auth.test` and `conversations.info` before anything is stored. */
export interface ConnectSlackPayload {
  token: string;
  channelId: string;
}
export interface UpdateSlackChannelPayload {
  channelId: string;
}
/** `sendSlackTestMessage`: payload `{}`. */
export interface SlackTestMessageSent {
  sentAt: string;
  channel: SlackChannelInfo;
}

/**
 * The last weekly flow digest, or the last "send digest now" (`sendSlackDigest`, payload `{}`, answers this):
 * where it went and which projects it covered, or why nothing was posted. Never holds a token.
 */
export interface SlackDigestOutcome {
  at: string;
  trigger: 'weekly' | 'admin';
  /** `skipped`: nothing to post (Slack not connected, or no measured project synced yet). */
  outcome: 'sent' | 'skipped' | 'failed';
  channel: { id: string; name: string } | null;
  /** Projects the digest reported on. */
  projects: string[];
  /** Measured projects left out: never synced, or their figures could not be computed. */
  skipped: string[];
  /** Why nothing was posted, in words an admin can act on; null when the digest went out. */
  problem: string | null;
  /**
   * Set while the run goes on: the invocation ran short of time after posting `projects`, and these projects
   * follow from the queue (the settings page then shows the run's outcome once its last part has posted).
   */
  continuesWith?: string[];
}

/**
 * One measured project's Slack alerts, each turned on by an admin (`getSlackAlerts`, payload `{}`, answers
 * every measured project's; `saveSlackAlerts` takes one project's and answers them all again).
 */
export interface SlackAlertSettings {
  projectKey: string;
  /** Announce an item in progress when it passes the project's service-level expectation. */
  serviceLevel: boolean;
  /** Announce a pull request that has waited longer than `hours` for its first review. */
  reviewWait: { enabled: boolean; hours: number };
  /**
   * The Slack channel the project's alerts go to (`C…` or `G…`), checked with Slack when it changes; null for the
   * digest's channel, which it then follows.
   */
  channelId: string | null;
}

/** Why the alerts could not be posted, as a kind the page may style and a sentence an admin can act on. */
type SlackAlertProblemKind =
  | 'rate-limited'
  | 'token-revoked'
  | 'token-unreadable'
  | 'missing-scope'
  | 'channel-not-found'
  | 'not-in-channel'
  | 'channel-archived'
  | 'unavailable'
  | 'refused';

export interface SlackAlertProblem {
  at: string;
  kind: SlackAlertProblemKind;
  text: string;
}

/** One measured project's alerts as saved, where they go, and how they went. */
export interface ProjectSlackAlerts extends SlackAlertSettings {
  /** Where the alerts go: the project's own channel, or the digest's; null when neither is known (Slack not connected). */
  channel: SlackChannelInfo | null;
  /** The alerts follow the digest's channel (no channel of the project's own). */
  usesDigestChannel: boolean;
  /** When the alerts last ran (after the hourly sync, all projects together); null before the first run. */
  lastRunAt: string | null;
  /** When an alert of this project was last posted. */
  lastPostedAt: string | null;
  /** The latest problem met posting this project's alerts, or the whole run's (a revoked token); kept once resolved. */
  lastProblem: SlackAlertProblem | null;
}

/** The whole hours a review-wait threshold may be: at least an hour (the alerts run hourly), at most 30 days. */
export const REVIEW_WAIT_HOURS = Object.freeze({ min: 1, max: 720, default: 24 });

export interface SlackAlertsData {
  projects: ProjectSlackAlerts[];
}

export const RETENTION_DAYS = Object.freeze({ min: 30, max: 1825, default: 730 });

export interface PurgeOutcome {
  at: string;
  retentionDays: number;
  /** Stored records dropped because they were older than the retention window: audit entries, issues, pull requests. */
  removed: number;
  removedAuditEntries: number;
  removedIssues: number;
  /** Pull requests merged or closed before the window's start. */
  removedPullRequests: number;
  /** Projects no longer measured whose every stored value was deleted (see src/app/sync/stored-projects-purge.ts). */
  erasedProjects: string[];
  /** Projects a sync was holding, left for the next run. */
  skippedProjects: string[];
}

/** `purgeNow`: the purge runs on the queue; `getDataPrivacy` shows it done once `lastPurge.at` is this or later. */
export interface PurgeQueued {
  queued: true;
  requestedAt: string;
}

export interface PersonalDataReportSummary {
  at: string;
  accountsReported: number;
  closed: number;
  updated: number;
  outcome: 'ok' | 'failed';
}

/** `getDataPrivacy`: payload `{}`; `setRetention` answers the same. */
export interface DataPrivacyData {
  retentionDays: number;
  retentionLimits: { min: number; max: number; default: number };
  lastPurge: PurgeOutcome | null;
  lastPersonalDataReport: PersonalDataReportSummary | null;
  /** How many Atlassian accounts the app keeps anything about (audit actors, who connected a token). */
  storedAccounts: number;
  sealing: SealingStatus;
  /** Stored tokens sealed with a key older than the newest: run the re-seal after adding a key. */
  secretsOnOlderKeys: number;
}

export interface SetRetentionPayload {
  retentionDays: number;
}

/**
 * `exportAppData`: call with no cursor, then with each `nextCursor` until it is null.
 * @public
 */
export interface ExportAppDataPayload {
  cursor?: string;
}
export interface AppDataExportChunk {
  format: 'flow-metrics-export/1';
  exportedAt: string;
  /** Plain stored values, by key. Tokens are never among them. */
  entries: Array<{ key: string; value: unknown }>;
  nextCursor: string | null;
}

/** What the admin must type to erase everything. */
export const ERASE_CONFIRMATION_PHRASE = 'erase all flow metrics data';

/** `eraseAllAppData`: repeat while `done` is false (large sites take more than one call). */
export interface EraseAllAppDataPayload {
  confirmation: string;
}
export interface AppDataErased {
  done: boolean;
  erasedValues: number;
  erasedSecrets: number;
}

/** `resealSecrets`: payload `{}`. Moves every stored token to the newest sealing key. */
export interface ResealOutcome {
  newestKeyId: string;
  resealed: number;
  alreadyCurrent: number;
  /** Secrets sealed with a key that is no longer configured: they cannot be opened and must be re-entered. */
  unreadable: number;
}

/** Every action the audit log records; stored entries are checked against this list. */
export const AUDIT_ACTIONS = [
  'project.measured',
  'project.unmeasured',
  'workflow.changed',
  'workflow.reset',
  'project.sync-requested',
  'project.rebuild-requested',
  'github.connected',
  'github.replaced',
  'github.repositories-changed',
  'github.disconnected',
  'github.connect-refused',
  'github.repositories-change-refused',
  'github.sync-stopped',
  'github.sync-failing',
  'github.webhook-secret-set',
  'github.generated-paths-changed',
  'slack.connected',
  'slack.replaced',
  'slack.channel-changed',
  'slack.disconnected',
  'slack.test-message-sent',
  'slack.connect-refused',
  'slack.test-message-failed',
  'slack.channel-change-refused',
  'slack.alert-channel-refused',
  'slack.digest-sent',
  'slack.alerts-changed',
  'retention.changed',
  'data.purged',
  'data.exported',
  'data.erased',
  'secrets.resealed',
  // An expensive request asked for again too soon (see src/app/access/admin-request-throttle.ts).
  'request.rate-limited',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: string;
  at: string;
  /** The Atlassian account that acted; the UI shows the person's name. */
  actorAccountId: string;
  action: AuditAction;
  /** What was acted on: a project key, a repository list, a channel; null when the whole app. */
  subject: string | null;
  /** Plain facts about the change; never a secret. */
  details: Record<string, string | number | boolean | null>;
}

/**
 * `getAuditLog`: payload `{ cursor? }`. Without a cursor, the newest entries; with one, the page just older
 * than the one that gave it out. Entries recorded meanwhile do not shift the pages already reached.
 * @public
 */
export interface AuditLogPayload {
  cursor?: string;
}
export interface AuditLogPage {
  /** Newest first; AUDIT_LOG_PAGE_SIZE of them unless the page reaches the oldest entry. */
  entries: AuditEntry[];
  /** The place of the first entry, counting the newest as 1 when the reader opened the newest page. */
  firstEntryNumber: number;
  /** How many entries the log holds, about (pages are counted by their nominal size). */
  approximateTotal: number;
  /** Asks for the next older page; null when these are the oldest entries. */
  olderCursor: string | null;
}
export const AUDIT_LOG_PAGE_SIZE = 25;

/**
 * `getPullRequests` (project page): the pull requests naming the project's items, from the watched GitHub
 * repositories, as stored (metadata only: times, sizes without generated files, issue keys).
 */
export interface ProjectPullRequestsData {
  /** False when no GitHub token is connected: there is nothing to show. */
  connected: boolean;
  repositories: Array<{
    fullName: string;
    status: 'never' | 'ok' | 'rate-limited' | 'stopped' | 'not-found' | 'failing';
    /** The last time every update was read (ISO), or null before the first backfill completed. */
    lastCompletedAt: string | null;
  }>;
  pulls: PullRequestFacts[];
}

/**
 * `countRemainingWork` (project page): how many unfinished items (status category not Done) of the page's project
 * match a JQL query or are children of an epic, counted by Jira as the calling user (so only what they may see),
 * for the forecast's "when will this work be done". The query is the reader's: it is sent to Jira only inside
 * `project = KEY AND (…)`, never stored, never logged. A query Jira cannot run is answered INVALID_INPUT with
 * Jira's reason in plain words.
 */
export type RemainingWorkPayload = { source: 'jql'; jql: string } | { source: 'epic'; epicKey: string };
export interface RemainingWorkData {
  /** Jira's approximate count of the matching unfinished items. */
  count: number;
}
/** The longest JQL query a reader may count from. */
export const MAX_REMAINING_WORK_JQL_LENGTH = 2000;

/**
 * The payload of a function that takes nothing: everything it needs comes from the platform's context.
 * @public
 */
export type NoPayload = Record<string, never>;

/**
 * Every function of the project page's resolver (`jira:projectPage`), by the name the page invokes: what it
 * takes and what it answers. The resolver's function table `satisfies` this map, and the page can call the
 * backend only through `invoke` (static/common/invoke-resolver.ts), keyed by it.
 */
export interface ProjectPageFunctions {
  getProjectPage: { payload: NoPayload; answer: ProjectPageData };
  getProjectView: { payload: ProjectViewPayload; answer: ProjectViewData };
  getSyncState: { payload: NoPayload; answer: SyncStateData };
  getPullRequests: { payload: NoPayload; answer: ProjectPullRequestsData };
  syncNow: { payload: NoPayload; answer: SyncNowData };
  countRemainingWork: { payload: RemainingWorkPayload; answer: RemainingWorkData };
}

/** Every function of the settings page's resolver (`jira:adminPage`), as `ProjectPageFunctions` is for the project page. */
export interface SettingsFunctions {
  listProjects: { payload: NoPayload; answer: ProjectListData };
  listProjectSettings: { payload: NoPayload; answer: ProjectSettingsList };
  setProjectMeasured: { payload: SetProjectMeasuredPayload; answer: MeasuredProjectsData };
  getProjectWorkflow: { payload: ProjectWorkflowPayload; answer: ProjectWorkflowData };
  saveProjectWorkflow: { payload: SaveProjectWorkflowPayload; answer: ProjectWorkflowData };
  resetProjectWorkflow: { payload: ProjectWorkflowPayload; answer: ProjectWorkflowData };
  proposeBoardWorkflow: { payload: BoardWorkflowPayload; answer: BoardWorkflowProposal };
  requestProjectSync: { payload: RequestProjectSyncPayload; answer: ProjectSyncRequested };
  getGitHubConnection: { payload: NoPayload; answer: GitHubConnectionData };
  connectGitHub: { payload: ConnectGitHubPayload; answer: GitHubConnectionData };
  updateGitHubRepositories: { payload: UpdateGitHubRepositoriesPayload; answer: GitHubConnectionData };
  disconnectGitHub: { payload: NoPayload; answer: GitHubConnectionData };
  createGitHubWebhookSecret: { payload: NoPayload; answer: GitHubWebhookSecretCreated };
  getGeneratedPaths: { payload: NoPayload; answer: GeneratedPathsData };
  setGeneratedPaths: { payload: SetGeneratedPathsPayload; answer: GeneratedPathsData };
  getSlackConnection: { payload: NoPayload; answer: SlackConnectionData };
  connectSlack: { payload: ConnectSlackPayload; answer: SlackConnectionData };
  updateSlackChannel: { payload: UpdateSlackChannelPayload; answer: SlackConnectionData };
  disconnectSlack: { payload: NoPayload; answer: SlackConnectionData };
  sendSlackTestMessage: { payload: NoPayload; answer: SlackTestMessageSent };
  sendSlackDigest: { payload: NoPayload; answer: SlackDigestOutcome };
  getSlackAlerts: { payload: NoPayload; answer: SlackAlertsData };
  saveSlackAlerts: { payload: SlackAlertSettings; answer: SlackAlertsData };
  getDataPrivacy: { payload: NoPayload; answer: DataPrivacyData };
  setRetention: { payload: SetRetentionPayload; answer: DataPrivacyData };
  purgeNow: { payload: NoPayload; answer: PurgeQueued };
  exportAppData: { payload: ExportAppDataPayload; answer: AppDataExportChunk };
  eraseAllAppData: { payload: EraseAllAppDataPayload; answer: AppDataErased };
  resealSecrets: { payload: NoPayload; answer: ResealOutcome };
  getAuditLog: { payload: AuditLogPayload; answer: AuditLogPage };
}

/**
 * Every resolver function the Custom UI may call. The two pages' names never overlap.
 * @public
 */
export type ResolverFunctions = ProjectPageFunctions & SettingsFunctions;
export type ResolverFunctionKey = keyof ResolverFunctions;
export type PayloadOf<K extends ResolverFunctionKey> = ResolverFunctions[K]['payload'];
export type AnswerOf<K extends ResolverFunctionKey> = ResolverFunctions[K]['answer'];
