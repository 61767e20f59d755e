import { SyncHarness } from '../../dev/testing/local-sync-harness';

/**
 * Forge keeps 100 log lines per runtime minute and 200 KB per invocation (the local platform drops the rest
 * as Forge does): the app logs a line per job, never a line per issue, so a large backfill stays far within.
 */
describe('the logs of a large backfill', () => {
  let harness: SyncHarness;
  beforeAll(() => {
    harness = new SyncHarness({ bigProjectIssues: 10_000 });
    // One batch of 1000 issues a slice: ten queue jobs, each logging.
    harness.platform.environment.set('SYNC_MAX_BATCHES_PER_SLICE', '1');
  });
  afterAll(() => harness.close());

  it('stay within Forge’s limits: nothing dropped, a few lines per invocation, no issue named', async () => {
    await harness.measure('BIG');
    await harness.runScheduledSync();
    const perInvocation = harness.platform.logs.linesPerInvocation();
    expect(perInvocation.filter((entry) => entry.functionKey === 'sync-job-worker').length).toBeGreaterThanOrEqual(10);
    expect(harness.platform.logs.dropped()).toEqual([]);
    expect(perInvocation[0]!.lines).toBeLessThanOrEqual(5);
    const text = harness.platform.logs
      .all()
      .map((line) => line.message)
      .join('\n');
    expect(text).not.toMatch(/BIG-\d+/);
    expect(Buffer.byteLength(text)).toBeLessThan(10 * 1024);
  }, 120_000);
});
