import { issueFacts, SyncHarness } from '../../dev/testing/local-sync-harness';
import type { SyncState } from '../shared/resolver-contract';

/**
 * The app under Forge's per-installation KVS quotas (enforced by the local platform's emulator): a returning
 * reader of the project page is sent only what changed since the history their browser holds, and a sync
 * that meets a spent quota backs off and resumes, ending with exactly Jira's data.
 */
async function syncState(harness: SyncHarness, projectKey: string): Promise<SyncState> {
  const answer = await harness.invoke<SyncState>('getSyncState', projectKey, harness.user('member'));
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
}

describe('a returning reader of the project page', () => {
  let harness: SyncHarness;
  beforeAll(() => {
    harness = new SyncHarness();
  });
  afterAll(() => harness.close());

  it('is sent the edits since the version it holds, for a fraction of the read units, and sees exactly the new history', async () => {
    await harness.measure('FLOW');
    await harness.runScheduledSync();
    const first = await harness.viewedHistorySince('FLOW', null);
    expect(first.view.history).toMatchObject({ basedOn: null, edits: [] });

    for (const key of ['FLOW-3', 'FLOW-400', 'FLOW-1100']) await harness.jira('POST', `/__jira/issues/${key}/status`, { status: 'Done' });
    await harness.runScheduledSync();

    const before = harness.kvs.stats().readUnits;
    const again = await harness.viewedHistorySince('FLOW', first.held);
    const returningUnits = harness.kvs.stats().readUnits - before;
    expect(again.view.history).toMatchObject({ basedOn: first.held!.version, shards: [], nextShard: null });
    expect(again.view.history!.edits.length).toBeGreaterThan(0);
    expect(issueFacts(again.history!)).toEqual(issueFacts(await harness.truth('FLOW')));

    const fullBefore = harness.kvs.stats().readUnits;
    const full = await harness.viewedHistorySince('FLOW', null);
    const fullUnits = harness.kvs.stats().readUnits - fullBefore;
    expect(issueFacts(full.history!)).toEqual(issueFacts(again.history!));
    expect(full.held!.version).toBe(again.held!.version);
    expect(returningUnits).toBeLessThan(fullUnits);

    // Nothing changed since: nothing to send but the version.
    const unchanged = await harness.viewedHistorySince('FLOW', again.held);
    expect(unchanged.view.history).toMatchObject({ basedOn: again.held!.version, edits: [], shards: [] });
    expect(issueFacts(unchanged.history!)).toEqual(issueFacts(full.history!));
  }, 60_000);

  it('is sent the whole history when it holds a version the app no longer knows', async () => {
    const { held } = await harness.viewedHistorySince('FLOW', null);
    const stranger = await harness.viewedHistorySince('FLOW', { ...held!, version: '0000000000000000' });
    expect(stranger.view.history).toMatchObject({ basedOn: null });
    expect(stranger.view.history!.shards.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('a sync that meets a spent KVS quota', () => {
  let harness: SyncHarness;
  beforeAll(() => {
    // Small quotas, so the first backfill of FLOW spends them several times over; one batch a slice.
    harness = new SyncHarness({ kvsLimits: { writeUnitsPerMinute: 30, readUnitsPerMinute: 30 } });
    harness.platform.environment.set('SYNC_MAX_BATCHES_PER_SLICE', '1');
  });
  afterAll(() => harness.close());

  it('backs off, resumes from its cursor, and ends with exactly Jira data', async () => {
    await harness.measure('FLOW');
    harness.kvs.resetQuotas();
    await harness.runScheduledSync();
    expect(harness.kvs.stats().throttled).toBeGreaterThan(0);
    expect(harness.platform.queue.failed).toEqual([]);
    harness.kvs.resetQuotas();
    expect(await syncState(harness, 'FLOW')).toMatchObject({ status: 'ok' });
    // A reader meeting the spent quota is told so, typed; a minute later the page opens.
    while ((await harness.invoke('getProjectView', 'FLOW', harness.user('member'))).ok);
    expect(await harness.invoke('getProjectView', 'FLOW', harness.user('member'))).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });
    harness.kvs.resetQuotas();
    const { history } = await harness.viewedHistory('FLOW');
    expect(issueFacts(history!)).toEqual(issueFacts(await harness.truth('FLOW')));
  }, 120_000);
});

describe('a purge slice that meets a spent KVS quota', () => {
  let harness: SyncHarness;
  beforeAll(() => {
    harness = new SyncHarness({ kvsLimits: { writeUnitsPerMinute: 30, readUnitsPerMinute: 30 } });
  });
  afterAll(() => harness.close());

  it('waits out the minute on the queue and finishes, rather than being retried in the same minute and dropped', async () => {
    await harness.measure('FLOW');
    await harness.runScheduledSync();
    harness.kvs.resetQuotas();
    expect(await harness.settingsAs('admin')('purgeNow')).toMatchObject({ ok: true });
    // Spend the minute's read quota, as busy page opens would, before the queued slice runs.
    while ((await harness.invoke('getProjectView', 'FLOW', harness.user('member'))).ok);
    await harness.platform.drainQueue();
    expect(harness.platform.queue.failed).toEqual([]);
    harness.kvs.resetQuotas();
    expect(harness.snapshot()['retention:last-purge']).toMatchObject({ retentionDays: expect.any(Number) as unknown });
  }, 120_000);

  it('hands the daily run to the queue when the quota is spent as it starts (Forge does not retry a scheduled run)', async () => {
    await harness.setValue('retention:last-purge', null);
    while ((await harness.invoke('getProjectView', 'FLOW', harness.user('member'))).ok);
    expect(await harness.platform.runScheduledTrigger('daily-retention-purge')).toEqual({ kind: 'queued' });
    await harness.platform.drainQueue();
    expect(harness.platform.queue.failed).toEqual([]);
    harness.kvs.resetQuotas();
    expect(harness.snapshot()['retention:last-purge']).toMatchObject({ retentionDays: expect.any(Number) as unknown });
  }, 120_000);
});

describe('a personal-data report slice that meets a spent KVS quota', () => {
  let harness: SyncHarness;
  beforeAll(() => {
    harness = new SyncHarness({ kvsLimits: { writeUnitsPerMinute: 30, readUnitsPerMinute: 30 } });
    harness.platform.environment.set('PERSONAL_DATA_MAX_CHUNKS_PER_SLICE', '1');
  });
  afterAll(() => harness.close());

  it('waits out the minute on the queue and finishes the run', async () => {
    await harness.measure('FLOW');
    await harness.runScheduledSync();
    const accounts = Array.from({ length: 200 }, (_, i) => `5c2d1e0f3a4b5c6d7e8f${String(i).padStart(4, '0')}`);
    for (const accountId of accounts) {
      harness.kvs.resetQuotas();
      await harness.setValue(`personal-data:account:${accountId}`, {
        accountId,
        uses: ['audit-actor'],
        firstStoredAt: '2026-01-01T00:00:00.000Z',
        lastRefreshedAt: '2026-01-01T00:00:00.000Z',
      });
    }
    harness.kvs.resetQuotas();
    await harness.platform.runScheduledTrigger('weekly-personal-data-report');
    expect(harness.platform.queue.peek().length).toBeGreaterThan(0);
    while ((await harness.invoke('getProjectView', 'FLOW', harness.user('member'))).ok);
    await harness.platform.drainQueue();
    expect(harness.platform.queue.failed).toEqual([]);
    harness.kvs.resetQuotas();
    expect(harness.snapshot()['privacy:last-report']).toMatchObject({ outcome: 'ok' });
  }, 120_000);
});
