import { installKvsForEachTest } from '../../../dev/kvs/install-for-tests';
import { packShard, PackedShardError } from '../../shared/packed-history';
import { KvsHistoryStore } from './kvs-history-store';
import { KvsProjectLocks } from './kvs-project-locks';
import { KvsSyncCursorStore } from './kvs-sync-cursor-store';
import { KvsSyncRequestThrottle } from './kvs-sync-request-throttle';

const shardOf = (first: number, count: number) =>
  packShard(
    Array.from({ length: count }, (_, i) => ({
      id: first + i,
      key: `FLOW-${first + i - 9_999}`,
      type: 0,
      created: 1_700_000_000_000 + i,
      resolved: null,
      initialStatus: 0,
      transitions: [],
      flags: [],
    })),
    'FLOW',
  );

describe('the sync’s KVS storage', () => {
  const emulator = installKvsForEachTest();

  it('names shards by content and writes only those not stored yet', async () => {
    const store = new KvsHistoryStore();
    const shards = Array.from({ length: 30 }, (_, i) => shardOf(10_000 + i * 100, 100));
    const refs = await store.saveShards('FLOW', shards, new Set());
    expect(new Set(refs).size).toBe(30);
    expect(emulator().listPlain('project:FLOW:shard:')).toHaveLength(30);
    const writes = emulator().stats().writes;
    const again = await store.saveShards('FLOW', [shards[3]!, shardOf(90_000, 5)], new Set(refs));
    expect(again[0]).toBe(refs[3]);
    expect(emulator().stats().writes - writes).toBe(1);
    await expect(store.readShards('FLOW', [refs[7]!, refs[2]!])).resolves.toEqual([shards[7], shards[2]]);
    expect((await store.listShardRefs('FLOW')).sort()).toEqual([...refs, again[1]!].sort());
  });

  it('deletes shards, already deleted ones included, and reports a missing one as damage', async () => {
    const store = new KvsHistoryStore();
    const [ref] = await store.saveShards('FLOW', [shardOf(10_000, 3)], new Set());
    await store.deleteShards('FLOW', [ref!, ref!]);
    await store.deleteShards('FLOW', [ref!]);
    await expect(store.readShards('FLOW', [ref!])).rejects.toThrow(PackedShardError);
  });

  it('keeps a backfill’s id list in parts, as differences', async () => {
    const cursors = new KvsSyncCursorStore();
    const ids = Array.from({ length: 45_000 }, (_, i) => 10_000 + i * 3);
    await expect(cursors.writeIdList('FLOW', ids, 20_000)).resolves.toBe(3);
    await expect(cursors.readIdListPart('FLOW', 1)).resolves.toEqual(ids.slice(20_000, 40_000));
    expect(JSON.stringify(emulator().listPlain('project:FLOW:backfill-ids:1')[0]!.value).length).toBeLessThan(45_000);
    await cursors.deleteIdList('FLOW', 3);
    expect(emulator().listPlain('project:FLOW:backfill-ids:')).toEqual([]);
  });

  it('lets one holder at a time have a project’s lock, its own retries included, until it expires', async () => {
    const locks = new KvsProjectLocks();
    await expect(locks.acquire('FLOW', 'job-1', 1)).resolves.toBe(true);
    await expect(locks.acquire('FLOW', 'job-2', 1)).resolves.toBe(false);
    await expect(locks.acquire('FLOW', 'job-1', 1)).resolves.toBe(true);
    await expect(locks.acquire('BUG', 'job-2', 60)).resolves.toBe(true);
    await locks.release('FLOW', 'job-2');
    await expect(locks.acquire('FLOW', 'job-2', 1)).resolves.toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(locks.acquire('FLOW', 'job-2', 60)).resolves.toBe(true);
    await locks.release('FLOW', 'job-2');
    await expect(locks.acquire('FLOW', 'job-3', 60)).resolves.toBe(true);
  });

  it('accepts one "sync now" per project per period', async () => {
    const throttle = new KvsSyncRequestThrottle();
    await expect(throttle.claim('FLOW', 300)).resolves.toBe(true);
    await expect(throttle.claim('FLOW', 300)).resolves.toBe(false);
    await expect(throttle.claim('BUG', 300)).resolves.toBe(true);
    const claimedAt = await throttle.claimedAt('FLOW');
    expect(Math.abs(claimedAt!.getTime() - Date.now())).toBeLessThan(5000);
    await expect(throttle.claimedAt('SPR')).resolves.toBeNull();
  });
});
