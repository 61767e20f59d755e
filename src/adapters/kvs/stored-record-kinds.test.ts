/**
 * Records as the app stored them before records carried a version (version 1), read by today's app: each
 * answers what the app read from it then, and is written back as the current version, which reads the same.
 */
import { AppError } from '../../app/app-error';
import { GITHUB_CONNECTION_RECORD, LAST_DIGEST_RECORD, LAST_PURGE_RECORD, SLACK_CONNECTION_RECORD } from './stored-record-kinds';
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

describe.each<[string, StoredRecordKind<unknown>, object]>([
  ['Slack connection', SLACK_CONNECTION_RECORD, SLACK_V1],
  ['GitHub connection', GITHUB_CONNECTION_RECORD, GITHUB_V1],
  ['last purge', LAST_PURGE_RECORD, PURGE_V1],
  ['last digest', LAST_DIGEST_RECORD, DIGEST_V1],
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
    const damaged: Record<string, unknown> = { ...v1, [field!]: 42 };
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
});
