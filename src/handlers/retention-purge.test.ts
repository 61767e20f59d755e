import { WITHOUT_QUOTAS } from '../../dev/kvs';
import { DEMO_CHANNELS } from '../../dev/slack/demo-slack';
import { fakeTheDateOnly } from '../../dev/testing/fake-clock';
import { SyncHarness } from '../../dev/testing/local-sync-harness';
import type { SettingsFunctionKey } from '../../dev/testing/settings-test-site';
import { decodeShard } from '../adapters/kvs/shard-encoding';
import { KvsAuditLog } from '../adapters/kvs/kvs-audit-log';
import { KvsDocument } from '../adapters/kvs/kvs-document';
import { KvsPersonalDataIndex } from '../adapters/kvs/kvs-personal-data-index';
import { storageKeys } from '../adapters/kvs/storage-keys';
import { systemClock } from '../adapters/clock/system-clock';
import { recordAudit } from '../app/audit/audit-trail';
import type { HistoryManifest } from '../ports';
import { unpackShard, type StoredIssue } from '../shared/packed-history';
import type { AuditEntry, PurgeOutcome } from '../shared/resolver-contract';
import { MS_PER_DAY } from '../domain';

/**
 * The daily retention purge on an installation in use, on the local platform: a synced project whose issues
 * were done over many months, and an audit log whose entries span more than the window, written over time
 * (the test's clock is moved with Jest's fake `Date`; timers stay real, so the platform runs as usual).
 * After the trigger, every stored value is read: nothing older than the window is left anywhere, no account
 * is indexed that only expired entries named, and everything inside the window is exactly as it was.
 */
// Many syncs replayed in seconds: the KVS quotas have their own tests (storage-quota.test.ts).
const harness = new SyncHarness({ kvsLimits: WITHOUT_QUOTAS });
const { slack } = harness.simulateIntegrations();
afterAll(() => harness.close());

const admin = harness.user('admin');
/** Admins who have since left the site: one acted only long ago, the other long ago and lately. */
const FORMER_ADMIN = '5a1f0c3e8b2d4e0069f7a1c4';
const RETURNING_ADMIN = '712020:8e4d2c1a-0b9f-4e7d-a6c5-3b2a1f0e9d8c';

const asAdmin = harness.settingsAs('admin');
const settings = async (functionKey: SettingsFunctionKey, payload: unknown = {}) => {
  const answer = await asAdmin(functionKey, payload);
  expect([functionKey, answer.ok]).toEqual([functionKey, true]);
};
/** What a settings function records, as the app records it, for an admin the demo site no longer has. */
const auditedChangeBy = (accountId: string) =>
  recordAudit(
    {
      auditLog: new KvsAuditLog(),
      personalData: new KvsPersonalDataIndex(),
      connections: [new KvsDocument(storageKeys.githubConnection), new KvsDocument(storageKeys.slackConnection)],
      clock: systemClock,
    },
    { accountId },
    'project.measured',
    'FLOW',
  );

/** Runs `act` once a minute from `start` on, as if that were the time. */
async function atMinutesFrom(start: number, times: number, act: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    jest.setSystemTime(start + i * 60_000);
    await act(i);
  }
}

type Store = Map<string, unknown>;
const readStore = (): Store => new Map(harness.kvs.listPlain().map((entry) => [entry.key, entry.value]));

/** Every audit entry in every value of the store, wherever it is kept. */
function auditEntries(store: Store): AuditEntry[] {
  const found: AuditEntry[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (typeof record.id === 'string' && typeof record.at === 'string' && typeof record.action === 'string' && 'actorAccountId' in record)
        found.push(record as unknown as AuditEntry);
      else Object.values(record).forEach(visit);
    }
  };
  [...store.values()].forEach(visit);
  return found;
}

/** Every issue of every shard stored for the project (those its manifest lists and any others), by id. */
function storedIssues(store: Store, projectKey: string): { issues: Map<number, StoredIssue>; manifest: HistoryManifest } {
  const manifest = store.get(`project:${projectKey}:history`) as HistoryManifest;
  const issues = new Map<number, StoredIssue>();
  for (const [key, value] of store) {
    if (!key.startsWith(`project:${projectKey}:shard:`)) continue;
    for (const issue of unpackShard(decodeShard(value), manifest.keyPrefix)) issues.set(issue.id, issue);
  }
  return { issues, manifest };
}

/** When the issue was done, if its current status is a done one: its last status change (or creation). */
function doneAt(issue: StoredIssue, manifest: HistoryManifest): number | null {
  const last = issue.transitions[issue.transitions.length - 1];
  return manifest.statuses[last ? last.status : issue.initialStatus]?.category === 'done' ? (last ? last.at : issue.created) : null;
}

it('leaves nothing older than the retention window, and everything inside it as it was', async () => {
  await harness.measure('FLOW');
  await harness.runScheduledSync();
  // A window that ends in the middle of the demo project's life.
  const created = storedIssues(readStore(), 'FLOW');
  const createdTimes = [...created.issues.values()].map((issue) => issue.created).sort((a, b) => a - b);
  const retentionDays = Math.max(30, Math.ceil((Date.now() - createdTimes[Math.floor(createdTimes.length / 2)]!) / MS_PER_DAY));
  const expectedCutoff = Date.now() - retentionDays * MS_PER_DAY;

  fakeTheDateOnly();
  try {
    // Long ago: the admin connects Slack and changes the retention (the last change sets today's window); two
    // other admins make changes too. 58 entries: the first audit page, and the start of the second.
    const longAgo = expectedCutoff - 60 * MS_PER_DAY;
    jest.setSystemTime(longAgo);
    await settings('connectSlack', { token: slack.tokens.bot.token, channelId: DEMO_CHANNELS.flowMetrics });
    await atMinutesFrom(longAgo + 60_000, 52, (i) => settings('setRetention', { retentionDays: i === 51 ? retentionDays : 400 + (i % 2) }));
    await atMinutesFrom(longAgo + MS_PER_DAY, 3, () => auditedChangeBy(FORMER_ADMIN));
    await atMinutesFrom(longAgo + 2 * MS_PER_DAY, 2, () => auditedChangeBy(RETURNING_ADMIN));
    // Inside the window: only the returning admin; 42 entries fill the second page, 5 open a third.
    await atMinutesFrom(expectedCutoff + 2 * MS_PER_DAY, 47, () => auditedChangeBy(RETURNING_ADMIN));
  } finally {
    jest.useRealTimers();
  }
  const before = readStore();
  const secretsBefore = harness.kvs.listSecrets();
  expect(auditEntries(before)).toHaveLength(58 + 47);
  expect([...before.keys()].filter((key) => key.startsWith('personal-data:account:')).sort()).toEqual(
    [admin, FORMER_ADMIN, RETURNING_ADMIN].map((accountId) => `personal-data:account:${accountId}`).sort(),
  );

  const run = (await harness.platform.runScheduledTrigger('daily-retention-purge')) as { kind: 'finished'; outcome: PurgeOutcome };
  expect(run.kind).toBe('finished');
  const { outcome } = run;
  const after = readStore();
  const cutoff = Date.parse(outcome.at) - outcome.retentionDays * MS_PER_DAY;
  expect(outcome.retentionDays).toBe(retentionDays);

  // Audit: no expired entry is left in any value; those inside the window are exactly as they were, in order.
  const kept = auditEntries(before).filter((entry) => Date.parse(entry.at) >= cutoff);
  expect(kept).toHaveLength(47);
  expect(auditEntries(after)).toEqual(kept);
  expect(outcome.removedAuditEntries).toBe(58);
  expect(after.has('audit:page:00000001')).toBe(false);
  expect(after.get('audit:page:00000003')).toEqual(before.get('audit:page:00000003'));

  // Personal-data index: the account only expired entries named is gone; the admin stays (still named by the
  // Slack connection), as does the returning admin (named by entries inside the window).
  expect([...after.keys()].filter((key) => key.startsWith('personal-data:account:')).sort()).toEqual(
    [admin, RETURNING_ADMIN].map((accountId) => `personal-data:account:${accountId}`).sort(),
  );
  for (const key of [...after.keys()].filter((candidate) => candidate.startsWith('personal-data:account:'))) {
    const accountId = key.slice('personal-data:account:'.length);
    const namedElsewhere = [...after].some(([other, value]) => other !== key && JSON.stringify(value).includes(accountId));
    expect([accountId, namedElsewhere]).toEqual([accountId, true]);
  }
  expect(JSON.stringify([...after])).not.toContain(FORMER_ADMIN);

  // Issue history: no issue done before the window in any shard; every other issue exactly as it was.
  const history = { before: storedIssues(before, 'FLOW'), after: storedIssues(after, 'FLOW') };
  const expired = [...history.before.issues.values()].filter((issue) => (doneAt(issue, history.before.manifest) ?? Infinity) < cutoff);
  expect(expired.length).toBeGreaterThan(0);
  expect(outcome.removedIssues).toBe(expired.length);
  expect(outcome.removed).toBe(58 + expired.length);
  for (const issue of history.after.issues.values()) {
    expect([issue.key, (doneAt(issue, history.after.manifest) ?? Infinity) >= cutoff]).toEqual([issue.key, true]);
  }
  const statusName = (manifest: HistoryManifest) => (issue: StoredIssue) => ({
    ...issue,
    initialStatus: manifest.statuses[issue.initialStatus]?.name,
    transitions: issue.transitions.map((t) => ({ at: t.at, status: manifest.statuses[t.status]?.name })),
  });
  const unexpired = [...history.before.issues.values()].filter((issue) => !expired.includes(issue));
  expect([...history.after.issues.values()].map(statusName(history.after.manifest)).sort((a, b) => a.id - b.id)).toEqual(
    unexpired.map(statusName(history.before.manifest)).sort((a, b) => a.id - b.id),
  );

  // Everything else is untouched, secrets included; the purge only adds its outcome.
  const purged = /^(audit:|personal-data:account:|project:FLOW:(history|shard:))/;
  const untouched = (store: Store) => [...store].filter(([key]) => !purged.test(key) && key !== 'retention:last-purge');
  expect(untouched(after)).toEqual(untouched(before));
  expect(harness.kvs.listSecrets()).toEqual(secretsBefore);
  expect(after.get('retention:last-purge')).toEqual({
    version: 2,
    at: outcome.at,
    retentionDays,
    removed: 58 + expired.length,
    removedAuditEntries: 58,
    removedIssues: expired.length,
    // No GitHub connected here: pull-request-retention-purge.test.ts covers them.
    removedPullRequests: 0,
    erasedProjects: [],
    skippedProjects: [],
  });

  // A second run finds nothing more to remove, and changes nothing but its outcome.
  await expect(harness.platform.runScheduledTrigger('daily-retention-purge')).resolves.toMatchObject({
    kind: 'finished',
    outcome: { removed: 0, removedIssues: 0 },
  });
  const again = readStore();
  again.delete('retention:last-purge');
  after.delete('retention:last-purge');
  expect(again).toEqual(after);
});
