/**
 * Records as the app stored them before records carried a version (version 1), read by today's app: each
 * answers what the app read from it then, and is written back as the current version, which reads the same.
 */
import { AppError } from '../../app/app-error';
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
  SYNC_STATE_RECORD,
} from './stored-record-kinds';
import type { StoredRecordKind } from './stored-record';

const SLACK_V1 = {
  workspace: { id: 'T024BE7LD', name: 'Flow team', url: 'https://flow-team.slack.com/' },
  botUserId: 'U0LAN0Z89',
  scopes: ['chat:write', 'channels:read'],
  channel: { id: 'C0123456789', name: 'flow', isPrivate: false, isMember: true },
  connectedBy: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
  connectedAt: '2026-03-02T09:15:00.000Z',
  lastCheck: { at: '2026-03-02T09:15:00.000Z', outcome: 'ok', problem: null },
  lastTestMessageAt: '2026-03-02T09:16:30.000Z',
};

const GITHUB_V1 = {
  login: 'flow-metrics-reader',
  tokenKind: 'fine-grained',
  scopes: null,
  expiresAt: '2026-09-01T00:00:00.000Z',
  repositories: [
    { fullName: 'acme/web', visible: true, private: true, archived: false, defaultBranch: 'main' },
    { fullName: 'acme/gone', visible: false, private: null, archived: null, defaultBranch: null },
  ],
  connectedBy: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
  connectedAt: '2026-03-02T09:15:00.000Z',
  lastCheck: { at: '2026-03-03T10:00:00.000Z', outcome: 'failed', problem: 'GitHub did not accept the token.' },
};

const PURGE_V1 = {
  at: '2026-03-04T03:00:00.000Z',
  retentionDays: 365,
  removed: 12,
  removedAuditEntries: 4,
  removedIssues: 7,
  removedPullRequests: 1,
  erasedProjects: ['OLD'],
  skippedProjects: [],
};

const DIGEST_V1 = {
  at: '2026-03-02T08:00:00.000Z',
  trigger: 'weekly',
  outcome: 'sent',
  channel: { id: 'C0123456789', name: 'flow' },
  projects: ['FLOW', 'OPS'],
  skipped: ['NEW'],
  problem: null,
};

const RETENTION_V1 = { retentionDays: 730 };

const GENERATED_PATHS_V1 = { patterns: ['dist/**', '**/*.generated.ts'] };

const SITE_V1 = { url: 'https://flow-team.atlassian.net', seenAt: '2026-03-02T09:15:00.000Z' };

const PERSONAL_DATA_REPORT_V1 = {
  at: '2026-03-08T04:10:00.000Z',
  startedAt: '2026-03-08T04:00:00.000Z',
  accountsReported: 500,
  closed: 1,
  updated: 3,
  outcome: 'ok',
};

const REPORT_CURSOR_V1 = {
  runId: '2026-03-08T04:00:00.000Z#1',
  startedAt: '2026-03-08T04:00:00.000Z',
  afterAccountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
  accountsReported: 180,
  closed: 0,
  updated: 2,
  stalledSlices: 1,
};

const ALERT_RUN_V1 = {
  lastRunAt: '2026-03-02T10:05:00.000Z',
  lastProblem: { at: '2026-03-02T10:05:00.000Z', kind: 'token-revoked', text: 'Slack no longer accepts the bot token.' },
};

const ALERT_SETTINGS_V1 = {
  serviceLevel: true,
  reviewWait: { enabled: true, hours: 24 },
  channel: { id: 'C0987654321', name: 'flow-alerts', isPrivate: true, isMember: true },
};

const ALERT_STATE_V1 = {
  items: { 'FLOW-12': 1772445600000, 'FLOW-40': 1772532000000 },
  pulls: ['acme/web#301'],
  posting: { at: '2026-03-02T10:04:59.000Z', items: ['FLOW-40'], pulls: [] },
  lastPosted: { at: '2026-03-02T09:04:59.000Z', ts: '1772442299.000100' },
  lastProblem: null,
};

const SYNC_STATE_V1 = {
  status: 'running',
  progress: { done: 1200, total: null },
  lastSuccessAt: '2026-03-02T09:00:00.000Z',
  lastError: null,
};

describe.each<[string, StoredRecordKind<unknown>, object]>([
  ['Slack connection', SLACK_CONNECTION_RECORD, SLACK_V1],
  ['GitHub connection', GITHUB_CONNECTION_RECORD, GITHUB_V1],
  ['last purge', LAST_PURGE_RECORD, PURGE_V1],
  ['last digest', LAST_DIGEST_RECORD, DIGEST_V1],
  ['retention settings', RETENTION_SETTINGS_RECORD, RETENTION_V1],
  ['generated paths', GENERATED_PATHS_RECORD, GENERATED_PATHS_V1],
  ['site address', SITE_ADDRESS_RECORD, SITE_V1],
  ['last personal-data report', LAST_PERSONAL_DATA_REPORT_RECORD, PERSONAL_DATA_REPORT_V1],
  ['personal-data report cursor', PERSONAL_DATA_REPORT_CURSOR_RECORD, REPORT_CURSOR_V1],
  ['last Slack alert run', LAST_SLACK_ALERT_RUN_RECORD, ALERT_RUN_V1],
  ['Slack alert settings', SLACK_ALERT_SETTINGS_RECORD, ALERT_SETTINGS_V1],
  ['Slack alert state', SLACK_ALERT_STATE_RECORD, ALERT_STATE_V1],
  ['sync state', SYNC_STATE_RECORD, SYNC_STATE_V1],
])('the %s record', (_, kind, v1) => {
  it('reads a version-1 record (no version field) as the app read it then', () => {
    expect(kind.read(structuredClone(v1))).toEqual(v1);
  });

  it('is written as the current version, which reads the same', () => {
    const written = kind.write(kind.read(structuredClone(v1)));
    expect(written).toEqual({ ...v1, version: kind.version });
    expect(kind.read(written)).toEqual(v1);
  });

  it('refuses a version it does not know, and a field of the wrong type, naming the field', () => {
    expect(() => kind.read({ ...v1, version: kind.version + 1 })).toThrow(AppError);
    const [field] = Object.keys(v1);
    const wrong = typeof (v1 as Record<string, unknown>)[field!] === 'number' ? 'forty-two' : 42;
    const damaged: Record<string, unknown> = { ...v1, [field!]: wrong };
    expect(() => kind.read(damaged)).toThrow(new RegExp(`cannot be read \\(version 1: ${field}\\)`));
  });
});

describe('fields older releases did not write', () => {
  it('reads a purge outcome from before pull requests were purged as having removed none', () => {
    const { removedPullRequests: _removed, erasedProjects: _erased, skippedProjects: _skipped, ...older } = PURGE_V1;
    expect(LAST_PURGE_RECORD.read(older)).toEqual({ ...PURGE_V1, removedPullRequests: 0, erasedProjects: [], skippedProjects: [] });
  });

  it('reads a Slack connection from before test messages as never having sent one', () => {
    const { lastTestMessageAt: _sent, ...older } = SLACK_V1;
    expect(SLACK_CONNECTION_RECORD.read(older)).toEqual({ ...SLACK_V1, lastTestMessageAt: null });
  });

  it('reads Slack alert settings from before alerts had a channel of their own as following the digest', () => {
    const { channel: _channel, ...older } = ALERT_SETTINGS_V1;
    expect(SLACK_ALERT_SETTINGS_RECORD.read(older)).toEqual({ ...ALERT_SETTINGS_V1, channel: null });
  });

  it('reads a Slack alert state from before refusals were kept per project as having none', () => {
    const { lastProblem: _problem, ...older } = ALERT_STATE_V1;
    expect(SLACK_ALERT_STATE_RECORD.read(older)).toEqual({ ...ALERT_STATE_V1, lastProblem: null });
  });

  it('reads a personal-data report without its counts or start as the privacy tab always showed it', () => {
    const { startedAt: _started, closed: _closed, updated: _updated, ...older } = PERSONAL_DATA_REPORT_V1;
    expect(LAST_PERSONAL_DATA_REPORT_RECORD.read(older)).toEqual({
      ...PERSONAL_DATA_REPORT_V1,
      startedAt: PERSONAL_DATA_REPORT_V1.at,
      closed: 0,
      updated: 0,
    });
  });

  it('keeps a retention period outside the limits as stored, for the use-case to read as the default', () => {
    expect(RETENTION_SETTINGS_RECORD.read({ retentionDays: 5 })).toEqual({ retentionDays: 5 });
  });
});
