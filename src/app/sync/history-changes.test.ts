import fc from 'fast-check';
import type { HistoryGeneration, HistoryManifest, HistoryStore } from '../../ports';
import { unpackShard, type PackedShard, type StoredIssue } from '../../shared/packed-history';
import { applyHistoryChanges } from './history-changes';
import { emptyManifest } from './history-manifest';
import { layoutShards, opensShard, SHARD_MAX_JSON_CHARS, SHARD_TARGET_ISSUES } from './shard-layout';

/** Shards in memory, named by content like the KVS store, counting writes. */
class MemoryHistoryStore implements HistoryStore {
  readonly shards = new Map<string, string>();
  readonly manifests = new Map<HistoryGeneration, HistoryManifest>();
  shardWrites = 0;

  readManifest(_: string, generation: HistoryGeneration) {
    return Promise.resolve(this.manifests.get(generation) ?? null);
  }
  writeManifest(_: string, generation: HistoryGeneration, manifest: HistoryManifest) {
    this.manifests.set(generation, structuredClone(manifest));
    return Promise.resolve();
  }
  deleteManifest(_: string, generation: HistoryGeneration) {
    this.manifests.delete(generation);
    return Promise.resolve();
  }
  readShards(_: string, refs: readonly string[]): Promise<PackedShard[]> {
    return Promise.resolve(refs.map((ref) => JSON.parse(this.shards.get(ref)!) as PackedShard));
  }
  saveShards(_: string, shards: readonly PackedShard[], stored: ReadonlySet<string>) {
    const refs = shards.map((shard) => {
      const text = JSON.stringify(shard);
      const ref = refOf(text);
      if (!stored.has(ref)) {
        this.shards.set(ref, text);
        this.shardWrites += 1;
      }
      return ref;
    });
    return Promise.resolve(refs);
  }
  deleteShards(_: string, refs: readonly string[]) {
    for (const ref of refs) this.shards.delete(ref);
    return Promise.resolve();
  }
  readEncodedShards(_: string, refs: readonly string[]) {
    return Promise.resolve(refs.map((ref) => this.shards.get(ref)!));
  }
  readEncodedShardsKeeping(): Promise<string[]> {
    return Promise.reject(new Error('not used by the sync'));
  }
  listShardRefs() {
    return Promise.resolve([...this.shards.keys()]);
  }
}

function refOf(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

function issue(id: number, version = 0): StoredIssue {
  return {
    id,
    key: `FLOW-${id - 9_999}`,
    type: id % 2,
    created: 1_700_000_000_000 + id * 60_000,
    resolved: version % 2 === 1 ? 1_700_000_000_000 + id * 60_000 + 3_600_000 : null,
    initialStatus: 0,
    transitions: Array.from({ length: 1 + ((id + version) % 4) }, (_, k) => ({
      at: 1_700_000_000_000 + id * 60_000 + k * 60_000,
      status: (k + version) % 3,
    })),
    flags: [],
  };
}

const dictionaries = {
  keyPrefix: 'FLOW',
  statuses: [
    { id: '1', name: 'To Do', category: 'new' as const },
    { id: '2', name: 'In Progress', category: 'indeterminate' as const },
    { id: '3', name: 'Done', category: 'done' as const },
  ],
  issueTypes: ['Story', 'Bug'],
};

async function storedIssues(store: MemoryHistoryStore, manifest: HistoryManifest): Promise<StoredIssue[]> {
  const shards = await store.readShards(
    'FLOW',
    manifest.shards.map((shard) => shard.ref),
  );
  return shards.flatMap((shard) => unpackShard(shard, 'FLOW'));
}

const target = (store: MemoryHistoryStore) => ({
  store,
  projectKey: 'FLOW',
  generation: 'live' as const,
  protectedRefs: new Set<string>(),
});

describe('shard layout', () => {
  it('cuts where issue ids say, about one in SHARD_TARGET_ISSUES', () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => 10_000 + i);
    const cuts = ids.filter(opensShard).length;
    expect(cuts).toBeGreaterThan(200_000 / SHARD_TARGET_ISSUES / 1.3);
    expect(cuts).toBeLessThan((200_000 / SHARD_TARGET_ISSUES) * 1.3);
  });

  it('halves a run that would not fit a KVS value', () => {
    const big = Array.from({ length: 3000 }, (_, i) => ({
      ...issue(10_000 + i),
      transitions: Array.from({ length: 40 }, (__, k) => ({ at: 1_800_000_000_000 + k * 99_991, status: k % 3 })),
    }));
    const shards = layoutShards(big, 'FLOW');
    expect(shards.reduce((sum, shard) => sum + shard.count, 0)).toBe(3000);
    for (const { shard } of shards) expect(JSON.stringify(shard).length).toBeLessThanOrEqual(SHARD_MAX_JSON_CHARS);
  });
});

describe('applying changes to a stored history', () => {
  it('gives the layout of the whole new set, however the changes were batched', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            upserts: fc.array(fc.record({ id: fc.integer({ min: 10_000, max: 14_000 }), version: fc.nat(5) }), { maxLength: 400 }),
            deletes: fc.array(fc.integer({ min: 10_000, max: 14_000 }), { maxLength: 200 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (batches) => {
          const store = new MemoryHistoryStore();
          let manifest = emptyManifest('FLOW');
          const expected = new Map<number, StoredIssue>();
          for (const batch of batches) {
            const deletes = new Set(batch.deletes);
            const upserts = new Map(batch.upserts.filter((u) => !deletes.has(u.id)).map((u) => [u.id, issue(u.id, u.version)]));
            manifest = await applyHistoryChanges(target(store), manifest, { upserts: [...upserts.values()], deletes, dictionaries });
            for (const id of deletes) expected.delete(id);
            for (const [id, value] of upserts) expected.set(id, value);
          }
          const all = [...expected.values()].sort((a, b) => a.id - b.id);
          expect(await storedIssues(store, manifest)).toEqual(all);
          // The same shards, cut at the same places, as laying out the final set from scratch.
          expect(manifest.shards.map((shard) => [shard.firstId, shard.count])).toEqual(
            layoutShards(all, 'FLOW').map((shard) => [shard.firstId, shard.count]),
          );
          // Nothing left behind that no manifest refers to.
          expect(new Set(store.shards.keys())).toEqual(new Set(manifest.shards.map((shard) => shard.ref)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rewrites only the shards an edit falls in', async () => {
    const store = new MemoryHistoryStore();
    const ids = Array.from({ length: 20_000 }, (_, i) => 10_000 + i);
    let manifest = await applyHistoryChanges(target(store), emptyManifest('FLOW'), {
      upserts: ids.map((id) => issue(id)),
      deletes: new Set(),
      dictionaries,
    });
    expect(manifest.shards.length).toBeGreaterThan(20);
    store.shardWrites = 0;
    // One changed issue, one deleted, one new at the end.
    manifest = await applyHistoryChanges(target(store), manifest, {
      upserts: [issue(15_000, 1), issue(40_000)],
      deletes: new Set([12_345]),
      dictionaries,
    });
    expect(store.shardWrites).toBeLessThanOrEqual(6);
    expect((await storedIssues(store, manifest)).length).toBe(20_000);

    // The same issues again: nothing is written at all.
    store.shardWrites = 0;
    const before = JSON.stringify(manifest);
    manifest = await applyHistoryChanges(target(store), manifest, { upserts: [issue(15_000, 1)], deletes: new Set(), dictionaries });
    expect(store.shardWrites).toBe(0);
    expect(JSON.stringify(manifest)).toBe(before);
  });

  it('never deletes a shard the other generation still uses', async () => {
    const store = new MemoryHistoryStore();
    const first = await applyHistoryChanges(target(store), emptyManifest('FLOW'), {
      upserts: [issue(10_000)],
      deletes: new Set(),
      dictionaries,
    });
    const kept = new Set(first.shards.map((shard) => shard.ref));
    await applyHistoryChanges({ ...target(store), protectedRefs: kept }, first, {
      upserts: [issue(10_000, 3)],
      deletes: new Set(),
      dictionaries,
    });
    for (const ref of kept) expect(store.shards.has(ref)).toBe(true);
  });
});
