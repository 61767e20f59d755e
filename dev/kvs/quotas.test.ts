/**
 * Forge's per-installation KVS quotas, driven through the real `@forge/kvs` client: what a request costs in
 * 10 KB units, and the 429 `RATE_LIMIT_EXCEEDED` the client raises as a `ForgeKvsAPIError` once a quota is
 * spent, until the window has moved on.
 */
import { ForgeKvsAPIError, kvs } from '@forge/kvs';
import { caughtKvsError } from './caught-kvs-error';
import { installKvsForTests, type InstalledKvs } from './install-for-tests';
import { KvsEmulator } from './kvs-emulator';

const START = Date.UTC(2026, 0, 5, 12, 0, 0);
let clock = START;
let installed: InstalledKvs;
let emulator: KvsEmulator;

beforeEach(() => {
  clock = START;
  emulator = new KvsEmulator({ now: () => clock });
  installed = installKvsForTests(emulator);
});

afterEach(() => installed.uninstall());

/** A string whose stored JSON is about `kb` KB. */
const valueOfKb = (kb: number) => 'x'.repeat(kb * 1024 - 2);

async function expectThrottled(work: Promise<unknown>): Promise<void> {
  const error = await caughtKvsError(work);
  expect(error).toBeInstanceOf(ForgeKvsAPIError);
  expect(error.code).toBe('RATE_LIMIT_EXCEEDED');
  expect(error.responseDetails.status).toBe(429);
}

describe('metering', () => {
  it('charges a 65 KB value 7 units to write and 7 to read, and a tiny one 1', async () => {
    await kvs.set('big', valueOfKb(65));
    await kvs.set('small', 1);
    expect(emulator.quotaUsage()).toMatchObject({ writeUnitsLastMinute: 8, readUnitsLastMinute: 0 });
    await kvs.get('big');
    await kvs.get('missing');
    expect(emulator.quotaUsage()).toMatchObject({ readUnitsLastMinute: 8 });
    expect(emulator.stats()).toMatchObject({ readUnits: 8 });
  });
});

describe('the read quota: 4,000 units a minute', () => {
  it('refuses reads once the minute is spent, still in a sliding minute later, and allows them a minute on', async () => {
    await kvs.set('big', valueOfKb(200)); // 20 units a read
    for (let i = 0; i < 200; i++) await kvs.get('big');
    expect(emulator.quotaUsage()).toMatchObject({ readUnitsLastMinute: 4000, exhausted: ['read'] });
    await expectThrottled(kvs.get('big'));
    await expectThrottled(kvs.query().limit(1).getMany());
    // Writes have their own quota.
    await expect(kvs.set('other', 1)).resolves.toBeUndefined();

    clock += 30_000;
    await expectThrottled(kvs.get('big'));
    clock += 30_000;
    await expect(kvs.get('big')).resolves.toHaveLength(200 * 1024 - 2);
    expect(emulator.stats().throttled).toBe(3);
  });
});

describe('the write quota: 4,000 units a minute', () => {
  it('refuses a write that would cross the line before it changes anything', async () => {
    for (let i = 0; i < 199; i++) await kvs.set(`k${i}`, valueOfKb(195)); // 20 units each with the key: 3,980
    await expectThrottled(kvs.set('k199', valueOfKb(230))); // 23 more: over
    expect(await kvs.get('k199')).toBeUndefined();
    await expect(kvs.set('small', 1)).resolves.toBeUndefined(); // 3,981
    clock += 60_000;
    await expect(kvs.set('k199', valueOfKb(230))).resolves.toBeUndefined();
  });
});

describe('batch operations: 45 a minute', () => {
  it('refuses the 46th batch in a minute, whatever its kind, while single operations go on', async () => {
    for (let i = 0; i < 15; i++) {
      await kvs.batchSet([{ key: `b${i}`, value: i }]);
      await kvs.batchGet([{ key: `b${i}` }]);
      await kvs.batchDelete([{ key: `b${i}` }]);
    }
    expect(emulator.quotaUsage().batchOperationsLastMinute).toBe(45);
    await expectThrottled(kvs.batchSet([{ key: 'late', value: 1 }]));
    await expectThrottled(kvs.batchGet([{ key: 'late' }]));
    await expect(kvs.set('late', 1)).resolves.toBeUndefined();
    clock += 60_000;
    await expect(kvs.batchGet([{ key: 'late' }])).resolves.toMatchObject({ successfulKeys: [{ key: 'late', value: 1 }] });
  });
});

describe('requests: 1,000 a second', () => {
  it('refuses the 1,001st request of a second, and answers again the next second', async () => {
    const answers = await Promise.allSettled(Array.from({ length: 1001 }, () => kvs.get('k')));
    const refused = answers.filter((answer) => answer.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED' });
    clock += 1000;
    await expect(kvs.get('k')).resolves.toBeUndefined();
  });
});

describe('limits', () => {
  it('can be relaxed for a test or a benchmark, like every other limit', async () => {
    const relaxed = new KvsEmulator({ now: () => clock, limits: { batchOperationsPerMinute: Number.POSITIVE_INFINITY } });
    installed.uninstall();
    installed = installKvsForTests(relaxed);
    for (let i = 0; i < 60; i++) await kvs.batchGet([{ key: 'k' }]);
    expect(relaxed.quotaUsage().batchOperationsLastMinute).toBe(60);
  });
});
