import { expect } from '@jest/globals';
import { fakeTheDateOnly } from '../../dev/testing/fake-clock';
import { SyncHarness } from '../../dev/testing/local-sync-harness';
import { dataOf, type SettingsFunctionKey } from '../../dev/testing/settings-test-site';
import { InvocationBudget } from '../adapters/forge-runtime/invocation-budget';
import { decodeShard } from '../adapters/kvs/shard-encoding';
import type { HistoryManifest } from '../ports';
import { unpackShard, type StoredIssue } from '../shared/packed-history';
import type { AuditEntry, PurgeOutcome } from '../shared/resolver-contract';
import type { PurgeSliceOutcome } from '../app/privacy/expired-data-purge';
import { MS_PER_DAY } from '../domain';
import { LAST_PURGE_RECORD } from '../adapters/kvs/stored-record-kinds';

/**
 * The retention purge reaches projects an admin stopped measuring, on the local platform, reading the whole
 * store: their issues done before the window go at once, the rest stays until they have been unmeasured for
 * longer than the window, then every one of their keys goes. "Purge now" removes exactly what the daily job
 * does. The clock is moved with Jest's fake `Date` (timers stay real, so the platform runs as usual).
 */
const harness = new SyncHarness();
afterAll(() => harness.close());
const admin = harness.user('admin');

const asAdmin = harness.settingsAs('admin');
const settings = async <Key extends SettingsFunctionKey>(functionKey: Key, payload: unknown = {}) => {
  const answer = await asAdmin(functionKey, payload);
  expect([functionKey, answer.ok]).toEqual([functionKey, true]);
  return dataOf(answer);
};
/** The daily trigger, which finishes within its invocation here (a few projects). */
async function dailyPurge(): Promise<PurgeOutcome & { resealed: number }> {
  const run = (await harness.platform.runScheduledTrigger('daily-retention-purge')) as PurgeSliceOutcome & { resealed: number };
  if (run.kind !== 'finished') throw new Error(`the daily purge handed over at ${run.nextProject}`);
  return { ...run.outcome, resealed: run.resealed };
}

async function at<T>(time: number, act: () => Promise<T>): Promise<T> {
  fakeTheDateOnly();
  try {
    jest.setSystemTime(time);
    return await act();
  } finally {
    jest.useRealTimers();
  }
}

type Store = Map<string, unknown>;
const readStore = (): Store => new Map(harness.kvs.listPlain().map((entry) => [entry.key, entry.value]));
const projectKeys = (store: Store, projectKey: string) => [...store.keys()].filter((key) => key.startsWith(`project:${projectKey}:`));

/** Every issue of every shard stored for the project, by id, with when it was done (null: still open). */
function storedIssues(store: Store, projectKey: string): Map<number, { issue: StoredIssue; doneAt: number | null }> {
  const manifest = store.get(`project:${projectKey}:history`) as HistoryManifest;
  const issues = new Map<number, { issue: StoredIssue; doneAt: number | null }>();
  for (const [key, value] of store) {
    if (!key.startsWith(`project:${projectKey}:shard:`)) continue;
    for (const issue of unpackShard(decodeShard(value), manifest.keyPrefix)) {
      const last = issue.transitions[issue.transitions.length - 1];
      const done = manifest.statuses[last ? last.status : issue.initialStatus]?.category === 'done';
      issues.set(issue.id, { issue, doneAt: done ? (last ? last.at : issue.created) : null });
    }
  }
  return issues;
}

it('drops an unmeasured project’s old issues, keeps the rest until it has been unmeasured longer than the window, then every key', async () => {
  await harness.measure('FLOW', 'SPR');
  await harness.runScheduledSync();
  const synced = storedIssues(readStore(), 'FLOW');
  // A window that ends in the middle of the project's life.
  const created = [...synced.values()].map(({ issue }) => issue.created).sort((a, b) => a - b);
  const retentionDays = Math.max(30, Math.ceil((Date.now() - created[Math.floor(created.length / 2)]!) / MS_PER_DAY));
  await settings('setRetention', { retentionDays });
  await settings('setProjectMeasured', { projectKey: 'FLOW', measured: false });
  const unmeasuredAt = Date.now();
  const before = readStore();
  expect(before.get('project:FLOW:unmeasured-since')).toEqual({ since: expect.any(String) });

  // Today: the issues done before the window go, as for a measured project; everything else stays as it was.
  const today = await dailyPurge();
  const cutoff = Date.parse(today.at) - retentionDays * MS_PER_DAY;
  const afterToday = readStore();
  const stored = [...storedIssues(before, 'FLOW').values()];
  const expired = stored.filter(({ doneAt }) => doneAt !== null && doneAt < cutoff);
  const kept = stored.filter((issue) => !expired.includes(issue));
  expect(expired.length).toBeGreaterThan(0);
  expect(kept.some(({ doneAt }) => doneAt === null)).toBe(true);
  expect([...storedIssues(afterToday, 'FLOW').keys()].sort()).toEqual(kept.map(({ issue }) => issue.id).sort());
  expect(today).toMatchObject({ erasedProjects: [], skippedProjects: [] });
  expect(today.removedIssues).toBeGreaterThanOrEqual(expired.length);
  const history = /^project:FLOW:(history|shard:)/;
  const notHistory = (store: Store) =>
    projectKeys(store, 'FLOW')
      .filter((key) => !history.test(key))
      .map((key) => [key, store.get(key)]);
  expect(notHistory(afterToday)).toEqual(notHistory(before));
  expect(notHistory(afterToday).map(([key]) => key)).toEqual(
    expect.arrayContaining(['project:FLOW:sync-state', 'project:FLOW:sync-cursor']),
  );

  // A day before it has been unmeasured for the whole window: its open issues, sync state and cursors stay.
  const lastDay = await at(unmeasuredAt + (retentionDays - 1) * MS_PER_DAY, dailyPurge);
  const afterLastDay = readStore();
  expect(lastDay.erasedProjects).toEqual([]);
  const openIds = (issues: Array<{ issue: StoredIssue; doneAt: number | null }>) =>
    issues
      .filter(({ doneAt }) => doneAt === null)
      .map(({ issue }) => issue.key)
      .sort();
  expect(openIds([...storedIssues(afterLastDay, 'FLOW').values()])).toEqual(openIds(kept));
  expect(notHistory(afterLastDay)).toEqual(notHistory(before));

  // Unmeasured for longer than the window: nothing of the project is left; the measured project keeps its own.
  const spr = projectKeys(afterLastDay, 'SPR');
  const past = await at(unmeasuredAt + retentionDays * MS_PER_DAY + 60_000, dailyPurge);
  const afterPast = readStore();
  expect(past.erasedProjects).toEqual(['FLOW']);
  expect(past.removedIssues).toBeGreaterThanOrEqual(storedIssues(afterLastDay, 'FLOW').size);
  expect(projectKeys(afterPast, 'FLOW')).toEqual([]);
  expect(projectKeys(afterPast, 'SPR')).toEqual(expect.arrayContaining(spr.filter((key) => !key.includes(':shard:'))));
  expect(JSON.stringify([...afterPast.keys()])).not.toContain('FLOW:');

  // Measuring it again starts afresh: its clock is cleared, and a later purge leaves its new data alone.
  await settings('setProjectMeasured', { projectKey: 'FLOW', measured: true });
  expect(readStore().has('project:FLOW:unmeasured-since')).toBe(false);
});

it('purges now exactly what the daily job purges, and says so in its answer and the audit log', async () => {
  // FLOW is measured (again) and synced; SPR was unmeasured longer ago than the window: it goes whole.
  await settings('setProjectMeasured', { projectKey: 'FLOW', measured: true });
  await harness.platform.drainQueue();
  await settings('setProjectMeasured', { projectKey: 'SPR', measured: false });
  const retentionDays = 30;
  await settings('setRetention', { retentionDays });
  await harness.setValue('project:SPR:unmeasured-since', { since: new Date(Date.now() - (retentionDays + 1) * MS_PER_DAY).toISOString() });
  const before = readStore();
  expect(projectKeys(before, 'SPR').length).toBeGreaterThan(0);

  // The resolver only queues the run; the queue's consumer purges, and the page reads the outcome after.
  const queued = await settings('purgeNow');
  expect(queued).toEqual({ queued: true, requestedAt: expect.any(String) });
  expect(projectKeys(readStore(), 'SPR')).toEqual(projectKeys(before, 'SPR'));
  await harness.platform.drainQueue();
  const now = (await settings('getDataPrivacy')).lastPurge as PurgeOutcome;
  expect(now.at >= queued.requestedAt).toBe(true);
  const afterNow = readStore();

  // The same store again, and the daily job on it.
  harness.kvs.clear();
  for (const [key, value] of before) await harness.setValue(key, value);
  const daily = await dailyPurge();
  const afterDaily = readStore();

  const { at: _nowAt, ...nowRemoved } = now;
  const { at: _dailyAt, resealed: _resealed, ...dailyRemoved } = daily;
  expect(nowRemoved).toEqual(dailyRemoved);
  expect(now.erasedProjects).toEqual(['SPR']);
  expect(now.removedIssues).toBeGreaterThan(0);
  expect(now.removed).toBe(now.removedAuditEntries + now.removedIssues);
  expect(projectKeys(afterNow, 'SPR')).toEqual([]);
  expect(storedIssues(afterNow, 'FLOW').size).toBeLessThan(storedIssues(before, 'FLOW').size);

  // Besides its own audit entry (and the outcome's time), purge now leaves the store as the daily job does.
  const ownRecords = /^(audit:|retention:last-purge$|throttle:purge-now$)/;
  const rest = (store: Store) => [...store].filter(([key]) => !ownRecords.test(key));
  expect(rest(afterNow)).toEqual(rest(afterDaily));
  const entries = [...afterNow]
    .filter(([key]) => key.startsWith('audit:page:'))
    .flatMap(([, page]) => (page as { entries: AuditEntry[] }).entries);
  expect(entries[entries.length - 1]).toMatchObject({
    action: 'data.purged',
    actorAccountId: admin,
    details: {
      retentionDays,
      removed: now.removed,
      removedAuditEntries: now.removedAuditEntries,
      removedIssues: now.removedIssues,
      erasedProjects: 'SPR',
      skippedProjects: '',
    },
  });
});

it('hands a purge that runs short of time over to the queue, which resumes from the next project and finishes', async () => {
  // Both projects measured and synced (FLOW sorts first); purged a year on, both lose their done issues.
  await settings('setProjectMeasured', { projectKey: 'FLOW', measured: true });
  await settings('setProjectMeasured', { projectKey: 'SPR', measured: true });
  await harness.platform.drainQueue();
  await settings('setRetention', { retentionDays: 30 });
  const later = Date.now() + 365 * MS_PER_DAY;
  const before = readStore();
  const whole = await at(later, dailyPurge);
  expect(storedIssues(readStore(), 'SPR').size).toBeLessThan(storedIssues(before, 'SPR').size);
  const afterWhole = readStore();

  // The same store again, with no time left after each project: every invocation purges one project.
  harness.kvs.clear();
  for (const [key, value] of before) await harness.setValue(key, value);
  const remaining = jest.spyOn(InvocationBudget.prototype, 'remainingMs').mockReturnValue(0);
  try {
    const first = (await at(later, () => harness.platform.runScheduledTrigger('daily-retention-purge'))) as PurgeSliceOutcome;
    expect(first).toMatchObject({ kind: 'continues', nextProject: 'SPR' });
    // Not recorded until the run has finished.
    expect(readStore().get('retention:last-purge')).toEqual(before.get('retention:last-purge'));
    expect(storedIssues(readStore(), 'SPR')).toEqual(storedIssues(before, 'SPR'));
    await at(later, () => harness.platform.drainQueue());
  } finally {
    remaining.mockRestore();
  }
  // The stored record is the storage's own versioned shape: read as the app reads it.
  const resumed = LAST_PURGE_RECORD.read(readStore().get('retention:last-purge'));
  const { at: _wholeAt, resealed: _resealed, ...wholeRemoved } = whole;
  const { at: _resumedAt, ...resumedRemoved } = resumed;
  expect(resumedRemoved).toEqual(wholeRemoved);
  expect([...storedIssues(readStore(), 'SPR').keys()].sort()).toEqual([...storedIssues(afterWhole, 'SPR').keys()].sort());
  expect([...storedIssues(readStore(), 'FLOW').keys()].sort()).toEqual([...storedIssues(afterWhole, 'FLOW').keys()].sort());
});
