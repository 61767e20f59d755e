/**
 * The interfaces the use-cases need from the outside world. Use-cases in src/app depend only on these;
 * src/adapters implements them on Forge's SDKs, and tests implement them in memory.
 */
import type {
  AuditAction,
  HistoryEdit,
  ProjectBoard,
  ProjectStatus,
  ProjectSummary,
  ResealOutcome,
  SealingStatus,
} from './shared/resolver-contract';
import type { JiraChangeHistory, JiraIssue, JiraStatus, OverviewFigures, PackedCycleTimeFigures, PullRequestFacts } from './domain';
import type { HistoryDictionaries, PackedShard, StoredIssue } from './shared/packed-history';

/** Jira's projects, as seen by one identity (the app, or the user who is calling). */
export interface ProjectDirectory {
  /** The project, or null when it does not exist or this identity may not see it. */
  findProject(projectKey: string): Promise<ProjectSummary | null>;
  listProjects(): Promise<ProjectSummary[]>;
  /**
   * Each named project's Jira type (its `projectTypeKey`: software, service_desk, business…), read together
   * rather than one request per project; a project this identity cannot see is left out.
   */
  projectTypes(projectKeys: readonly string[]): Promise<Map<string, string>>;
}

/** What Jira lets the calling user do. Always answered by Jira itself, as that user. */
export interface UserPermissions {
  canBrowseProject(projectKey: string): Promise<boolean>;
  isJiraAdministrator(): Promise<boolean>;
}

/** The items still to do, as a reader names them: those matching their own JQL, or an epic's children. */
export type RemainingWorkScope = { jql: string } | { epicKey: string };

/** Counts a project's unfinished items, asked of Jira as the calling user: only what they may see is counted. */
export interface RemainingWorkCounter {
  countUnfinished(projectKey: string, scope: RemainingWorkScope): Promise<number>;
}

/**
 * Which of a project's issue security levels the calling user may see (`GET /rest/api/3/project/{key}/
 * securitylevel`, asked as that user): their ids. Answered by Jira itself, or by a short-lived copy of its
 * answer for the same user and project.
 */
export interface SecurityLevelVisibility {
  visibleLevels(projectKey: string): Promise<ReadonlySet<number>>;
}

/**
 * Where one project's sync stands, as the use-cases keep it. Stored as a versioned record of its own
 * (SYNC_STATE_RECORD); the pages are shown it through `syncStateForPage` (src/app/sync/sync-state.ts), so the
 * page's type and the stored one can change apart.
 */
export interface ProjectSyncState {
  status: 'never-synced' | 'queued' | 'running' | 'ok' | 'failed';
  /** Issues processed / issues known, while a backfill runs. */
  progress: { done: number; total: number | null } | null;
  /** When the last sync completed (ISO), or null. */
  lastSuccessAt: string | null;
  /** A readable message for the last failure; never a stack trace or a secret. */
  lastError: string | null;
}

export interface SyncStateStore {
  read(projectKey: string): Promise<ProjectSyncState | null>;
  write(projectKey: string, state: ProjectSyncState): Promise<void>;
}

/** Which projects an admin chose to measure. */
export interface MeasuredProjects {
  list(): Promise<string[]>;
  replace(projectKeys: string[]): Promise<void>;
}

/** When each project an admin stopped measuring was stopped: from then on, nothing refreshes its stored data. */
export interface UnmeasuredProjects {
  /** The instant (ISO) recorded for the project, or null when none is. */
  since(projectKey: string): Promise<string | null>;
  record(projectKey: string, since: string): Promise<void>;
  clear(projectKey: string): Promise<void>;
}

/** Every project the app keeps anything for, found from storage rather than from the measured list. */
export interface StoredProjects {
  /** The keys of the projects that have at least one stored value, in order. */
  list(): Promise<string[]>;
  /** Deletes every stored value of the project except its sync lock (whoever erases holds it); answers how many. */
  erase(projectKey: string): Promise<number>;
}

export interface Clock {
  now(): Date;
}

/** One JSON document the app keeps under a fixed name (a connection's description, a setting, a last run). */
export interface StoredDocument<T> {
  read(): Promise<T | null>;
  write(value: T): Promise<void>;
  remove(): Promise<void>;
}

/** A project's statuses as Jira lists them for its issue types; null when the project does not exist. */
export interface ProjectStatuses {
  list(projectKey: string): Promise<ProjectStatus[] | null>;
}

/** A board column as Jira Software lists it: its name and the status ids it shows, in board order. */
export interface BoardColumn {
  name: string;
  statusIds: string[];
}

/**
 * A project's Jira Software boards (the agile REST API). Null answers mean the site has no Jira Software, or
 * the board is gone or hidden from the caller: Jira answers 404 to both.
 */
export interface ProjectBoards {
  boardsOf(projectKey: string): Promise<ProjectBoard[] | null>;
  columnsOf(boardId: number): Promise<BoardColumn[] | null>;
}

/** The flow configuration document (see src/domain/flow-config.ts) an admin saved for a project. */
export interface FlowConfigStore {
  /** The stored document as it was written (not yet validated), or null when the project has none. */
  read(projectKey: string): Promise<unknown>;
  write(projectKey: string, document: Record<string, unknown>): Promise<void>;
  remove(projectKey: string): Promise<void>;
}

/**
 * The secrets the app holds: two tokens, and the secret GitHub signs its webhook deliveries with. Each has one
 * slot: storing again replaces (and so deletes) the old one.
 */
export type SecretName = 'github-token' | 'github-webhook-secret' | 'slack-bot-token';
export const SECRET_NAMES: readonly SecretName[] = Object.freeze(['github-token', 'github-webhook-secret', 'slack-bot-token'] as const);

/**
 * Where tokens are kept: sealed with the app's own key, then stored as platform secrets. Values go in and come
 * out only through here; nothing else in the app ever sees a stored token.
 */
export interface SecretVault {
  sealingStatus(): SealingStatus;
  /** @throws AppError NOT_CONFIGURED when no sealing key is configured: call before asking anyone to check a token. */
  assertCanSeal(): void;
  /** Seals with the newest key and stores. Answers the key id used. */
  store(name: SecretName, value: string): Promise<{ keyId: string }>;
  /** @throws UnreadableSecretError when the stored value cannot be opened with any configured key. */
  open(name: SecretName): Promise<string | null>;
  remove(name: SecretName): Promise<void>;
  /**
   * The key id a stored secret is sealed with, once it opened with that key in its own slot; null when there is
   * none, or when it cannot be opened (moved from the other slot, altered, or its key is gone): damaged.
   */
  sealedWith(name: SecretName): Promise<string | null>;
  /** Whether the slot holds anything at all, whether or not it opens. */
  holds(name: SecretName): Promise<boolean>;
  /** Re-seals every stored secret that is not sealed with the newest key; checks that the others open. */
  resealAll(): Promise<ResealOutcome>;
}

/** What the GitHub API says about a token, from `GET /user` and its response headers. */
export interface GitHubTokenIdentity {
  login: string;
  /** Classic tokens' OAuth scopes (`x-oauth-scopes`); null when GitHub sends none (fine-grained tokens). */
  scopes: string[] | null;
  /** ISO timestamp from `github-authentication-token-expiration`, or null. */
  expiresAt: string | null;
}

export interface GitHubRepositoryView {
  fullName: string;
  private: boolean;
  archived: boolean;
  defaultBranch: string;
}

/**
 * GitHub, through one token. Failures are `ServiceRefusal`s: `unauthorized` (bad, expired or revoked token),
 * `rate-limited`, `unavailable`.
 */
export interface GitHubAccount {
  identify(token: string): Promise<GitHubTokenIdentity>;
  /** The repository, or null when it does not exist or the token may not see it (GitHub answers 404 to both). */
  repository(token: string, fullName: string): Promise<GitHubRepositoryView | null>;
}

/** How pull requests are read into facts: which issue keys count, which files are generated. */
export interface PullRequestReading {
  /** The site's project keys (upper-case); null when unknown (see src/domain/jira-key-extraction.ts). */
  knownProjects: ReadonlySet<string> | null;
  /** gitattributes-style patterns of generated files besides the lockfiles and the repository's own marks. */
  generatedPaths: readonly string[];
}

/** One page of a repository's pull requests, most recently updated first. */
export interface PullRequestPage {
  pulls: PullRequestFacts[];
  /** Where the next page starts; null after the last. */
  nextCursor: string | null;
  /** What the page cost in GitHub's GraphQL points, and what the token has left until `resetAt` (epoch ms). */
  cost: number;
  remaining: number | null;
  resetAt: number | null;
  /** HTTP requests the page took (more than one when a pull request changed more files than one read lists). */
  requests: number;
  /**
   * False when GitHub would not show the repository's `.gitattributes` (the token lacks the optional Contents:
   * read); absent means readable.
   */
  gitattributesReadable?: boolean;
}

/**
 * Pull requests of watched repositories, read in bulk through GitHub's GraphQL API. Only times, sizes and the
 * issue keys named are answered; titles, branch names and commit messages are read for the keys and dropped.
 * Failures are `ServiceRefusal`s (`unauthorized`, `rate-limited` with `retryAt`, `unavailable`).
 */
export interface GitHubPullRequests {
  /** A page starting at `cursor` (the first when null), or null when the token cannot see the repository. */
  page(token: string, repository: string, cursor: string | null, reading: PullRequestReading): Promise<PullRequestPage | null>;
  /** One pull request by number (a page of one, `nextCursor` null); null when the token cannot see the repository. */
  pullRequest(token: string, repository: string, number: number, reading: PullRequestReading): Promise<PullRequestPage | null>;
}

/** Where a watched repository's pull-request reading stands, in one word (see `RepositorySyncState`). */
export type RepositorySyncStatus = 'never' | 'ok' | 'rate-limited' | 'stopped' | 'not-found' | 'failing';

/**
 * Where one watched repository's pull-request sync stands. Times are GitHub's (epoch ms), except `resumeAt`
 * and `lastRunAt`, which are the app's clock.
 */
export interface RepositorySyncState {
  format: 1;
  /** GitHub update time of the newest pull request a finished pass has read; null before the first backfill completes. */
  watermark: number | null;
  /** A pass in progress: reading most recently updated first, from `cursor`, until updates older than `stopBefore`. */
  pass: { kind: 'backfill' | 'incremental'; cursor: string | null; newest: number | null; stopBefore: number; pages: number } | null;
  /**
   * `stopped`: the token was refused; nothing is read until it changes (`stoppedFor` is the refused connection's time).
   * `failing`: GitHub answered the last run with another failure (`failure`); the next run tries again from the cursor.
   */
  status: RepositorySyncStatus;
  stoppedFor: string | null;
  /** While `failing`: what went wrong, in plain words, and since when (ISO). Absent in states stored before it existed. */
  failure?: { reason: string; since: string } | null;
  /** False when the last page read could not read `.gitattributes` (no Contents: read); absent means readable. */
  gitattributesReadable?: boolean;
  /** Not before this (a rate limit's reset). */
  resumeAt: number | null;
  lastRunAt: string | null;
  lastCompletedAt: string | null;
}

/** The stored pull requests of each watched repository (metadata only, see src/domain/pull-request.ts). */
export interface PullRequestStore {
  readAll(repository: string): Promise<PullRequestFacts[]>;
  /** Adds or replaces these pull requests, and drops any stored one closed before `keepClosedSince` (epoch ms). */
  upsert(repository: string, pulls: readonly PullRequestFacts[], keepClosedSince: number): Promise<void>;
  readState(repository: string): Promise<RepositorySyncState | null>;
  writeState(repository: string, state: RepositorySyncState): Promise<void>;
  /** Drops the stored pull requests closed (merged or not) before `closedBefore` (epoch ms); answers how many. */
  purgeClosedBefore(repository: string, closedBefore: number): Promise<number>;
  /** Deletes everything stored for the repository: its pull requests and its sync state (cursor, watermark). */
  eraseRepository(repository: string): Promise<number>;
  /** Deletes every repository's pull requests and sync state, watched or not. */
  eraseAll(): Promise<number>;
}

export interface SlackIdentity {
  workspaceId: string;
  workspaceName: string;
  workspaceUrl: string;
  botUserId: string;
  /** From Slack's `x-oauth-scopes` header; null when absent. */
  scopes: string[] | null;
}

export interface SlackChannelView {
  id: string;
  name: string;
  isPrivate: boolean;
  isMember: boolean;
  isArchived: boolean;
}

/** One Block Kit block (https://api.slack.com/reference/block-kit/blocks), as JSON. */
export type SlackBlock = { type: string } & Record<string, unknown>;

/**
 * A Slack workspace, through one bot token. Failures are `ServiceRefusal`s: `unauthorized`, `missing-scope`,
 * `channel-not-found`, `not-in-channel`, `channel-archived`, `rate-limited`, `unavailable`.
 */
export interface SlackWorkspace {
  identify(token: string): Promise<SlackIdentity>;
  channel(token: string, channelId: string): Promise<SlackChannelView>;
  /** `text` is the notification and the fallback where Block Kit `blocks` cannot be shown. */
  postMessage(token: string, channelId: string, text: string, blocks?: readonly SlackBlock[]): Promise<{ ts: string }>;
}

/**
 * One event of the settings audit trail, as the use-cases record it. The log stores it in a shape of its own
 * and the settings page is answered with the contract's `AuditEntry`, so neither can rename the other's fields.
 */
export interface AuditRecord {
  id: string;
  /** ISO instant. */
  at: string;
  /** The Atlassian account that acted. */
  actorAccountId: string;
  action: AuditAction;
  /** What was acted on: a project key, a repository list, a channel; null when the whole app. */
  subject: string | null;
  /** Plain facts about the change; never a secret. */
  details: AuditDetails;
}

export type AuditDetails = Record<string, string | number | boolean | null>;

/** The settings audit trail, kept in bounded pages. */
export interface AuditLog {
  /**
   * Adds an entry. The log is bounded: when full, its oldest page goes to make room, and the answer says what
   * went as `pruneOlderThan`'s does (nothing, mostly).
   */
  append(entry: AuditRecord): Promise<AuditPrune>;
  /**
   * Up to `count` entries, newest first: the newest, or those just older than `after`, however the stored
   * pages divide them. Entries appended meanwhile are newer than any point already read, so reading on from
   * a point neither skips nor repeats an entry.
   */
  read(count: number, after?: AuditReadPoint): Promise<AuditReadout>;
  /** Drops every entry older than `cutoff` (ISO); answers how many went, and whose they were. */
  pruneOlderThan(cutoff: string): Promise<AuditPrune>;
  /**
   * Replaces `accountId` wherever an entry names it (as actor, or in a detail) with `tombstone`, keeping the
   * events themselves. Answers how many entries changed.
   */
  replaceAccount(accountId: string, tombstone: string): Promise<number>;
}

/** Where a read of the audit log stopped: the last entry it gave, and the stored page holding it. */
export interface AuditReadPoint {
  page: number;
  entryId: string;
  at: string;
}

export interface AuditReadout {
  /** Newest first. */
  entries: AuditRecord[];
  /** Where the next older read starts; null when these reach the oldest entry. */
  next: AuditReadPoint | null;
  /** How many entries the log holds, counting each full page as its nominal size. */
  approximateTotal: number;
}

/** What an audit purge (or the log's size cap) removed: how many entries, and the actors of those whom no remaining entry names. */
export interface AuditPrune {
  removed: number;
  formerActors: string[];
}

/** Why the app keeps an accountId: each use is what the personal-data cycle must refresh or erase. */
export type PersonalDataUse = 'audit-actor' | 'github-connection' | 'slack-connection';

/** One account in the personal-data index: what the app keeps it for, and when it was last confirmed. */
export interface IndexedAccount {
  accountId: string;
  uses: PersonalDataUse[];
  firstStoredAt: string;
  /** When the app last confirmed the account with Atlassian's personal-data reporting, or first stored it. */
  lastRefreshedAt: string;
}

/** The index of every Atlassian account the app stores anything about, for the personal-data cycle. */
export interface PersonalDataIndex {
  remember(accountId: string, use: PersonalDataUse, at: string): Promise<void>;
  count(): Promise<number>;
  /**
   * Indexed accounts in ascending accountId order, a page at a time, starting after `afterAccountId` (from the
   * start when null). Meant to be read within one invocation; resume later from the last accountId handled.
   */
  accountsAfter(afterAccountId: string | null): AsyncIterable<IndexedAccount[]>;
  /** Records that Atlassian's reporting was heard about the account at `at` (nothing else is cached to refresh). */
  markRefreshed(accountId: string, at: string): Promise<void>;
  /** Drops the account from the index: the last step of erasing it. */
  forget(accountId: string): Promise<void>;
}

/** One account as reported to Atlassian: `updatedAt` is when the app last refreshed what it keeps about it. */
export interface ReportedAccount {
  accountId: string;
  updatedAt: string;
}

/** What Atlassian says the app must do about a reported account. Accounts needing nothing are not listed. */
export interface AccountVerdict {
  accountId: string;
  status: 'closed' | 'updated';
}

/**
 * Atlassian's personal-data reporting API. One call is one request of at most 90 accounts.
 * @throws ReportRefusal when the API answers anything but success (429 and 5xx included).
 */
export interface PersonalDataReporter {
  report(accounts: readonly ReportedAccount[]): Promise<AccountVerdict[]>;
}

/** Waits; tests substitute a clock that does not. */
export interface Pause {
  wait(ms: number): Promise<void>;
}

/** Queues the next slice of a personal-data report run that ran out of time (or must wait out a refusal). */
export interface PersonalDataReportScheduler {
  continueRun(runId: string, delaySeconds: number): Promise<void>;
}

/** Everything the app stores for this installation, as a whole: for export and erasure. */
export interface AppStorage {
  /** Plain values only (never secrets), a page at a time, up to about `maxBytes` of JSON per page. */
  exportPage(
    cursor: string | undefined,
    maxBytes: number,
  ): Promise<{ entries: Array<{ key: string; value: unknown }>; nextCursor: string | null }>;
  /** Deletes plain values until none are left or `deadline` (epoch ms) passes. */
  eraseValues(deadline: number): Promise<{ erased: number; done: boolean }>;
}

/*
 * The sync from Jira into compact storage (src/app/sync): Jira read as the app, the stored history, and the
 * job's own bookkeeping.
 */

/** What the sync needs to know about the site before reading issues. */
export interface JiraCatalogue {
  /** Every status with its category (`GET /rest/api/3/status`). */
  statuses: JiraStatus[];
  /** Ids of the "Flagged" field; empty when the site has none. */
  flaggedFieldIds: string[];
}

/**
 * Jira's issues, read as the app. Every method validates what it writes into JQL (project keys, ids, dates)
 * before any request, answers only the fields the compact history needs, and copes with Jira's paging.
 */
export interface IssueSource {
  catalogue(): Promise<JiraCatalogue>;
  statuses(): Promise<JiraStatus[]>;
  /** Jira's time (epoch ms) of the project's most recent issue update; null for an empty project. */
  latestUpdate(projectKey: string): Promise<number | null>;
  /** The project's first issues by id, as many as one read holds; null where Jira cannot read them that way. */
  firstIssues(projectKey: string, flaggedFieldIds: readonly string[]): Promise<FirstIssues | null>;
  /** Every issue id of the project (ids only, thousands per request). */
  listIssueIds(projectKey: string): Promise<string[]>;
  /** The project's issues among `ids`; ids that no longer exist or left the project are simply absent. */
  issuesByIds(projectKey: string, ids: readonly string[], flaggedFieldIds: readonly string[]): Promise<JiraIssue[]>;
  /** Pages of the project's issues updated at or after `since` (all issues when null), oldest update first. */
  updatedIssues(projectKey: string, since: number | null, now: number, flaggedFieldIds: readonly string[]): AsyncIterable<JiraIssue[]>;
  /** Complete status (and Flagged) change histories per issue id, oldest first. */
  changelogs(ids: readonly string[], flaggedFieldIds: readonly string[]): Promise<Map<string, JiraChangeHistory[]>>;
}

/** A project's first issues by id, complete (with their Flagged state); `complete`: there are no others. */
export interface FirstIssues {
  issues: JiraIssue[];
  complete: boolean;
}

/** One stored shard: an opaque reference (equal content, equal reference) and what it covers. */
export interface ShardRef {
  ref: string;
  /** Jira id of its first issue: shards are in ascending id order. */
  firstId: number;
  count: number;
  /**
   * The security levels its issues carry, as [level id, how many of its issues have it], ascending by id;
   * absent when none has one. Lets a reader know from the manifest alone whether a viewer must be asked which
   * levels they may see, and how many issues that hides (see src/app/access/issue-security.ts).
   */
  levels?: Array<[level: number, issues: number]>;
}

/** Where a project's stored history stands: its dictionaries and its shards, in order. */
export interface HistoryManifest extends HistoryDictionaries {
  /** `HISTORY_STORAGE_FORMAT` when written; an older number means the history must be rebuilt. */
  format: number;
  shards: ShardRef[];
  /** Shards this manifest replaced, deleted after it was written (and again by the next job, if it crashed). */
  retired: string[];
}

/** `live`: what the project page shows. `staging`: a backfill or rebuild in progress, switched in when complete. */
export type HistoryGeneration = 'live' | 'staging';

/**
 * What each change of a project's live history changed, kept for a while, so a browser holding an older
 * version can be sent the edits instead of the whole history. Written by the history store itself.
 */
export interface HistoryEditLog {
  /**
   * The edits that turn version `since` into `current`, in order; null when they are not kept (too old, a
   * rebuild), or when one carries an issue at a security level `mayShowLevel` refuses: an edit can hold an issue
   * the current history no longer does (secured, then deleted or moved), whose level the viewer was never asked.
   */
  editsSince(projectKey: string, since: string, current: string, mayShowLevel: (level: number) => boolean): Promise<HistoryEdit[] | null>;
}

/** The stored compact history of each project. */
export interface HistoryStore {
  readManifest(projectKey: string, generation: HistoryGeneration): Promise<HistoryManifest | null>;
  writeManifest(projectKey: string, generation: HistoryGeneration, manifest: HistoryManifest): Promise<void>;
  deleteManifest(projectKey: string, generation: HistoryGeneration): Promise<void>;
  readShards(projectKey: string, refs: readonly string[]): Promise<PackedShard[]>;
  /** Stores the shards not among `stored` yet; answers every shard's reference, in order. */
  saveShards(projectKey: string, shards: readonly PackedShard[], stored: ReadonlySet<string>): Promise<string[]>;
  deleteShards(projectKey: string, refs: readonly string[]): Promise<void>;
  /** Shards as stored (compressed text), for the browser to unpack. */
  readEncodedShards(projectKey: string, refs: readonly string[]): Promise<string[]>;
  /**
   * Shards encoded as stored but holding each issue as `shown` answers it, and none it answers null for: for
   * a viewer who may not see some of the issues (issue security), nor what they are filed under. Costs a
   * decode and an encode per shard, so it is asked only for the viewers and shards that need it.
   */
  readEncodedShardsKeeping(
    projectKey: string,
    keyPrefix: string,
    refs: readonly string[],
    shown: (issue: StoredIssue) => StoredIssue | null,
  ): Promise<string[]>;
  /** Every shard reference stored for the project, referenced or not. */
  listShardRefs(projectKey: string): Promise<string[]>;
}

/**
 * The Overview tab's figures for the default filters, computed by the sync from the whole history, so that a
 * reader's first open need not read it (see src/app/project-page/overview-summary.ts for when it may be served).
 */
export interface OverviewSummary {
  format: number;
  /** The history version (`historyVersionOf`) the figures were computed from. */
  historyVersion: string;
  /** A digest of the flow configuration document they were computed under (null document included). */
  configDigest: string;
  /** The day (`YYYY-MM-DD`) they were computed on, in `timeZone` (the project's): ages grow every day. */
  day: string;
  timeZone: string;
  /**
   * Whether any issue of the project has an issue security level: each reader may then see fewer issues than
   * the figures count, so the summary is never served and the page takes the full, per-reader path.
   */
  hasSecuredIssues: boolean;
  figures: OverviewFigures;
  /** The Cycle time tab's figures for the same filters; null when the period finished too many items to keep their dots. */
  cycleTime: PackedCycleTimeFigures | null;
  /** The start the default period asked for when it was before the history's first day (the page says so). */
  clampedFrom: string | null;
}

/** Each project's Overview summary: one small value, under the project's keys, so it goes with the project. */
export interface OverviewSummaryStore {
  read(projectKey: string): Promise<OverviewSummary | null>;
  write(projectKey: string, summary: OverviewSummary): Promise<void>;
}

/** Where a project's sync stands between jobs. Holds only Jira's times and ids, never the wall clock. */
export interface SyncCursor {
  format: number;
  /** Jira time of the newest update the live history has caught up with; null: read everything. */
  watermark: number | null;
  /**
   * Issues the last incremental sync read whose update falls in the overlap before the watermark, with that
   * update time: the next sync sees them again (the overlap) and skips those that did not change since.
   */
  recent: Array<[issueId: string, updated: number]>;
  flaggedFieldIds: string[];
  /** A backfill (first sync or rebuild) in progress into the staging history. */
  backfill: BackfillCursor | null;
}

interface BackfillCursor {
  /** The job that started it: its own retries continue instead of starting over. */
  startedBy: string;
  /**
   * Jira's time of the project's latest update when the backfill began (or, when one read held every issue,
   * the latest update among them): the watermark once it is complete.
   */
  startWatermark: number | null;
  /** Issue ids listed when it began, stored in parts beside the cursor. */
  listed: number;
  listParts: number;
  /** How many of the listed ids are in the staging history. */
  next: number;
  /** Issues read so far whose update falls in the overlap before `startWatermark` (see `SyncCursor.recent`). */
  recent: Array<[issueId: string, updated: number]>;
}

export interface SyncCursorStore {
  read(projectKey: string): Promise<SyncCursor | null>;
  write(projectKey: string, cursor: SyncCursor): Promise<void>;
  readIdListPart(projectKey: string, part: number): Promise<number[] | null>;
  writeIdList(projectKey: string, ids: readonly number[], partSize: number): Promise<number>;
  deleteIdList(projectKey: string, parts: number): Promise<void>;
}

/** One holder at a time per project, for at most `ttlSeconds` (a crashed holder's lock expires). */
export interface ProjectLocks {
  /** True when `holder` now holds the lock (a holder that already holds it gets it again). */
  acquire(projectKey: string, holder: string, ttlSeconds: number): Promise<boolean>;
  release(projectKey: string, holder: string): Promise<void>;
}

/**
 * Sync jobs the app queues itself: continuations of a sliced job, and retries after a failure. Each job carries
 * the erasure generation it was queued under (see `ErasureGenerations`): the current one unless `erasure` says
 * otherwise (a continuation carries its own job's).
 */
export interface SyncJobScheduler {
  schedule(
    projectKey: string,
    reason: 'scheduled' | 'sync-now' | 'backfill' | 'rebuild',
    delaySeconds: number,
    erasure?: number,
  ): Promise<void>;
}

/**
 * How many times an admin has erased all app data, kept through the erasure itself. A sync job carries the
 * count from when it was queued and writes nothing once it moved on: what the job would write was erased.
 */
export interface ErasureGenerations {
  /** 0 when nothing was ever erased. */
  current(): Promise<number>;
  /** Counts one more erasure; called before anything is deleted. Answers the new generation. */
  advance(): Promise<number>;
}

/** At most one claim per project per period: "sync now" is rate-limited. */
export interface SyncRequestThrottle {
  claim(projectKey: string, periodSeconds: number): Promise<boolean>;
  /** When the claim that still holds was made, or null when none holds. */
  claimedAt(projectKey: string): Promise<Date | null>;
}

/** How much time the running job may still spend on new work before it must hand over. */
export interface WorkBudget {
  remainingMs(): number;
}
