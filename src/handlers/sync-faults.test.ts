import { expect } from '@jest/globals';
import { WITHOUT_QUOTAS } from '../../dev/kvs';
import { issueFacts, SyncHarness } from '../../dev/testing/local-sync-harness';
import type { SyncState } from '../shared/resolver-contract';

/**
 * The faults the sync must survive, each on the local platform with the app's real handlers: rate-limit
 * storms, a worker killed at any point, two syncs of one project at once, and Jira failing outright.
 */
const SYNC_WORKER = 'sync-job-worker';
/**
 * Wall-clock times live only in the sync state and the Overview summary (its figures are computed as of the
 * sync's time, and are checked against the history they name in overview-summary.test.ts); everything else
 * must be identical after a crash.
 */
const WALL_CLOCK_KEYS = /:sync-state$|:overview-summary$/;
/**
 * The edit log of the live history: a crash between the switch to a new history and its record leaves a gap
 * (a browser holding the older version is then sent the whole history), never a wrong edit.
 */
const WALL_CLOCK_AND_EDIT_LOG_KEYS = /:sync-state$|:overview-summary$|:history-edits?(:|$)/;

async function syncState(harness: SyncHarness, projectKey: string): Promise<SyncState> {
  const answer = await harness.invoke<SyncState>('getSyncState', projectKey, harness.user('member'));
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
}

describe('a sync under a 429 storm', () => {
  let harness: SyncHarness;
  beforeAll(() => {
    harness = new SyncHarness();
  });
  afterAll(() => harness.close());

  it('finishes, never retries before Retry-After has passed, and bounds its concurrency', async () => {
    await harness.measure('SPR');
    await harness.chaos({ rate429: 0.3, retryAfterSeconds: 1, latencyMs: 3, seed: 7 });
    await harness.resetStats();
    await harness.runScheduledSync();
    const stats = await harness.stats();
    await harness.chaos(null);

    expect(stats.byStatus['429'] ?? 0).toBeGreaterThanOrEqual(2);
    expect(stats.earlyRetries).toBe(0);
    expect(stats.maxConcurrency).toBeLessThanOrEqual(4);
    expect(stats.maxConcurrency).toBeGreaterThanOrEqual(2);
    expect(await syncState(harness, 'SPR')).toMatchObject({ status: 'ok', lastError: null });
    const { history } = await harness.viewedHistory('SPR');
    expect(issueFacts(history!)).toEqual(issueFacts(await harness.truth('SPR')));
  }, 60_000);
});

describe('a sync worker killed mid-job', () => {
  let harness: SyncHarness;
  let uninterrupted: Record<string, unknown>;
  let slices: number[];

  const restart = async () => {
    harness.kvs.clear();
    await harness.measure('FLOW');
  };

  beforeAll(async () => {
    // Hundreds of replayed syncs in seconds: crash safety is under test here, the KVS quotas further down.
    harness = new SyncHarness({ kvsLimits: WITHOUT_QUOTAS });
    // One batch of 1000 issues per queue job, so FLOW's backfill takes two slices and a hand-over.
    harness.platform.environment.set('SYNC_MAX_BATCHES_PER_SLICE', '1');
    await restart();
    // The reference: an uninterrupted backfill. Planned crashes that never fire count each slice's requests.
    await harness.platform.runScheduledTrigger('hourly-incremental-sync');
    slices = [];
    while (harness.platform.queue.size > 0) {
      harness.platform.crashNextInvocation(SYNC_WORKER, Number.MAX_SAFE_INTEGER);
      await harness.platform.drainQueue({ maxEvents: 1 }).catch(() => undefined);
      slices.push(harness.platform.crashLog[harness.platform.crashLog.length - 1]!.made);
    }
    uninterrupted = harness.snapshot(WALL_CLOCK_KEYS);
  });
  afterAll(() => harness.close());

  it('hands over between slices in the reference run', () => {
    expect(slices.length).toBe(2);
    expect(Object.keys(uninterrupted).some((key) => key.includes(':shard:'))).toBe(true);
    expect(uninterrupted['project:FLOW:sync-cursor']).toMatchObject({ backfill: null });
  });

  it('leaves storage identical to an uninterrupted run, wherever it dies: every point of both slices', async () => {
    const points: Array<{ slice: number; after: number }> = [];
    slices.forEach((made, slice) => {
      for (let after = 1; after < made; after++) points.push({ slice, after });
    });
    expect(points.length).toBeGreaterThanOrEqual(20);

    for (const point of points) {
      await restart();
      await harness.platform.runScheduledTrigger('hourly-incremental-sync');
      // Earlier slices run normally; the chosen slice dies after `after` requests; the queue retries it.
      for (let slice = 0; slice < point.slice; slice++) await harness.platform.drainQueue({ maxEvents: 1 }).catch(() => undefined);
      harness.platform.crashNextInvocation(SYNC_WORKER, point.after);
      // Every queued job to the end, the retry of the killed one included.
      await harness.platform.drainQueue();
      const crash = harness.platform.crashLog[harness.platform.crashLog.length - 1]!;
      expect({ point, fired: crash.fired }).toEqual({ point, fired: true });
      expect({ point, stored: harness.snapshot(WALL_CLOCK_KEYS) }).toEqual({ point, stored: uninterrupted });
      expect(await syncState(harness, 'FLOW')).toMatchObject({ status: 'ok' });
    }
  }, 180_000);

  it('also when an incremental sync dies, at every point of it', async () => {
    await restart();
    harness.platform.environment.set('SYNC_MAX_BATCHES_PER_SLICE', undefined);
    await harness.runScheduledSync();
    for (const key of ['FLOW-20', 'FLOW-640', 'FLOW-1050']) await harness.jira('POST', `/__jira/issues/${key}/status`, { status: 'Done' });
    const before = harness.snapshot();
    const restore = async () => {
      harness.kvs.clear();
      for (const [key, value] of Object.entries(before)) await harness.setValue(key, value);
    };
    harness.platform.crashNextInvocation(SYNC_WORKER, Number.MAX_SAFE_INTEGER);
    await harness.runScheduledSync();
    const made = harness.platform.crashLog[harness.platform.crashLog.length - 1]!.made;
    const reference = harness.snapshot(WALL_CLOCK_AND_EDIT_LOG_KEYS);
    const referenceEdits = Object.entries(harness.snapshot()).filter(([key]) => key.includes(':history-edit:'));
    expect(referenceEdits).toHaveLength(1);
    expect(reference).not.toEqual(Object.fromEntries(Object.entries(before).filter(([key]) => !WALL_CLOCK_AND_EDIT_LOG_KEYS.test(key))));
    for (let after = 1; after < made; after++) {
      await restore();
      harness.platform.crashNextInvocation(SYNC_WORKER, after);
      await harness.runScheduledSync();
      expect(harness.platform.crashLog[harness.platform.crashLog.length - 1]!.fired).toBe(true);
      expect({ after, stored: harness.snapshot(WALL_CLOCK_AND_EDIT_LOG_KEYS) }).toEqual({ after, stored: reference });
      // The edit, when it was recorded at all, is the one an uninterrupted sync records.
      const edits = Object.entries(harness.snapshot()).filter(([key]) => key.includes(':history-edit:'));
      expect({ after, edits }).toEqual({ after, edits: edits.length === 0 ? [] : referenceEdits });
    }
  }, 60_000);
});

describe('two syncs of one project at once', () => {
  let harness: SyncHarness;
  beforeAll(async () => {
    harness = new SyncHarness();
    await harness.measure('FLOW');
  });
  afterAll(() => harness.close());

  it('lets one work while the other waits its turn: no corruption, nothing counted twice', async () => {
    // Latency makes the two jobs overlap for their whole length.
    await harness.chaos({ latencyMs: 3 });
    await harness.resetStats();
    await harness.platform.runScheduledTrigger('hourly-incremental-sync');
    await expect(harness.syncNow('FLOW')).resolves.toMatchObject({ ok: true });
    expect(harness.platform.queue.size).toBe(2);
    // Two deliveries at the same time, as Forge may make them.
    await Promise.all([
      harness.platform.drainQueue({ maxEvents: 1 }).catch(() => undefined),
      harness.platform.drainQueue({ maxEvents: 1 }).catch(() => undefined),
    ]);
    const lines = harness.platform.logs.all().map((line) => JSON.stringify(line));
    expect(lines.filter((line) => line.includes(': busy')).length).toBe(1);
    // Only one backfill read Jira: FLOW's 1100 issues are two batches, two bulk changelog calls.
    expect((await harness.stats()).byEndpoint['POST /rest/api/3/changelog/bulkfetch']).toBe(2);
    // The request that had to wait runs afterwards (as a cheap incremental sync).
    await harness.platform.drainQueue();
    await harness.chaos(null);

    const { history } = await harness.viewedHistory('FLOW');
    const facts = issueFacts(history!);
    expect(new Set(facts.map((issue) => issue.id)).size).toBe(facts.length);
    expect(facts).toEqual(issueFacts(await harness.truth('FLOW')));
    expect(await syncState(harness, 'FLOW')).toMatchObject({ status: 'ok' });
    expect(harness.snapshot()['project:FLOW:sync-lock']).toBeUndefined();
  }, 60_000);
});

describe('Jira answering 5xx or malformed JSON', () => {
  let harness: SyncHarness;
  beforeAll(async () => {
    harness = new SyncHarness();
    await harness.measure('SPR');
    await harness.runScheduledSync();
  });
  afterAll(() => harness.close());

  it.each([
    ['5xx', { rate5xx: 1, retryAfterSeconds: 1 }, /Jira answered 503 to the issue search/],
    ['malformed JSON', { malformedJsonRate: 1 }, /Jira sent an unreadable answer to the issue search/],
  ])(
    '%s: records a readable error, keeps the last good data visible, and retries later',
    async (_, chaos, message) => {
      const before = await harness.viewedHistory('SPR');
      const lastSuccessAt = before.view.sync.lastSuccessAt;
      await harness.jira('POST', '/__jira/issues/SPR-5/status', { status: 'Done' });
      await harness.chaos({ ...chaos, endpoints: ['POST /rest/api/3/search/jql'] });
      await harness.platform.runScheduledTrigger('hourly-incremental-sync');
      await harness.platform.drainQueue({ maxEvents: 1 }).catch(() => undefined);

      const failed = await harness.viewedHistory('SPR');
      expect(failed.view.sync).toMatchObject({ status: 'failed', lastSuccessAt, lastError: expect.stringMatching(message) });
      expect(failed.view.sync.lastError).not.toMatch(/\bat \w|Error:|\{|https?:/);
      expect(issueFacts(failed.history!)).toEqual(issueFacts(before.history!));
      // The platform holds the job for a later retry.
      expect(harness.platform.queue.peek()).toEqual([
        expect.objectContaining({ retryCount: 1, body: { projectKey: 'SPR', reason: 'scheduled', erasure: 0 } }),
      ]);

      await harness.chaos(null);
      await harness.platform.drainQueue();
      const recovered = await harness.viewedHistory('SPR');
      expect(recovered.view.sync).toMatchObject({ status: 'ok', lastError: null });
      expect(issueFacts(recovered.history!)).toEqual(issueFacts(await harness.truth('SPR')));
    },
    60_000,
  );
});
