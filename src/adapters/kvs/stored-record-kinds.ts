import { z } from 'zod';
import type { GitHubConnectionRecord } from '../../app/connections/github-connection';
import type { SlackConnectionRecord } from '../../app/connections/slack-connection';
import type { GeneratedPathsRecord } from '../../app/connections/generated-paths-settings';
import type { SiteAddress } from '../../app/digest/slack-digest';
import type { PersonalDataReportCursor, PersonalDataReportRecord } from '../../app/privacy/personal-data-report-run';
import type { RetentionSettings } from '../../app/privacy/retention-window';
import type { SlackAlertState } from '../../app/slack-alerts/alert-crossings';
import { ALERT_PROBLEM_KINDS, type AlertProblem, type SlackAlertRunRecord } from '../../app/slack-alerts/slack-alert-status';
import type { StoredSlackAlertSettings } from '../../app/slack-alerts/slack-alert-settings';
import type { ProjectSyncState } from '../../ports';
import type { RetentionPurgeOutcome } from '../../app/privacy/expired-data-purge';
import type { FlowDigestOutcome } from '../../app/digest/digest-outcome';
import { storedRecordKind } from './stored-record';

/**
 * The stored shape of each record kept under a single key, and how older versions are read (see
 * stored-record.ts). Version 1 is what the app stored before records carried a version: the same fields,
 * some of which older releases did not write yet.
 */

const isoInstant = z.string();
const connectionCheck = z.object({ at: isoInstant, outcome: z.enum(['ok', 'failed']), problem: z.string().nullable() });

/** Version 1 records are version 2 records without the version field. */
const addVersion2 = (record: object) => ({ ...record, version: 2 });

const slackConnectionV2 = z.object({
  version: z.literal(2),
  workspace: z.object({ id: z.string(), name: z.string(), url: z.string() }),
  botUserId: z.string(),
  scopes: z.array(z.string()).nullable(),
  channel: z.object({ id: z.string(), name: z.string(), isPrivate: z.boolean(), isMember: z.boolean() }),
  connectedBy: z.string(),
  connectedAt: isoInstant,
  lastCheck: connectionCheck,
  lastTestMessageAt: isoInstant.nullable(),
});

/** The Slack workspace and channel beside the sealed bot token (`connection:slack`). */
export const SLACK_CONNECTION_RECORD = storedRecordKind({
  name: 'Slack connection',
  version: 2,
  current: slackConnectionV2,
  toValue: (stored): SlackConnectionRecord => ({
    workspace: { id: stored.workspace.id, name: stored.workspace.name, url: stored.workspace.url },
    botUserId: stored.botUserId,
    scopes: stored.scopes,
    channel: { id: stored.channel.id, name: stored.channel.name, isPrivate: stored.channel.isPrivate, isMember: stored.channel.isMember },
    connectedBy: stored.connectedBy,
    connectedAt: stored.connectedAt,
    lastCheck: stored.lastCheck,
    lastTestMessageAt: stored.lastTestMessageAt,
  }),
  fromValue: (record: SlackConnectionRecord) => ({
    version: 2 as const,
    workspace: record.workspace,
    botUserId: record.botUserId,
    scopes: record.scopes,
    channel: record.channel,
    connectedBy: record.connectedBy,
    connectedAt: record.connectedAt,
    lastCheck: record.lastCheck,
    lastTestMessageAt: record.lastTestMessageAt,
  }),
  older: {
    1: {
      schema: slackConnectionV2.omit({ version: true }).extend({
        scopes: z.array(z.string()).nullable().default(null),
        lastTestMessageAt: isoInstant.nullable().default(null),
      }),
      upgrade: addVersion2,
    },
  },
});

const repositoryAccess = z.object({
  fullName: z.string(),
  visible: z.boolean(),
  private: z.boolean().nullable(),
  archived: z.boolean().nullable(),
  defaultBranch: z.string().nullable(),
});

const githubConnectionV2 = z.object({
  version: z.literal(2),
  login: z.string(),
  tokenKind: z.enum(['fine-grained', 'classic']),
  scopes: z.array(z.string()).nullable(),
  expiresAt: isoInstant.nullable(),
  repositories: z.array(repositoryAccess),
  connectedBy: z.string(),
  connectedAt: isoInstant,
  lastCheck: connectionCheck,
});

/** The GitHub account and watched repositories beside the sealed token (`connection:github`). */
export const GITHUB_CONNECTION_RECORD = storedRecordKind({
  name: 'GitHub connection',
  version: 2,
  current: githubConnectionV2,
  toValue: (stored): GitHubConnectionRecord => ({
    login: stored.login,
    tokenKind: stored.tokenKind,
    scopes: stored.scopes,
    expiresAt: stored.expiresAt,
    repositories: stored.repositories.map((repository) => ({
      fullName: repository.fullName,
      visible: repository.visible,
      private: repository.private,
      archived: repository.archived,
      defaultBranch: repository.defaultBranch,
    })),
    connectedBy: stored.connectedBy,
    connectedAt: stored.connectedAt,
    lastCheck: stored.lastCheck,
  }),
  fromValue: (record: GitHubConnectionRecord) => ({
    version: 2 as const,
    login: record.login,
    tokenKind: record.tokenKind,
    scopes: record.scopes,
    expiresAt: record.expiresAt,
    repositories: record.repositories,
    connectedBy: record.connectedBy,
    connectedAt: record.connectedAt,
    lastCheck: record.lastCheck,
  }),
  older: {
    1: {
      schema: githubConnectionV2.omit({ version: true }).extend({
        scopes: z.array(z.string()).nullable().default(null),
        expiresAt: isoInstant.nullable().default(null),
      }),
      upgrade: addVersion2,
    },
  },
});

const projectKeys = z.array(z.string());

const lastPurgeV2 = z.object({
  version: z.literal(2),
  at: isoInstant,
  retentionDays: z.number(),
  removed: z.number(),
  removedAuditEntries: z.number(),
  removedIssues: z.number(),
  removedPullRequests: z.number(),
  erasedProjects: projectKeys,
  skippedProjects: projectKeys,
});

/** The last retention purge's outcome, shown on the privacy tab (`retention:last-purge`). */
export const LAST_PURGE_RECORD = storedRecordKind({
  name: 'last retention purge',
  version: 2,
  current: lastPurgeV2,
  toValue: (stored): RetentionPurgeOutcome => ({
    at: stored.at,
    retentionDays: stored.retentionDays,
    removed: stored.removed,
    removedAuditEntries: stored.removedAuditEntries,
    removedIssues: stored.removedIssues,
    removedPullRequests: stored.removedPullRequests,
    erasedProjects: stored.erasedProjects,
    skippedProjects: stored.skippedProjects,
  }),
  fromValue: (outcome: RetentionPurgeOutcome) => ({
    version: 2 as const,
    at: outcome.at,
    retentionDays: outcome.retentionDays,
    removed: outcome.removed,
    removedAuditEntries: outcome.removedAuditEntries,
    removedIssues: outcome.removedIssues,
    removedPullRequests: outcome.removedPullRequests,
    erasedProjects: outcome.erasedProjects,
    skippedProjects: outcome.skippedProjects,
  }),
  older: {
    1: {
      // Purges before pull requests were purged did not count them, nor keep the lists of projects.
      schema: lastPurgeV2.omit({ version: true }).extend({
        removedPullRequests: z.number().default(0),
        erasedProjects: projectKeys.default([]),
        skippedProjects: projectKeys.default([]),
      }),
      upgrade: addVersion2,
    },
  },
});

const lastDigestV2 = z.object({
  version: z.literal(2),
  at: isoInstant,
  trigger: z.enum(['weekly', 'admin']),
  outcome: z.enum(['sent', 'skipped', 'failed']),
  channel: z.object({ id: z.string(), name: z.string() }).nullable(),
  projects: projectKeys,
  skipped: projectKeys,
  problem: z.string().nullable(),
  continuesWith: projectKeys.optional(),
});

/** The last Slack digest's outcome, shown on the Slack tab (`slack:last-digest`). */
export const LAST_DIGEST_RECORD = storedRecordKind({
  name: 'last Slack digest',
  version: 2,
  current: lastDigestV2,
  toValue: (stored): FlowDigestOutcome => ({
    at: stored.at,
    trigger: stored.trigger,
    outcome: stored.outcome,
    channel: stored.channel === null ? null : { id: stored.channel.id, name: stored.channel.name },
    projects: stored.projects,
    skipped: stored.skipped,
    problem: stored.problem,
    ...(stored.continuesWith === undefined ? {} : { continuesWith: stored.continuesWith }),
  }),
  fromValue: (outcome: FlowDigestOutcome) => ({
    version: 2 as const,
    at: outcome.at,
    trigger: outcome.trigger,
    outcome: outcome.outcome,
    channel: outcome.channel,
    projects: outcome.projects,
    skipped: outcome.skipped,
    problem: outcome.problem,
    ...(outcome.continuesWith === undefined ? {} : { continuesWith: outcome.continuesWith }),
  }),
  older: {
    1: {
      schema: lastDigestV2
        .omit({ version: true })
        .extend({ skipped: projectKeys.default([]), problem: z.string().nullable().default(null) }),
      upgrade: addVersion2,
    },
  },
});

const retentionSettingsV2 = z.object({ version: z.literal(2), retentionDays: z.number() });

/** How many days of history the app keeps (`settings:retention`); a value outside the limits is read as the default. */
export const RETENTION_SETTINGS_RECORD = storedRecordKind({
  name: 'retention settings',
  version: 2,
  current: retentionSettingsV2,
  toValue: (stored): RetentionSettings => ({ retentionDays: stored.retentionDays }),
  fromValue: (settings: RetentionSettings) => ({ version: 2 as const, retentionDays: settings.retentionDays }),
  older: { 1: { schema: retentionSettingsV2.omit({ version: true }), upgrade: addVersion2 } },
});

const generatedPathsV2 = z.object({ version: z.literal(2), patterns: z.array(z.string()) });

/** The path patterns whose changes do not count as a pull request's size (`settings:github-generated-paths`). */
export const GENERATED_PATHS_RECORD = storedRecordKind({
  name: 'generated paths',
  version: 2,
  current: generatedPathsV2,
  toValue: (stored): GeneratedPathsRecord => ({ patterns: [...stored.patterns] }),
  fromValue: (record: GeneratedPathsRecord) => ({ version: 2 as const, patterns: record.patterns }),
  older: { 1: { schema: generatedPathsV2.omit({ version: true }), upgrade: addVersion2 } },
});

const siteAddressV2 = z.object({ version: z.literal(2), url: z.string(), seenAt: isoInstant });

/** The Jira site's address, remembered from an admin's call for scheduled runs (`settings:site-url`). */
export const SITE_ADDRESS_RECORD = storedRecordKind({
  name: 'site address',
  version: 2,
  current: siteAddressV2,
  toValue: (stored): SiteAddress => ({ url: stored.url, seenAt: stored.seenAt }),
  fromValue: (site: SiteAddress) => ({ version: 2 as const, url: site.url, seenAt: site.seenAt }),
  older: { 1: { schema: siteAddressV2.omit({ version: true }), upgrade: addVersion2 } },
});

const reportCount = z.number();

const lastPersonalDataReportV2 = z.object({
  version: z.literal(2),
  at: isoInstant,
  startedAt: isoInstant,
  accountsReported: reportCount,
  closed: reportCount,
  updated: reportCount,
  outcome: z.enum(['ok', 'failed']),
});

/** The last personal-data report's outcome, shown on the privacy tab (`privacy:last-report`). */
export const LAST_PERSONAL_DATA_REPORT_RECORD = storedRecordKind({
  name: 'last personal-data report',
  version: 2,
  current: lastPersonalDataReportV2,
  toValue: (stored): PersonalDataReportRecord => ({
    at: stored.at,
    startedAt: stored.startedAt,
    accountsReported: stored.accountsReported,
    closed: stored.closed,
    updated: stored.updated,
    outcome: stored.outcome,
  }),
  fromValue: (report: PersonalDataReportRecord) => ({
    version: 2 as const,
    at: report.at,
    startedAt: report.startedAt,
    accountsReported: report.accountsReported,
    closed: report.closed,
    updated: report.updated,
    outcome: report.outcome,
  }),
  older: {
    1: {
      // The privacy tab always read a missing count as none; a report without its start began when it ended.
      schema: lastPersonalDataReportV2.omit({ version: true, startedAt: true }).extend({
        startedAt: isoInstant.optional(),
        accountsReported: reportCount.default(0),
        closed: reportCount.default(0),
        updated: reportCount.default(0),
      }),
      upgrade: (record: { at: string; startedAt?: string | undefined }) => ({
        ...record,
        startedAt: record.startedAt ?? record.at,
        version: 2,
      }),
    },
  },
});

const personalDataReportCursorV2 = z.object({
  version: z.literal(2),
  runId: z.string(),
  startedAt: isoInstant,
  afterAccountId: z.string().nullable(),
  accountsReported: reportCount,
  closed: reportCount,
  updated: reportCount,
  stalledSlices: reportCount,
});

/** Where a personal-data report that spans several invocations goes on (`privacy:report-cursor`). */
export const PERSONAL_DATA_REPORT_CURSOR_RECORD = storedRecordKind({
  name: 'personal-data report cursor',
  version: 2,
  current: personalDataReportCursorV2,
  toValue: (stored): PersonalDataReportCursor => ({
    runId: stored.runId,
    startedAt: stored.startedAt,
    afterAccountId: stored.afterAccountId,
    accountsReported: stored.accountsReported,
    closed: stored.closed,
    updated: stored.updated,
    stalledSlices: stored.stalledSlices,
  }),
  fromValue: (cursor: PersonalDataReportCursor) => ({
    version: 2 as const,
    runId: cursor.runId,
    startedAt: cursor.startedAt,
    afterAccountId: cursor.afterAccountId,
    accountsReported: cursor.accountsReported,
    closed: cursor.closed,
    updated: cursor.updated,
    stalledSlices: cursor.stalledSlices,
  }),
  older: { 1: { schema: personalDataReportCursorV2.omit({ version: true }), upgrade: addVersion2 } },
});

/** A Slack refusal as stored, of the kinds the use-cases name. */
const slackAlertProblem = z.object({
  at: isoInstant,
  kind: z.enum(ALERT_PROBLEM_KINDS),
  text: z.string(),
});

const copyProblem = (problem: AlertProblem | null): AlertProblem | null =>
  problem === null ? null : { at: problem.at, kind: problem.kind, text: problem.text };

const lastSlackAlertRunV2 = z.object({ version: z.literal(2), lastRunAt: isoInstant, lastProblem: slackAlertProblem.nullable() });

/** When the Slack alerts last ran, and the last problem that stopped a whole run (`slack:last-alert-run`). */
export const LAST_SLACK_ALERT_RUN_RECORD = storedRecordKind({
  name: 'last Slack alert run',
  version: 2,
  current: lastSlackAlertRunV2,
  toValue: (stored): SlackAlertRunRecord => ({ lastRunAt: stored.lastRunAt, lastProblem: copyProblem(stored.lastProblem) }),
  fromValue: (run: SlackAlertRunRecord) => ({ version: 2 as const, lastRunAt: run.lastRunAt, lastProblem: run.lastProblem }),
  older: { 1: { schema: lastSlackAlertRunV2.omit({ version: true }), upgrade: addVersion2 } },
});

const slackChannel = z.object({ id: z.string(), name: z.string(), isPrivate: z.boolean(), isMember: z.boolean() });

const slackAlertSettingsV2 = z.object({
  version: z.literal(2),
  serviceLevel: z.boolean(),
  reviewWait: z.object({ enabled: z.boolean(), hours: z.number() }),
  channel: slackChannel.nullable(),
});

/** One project's Slack alerts as an admin saved them (`project:<key>:slack-alerts`). */
export const SLACK_ALERT_SETTINGS_RECORD = storedRecordKind({
  name: 'Slack alert settings',
  version: 2,
  current: slackAlertSettingsV2,
  toValue: (stored): StoredSlackAlertSettings => ({
    serviceLevel: stored.serviceLevel,
    reviewWait: { enabled: stored.reviewWait.enabled, hours: stored.reviewWait.hours },
    channel:
      stored.channel === null
        ? null
        : { id: stored.channel.id, name: stored.channel.name, isPrivate: stored.channel.isPrivate, isMember: stored.channel.isMember },
  }),
  fromValue: (settings: StoredSlackAlertSettings) => ({
    version: 2 as const,
    serviceLevel: settings.serviceLevel,
    reviewWait: settings.reviewWait,
    channel: settings.channel ?? null,
  }),
  older: {
    1: {
      // Settings saved before alerts had a channel of their own follow the digest's.
      schema: slackAlertSettingsV2.omit({ version: true }).extend({ channel: slackChannel.nullable().default(null) }),
      upgrade: addVersion2,
    },
  },
});

const slackAlertStateV2 = z.object({
  version: z.literal(2),
  items: z.record(z.string(), z.number()),
  pulls: z.array(z.string()),
  posting: z.object({ at: isoInstant, items: z.array(z.string()), pulls: z.array(z.string()) }).nullable(),
  lastPosted: z.object({ at: isoInstant, ts: z.string() }).nullable(),
  lastProblem: slackAlertProblem.nullable(),
});

/** What one project's alerts have announced, and how posting them last went (`project:<key>:slack-alert-state`). */
export const SLACK_ALERT_STATE_RECORD = storedRecordKind({
  name: 'Slack alert state',
  version: 2,
  current: slackAlertStateV2,
  toValue: (stored): SlackAlertState => ({
    items: { ...stored.items },
    pulls: [...stored.pulls],
    posting: stored.posting === null ? null : { at: stored.posting.at, items: [...stored.posting.items], pulls: [...stored.posting.pulls] },
    lastPosted: stored.lastPosted === null ? null : { at: stored.lastPosted.at, ts: stored.lastPosted.ts },
    lastProblem: copyProblem(stored.lastProblem),
  }),
  fromValue: (state: SlackAlertState) => ({
    version: 2 as const,
    items: state.items,
    pulls: state.pulls,
    posting: state.posting,
    lastPosted: state.lastPosted,
    lastProblem: state.lastProblem ?? null,
  }),
  older: {
    1: {
      // States written before refusals were kept per project had none.
      schema: slackAlertStateV2.omit({ version: true }).extend({ lastProblem: slackAlertProblem.nullable().default(null) }),
      upgrade: addVersion2,
    },
  },
});

const syncStateV2 = z.object({
  version: z.literal(2),
  status: z.enum(['never-synced', 'queued', 'running', 'ok', 'failed']),
  progress: z.object({ done: z.number(), total: z.number().nullable() }).nullable(),
  lastSuccessAt: isoInstant.nullable(),
  lastError: z.string().nullable(),
});

/** Where one project's sync stands, shown on the project page (`project:<key>:sync-state`). */
export const SYNC_STATE_RECORD = storedRecordKind({
  name: 'sync state',
  version: 2,
  current: syncStateV2,
  toValue: (stored): ProjectSyncState => ({
    status: stored.status,
    progress: stored.progress === null ? null : { done: stored.progress.done, total: stored.progress.total },
    lastSuccessAt: stored.lastSuccessAt,
    lastError: stored.lastError,
  }),
  fromValue: (state: ProjectSyncState) => ({
    version: 2 as const,
    status: state.status,
    progress: state.progress,
    lastSuccessAt: state.lastSuccessAt,
    lastError: state.lastError,
  }),
  older: { 1: { schema: syncStateV2.omit({ version: true }), upgrade: addVersion2 } },
});
