import type { DataPrivacyData, GitHubConnectionData, SealingStatus, SlackConnectionData } from '../../src/shared/resolver-contract';

/** Settings-page test data, shaped by the resolver contract. Tokens here are obviously fake. */
export const SEALED: SealingStatus = { configured: true, newestKeyId: 'k-2026', keyCount: 1, problem: null };
export const NOT_SEALED: SealingStatus = { configured: false, newestKeyId: null, keyCount: 0, problem: null };

export const ADMIN_ID = '5b10a2844c20165700ede21g';

export function githubConnected(overrides: Partial<Extract<GitHubConnectionData, { connected: true }>> = {}): GitHubConnectionData {
  return {
    connected: true,
    sealing: SEALED,
    login: 'flow-metrics-reader',
    tokenKind: 'fine-grained',
    scopes: null,
    expiresAt: '2026-05-09T12:00:00.000Z',
    repositories: [
      { fullName: 'acme-flow/web-app', visible: true, private: true, archived: false, defaultBranch: 'main' },
      { fullName: 'acme-flow/platform-api', visible: false, private: null, archived: null, defaultBranch: null },
    ],
    connectedBy: ADMIN_ID,
    connectedAt: '2026-03-10T12:00:00.000Z',
    lastCheck: { at: '2026-03-10T12:00:00.000Z', outcome: 'ok', problem: null },
    warnings: ["The token cannot see acme-flow/platform-api: it does not exist, or it is outside the token's repository access."],
    sealedWithKeyId: 'k-2026',
    pullRequestSync: [
      {
        fullName: 'acme-flow/web-app',
        status: 'ok',
        pass: 'backfill',
        pagesRead: 3,
        resumeAt: null,
        lastRunAt: '2026-03-10T12:01:00.000Z',
        lastCompletedAt: null,
        failure: null,
        gitattributesReadable: true,
      },
    ],
    webhook: { url: 'https://example.atlassian-dev.net/x1/fake-webhook-address', secretSet: false },
    ...overrides,
  };
}

export function slackConnected(overrides: Partial<Extract<SlackConnectionData, { connected: true }>> = {}): SlackConnectionData {
  return {
    connected: true,
    sealing: SEALED,
    workspace: { id: 'T0FLOWDEMO1', name: 'Acme Flow', url: 'https://acme-flow.slack.com/' },
    botUserId: 'U0FLOWBOT01',
    scopes: ['chat:write', 'channels:read'],
    channel: { id: 'C0FLOWMETRC', name: 'flow-metrics', isPrivate: false, isMember: true },
    connectedBy: ADMIN_ID,
    connectedAt: '2026-03-10T12:00:00.000Z',
    lastCheck: { at: '2026-03-10T12:00:00.000Z', outcome: 'ok', problem: null },
    lastTestMessageAt: null,
    warnings: [],
    sealedWithKeyId: 'k-2026',
    lastDigest: null,
    ...overrides,
  };
}

/** What `requestJira('/rest/api/3/user/bulk…')` answers in tests: the admin is "Ada Admin". */
export function userBulkResponse(names: Record<string, string> = { [ADMIN_ID]: 'Ada Admin' }) {
  return {
    ok: true,
    status: 200,
    json: () => Promise.resolve({ values: Object.entries(names).map(([accountId, displayName]) => ({ accountId, displayName })) }),
  } as unknown as Response;
}

/** Fake token shapes for form tests; no service accepts them. */
export const FAKE_GITHUB_TOKEN = `github_pat_${'A'.repeat(22)}_${'b'.repeat(59)}`;
export const FAKE_SLACK_TOKEN = `xoxb-1111-2222-${'c'.repeat(24)}`;

/** The data and privacy tab's answer: the default two-year retention, nothing purged or reported yet. */
export function dataPrivacy(overrides: Partial<DataPrivacyData> = {}): DataPrivacyData {
  return {
    retentionDays: 730,
    retentionLimits: { min: 30, max: 1825, default: 730 },
    lastPurge: null,
    lastPersonalDataReport: null,
    storedAccounts: 2,
    sealing: SEALED,
    secretsOnOlderKeys: 0,
    ...overrides,
  };
}
