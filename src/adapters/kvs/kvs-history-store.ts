import { kvs, WhereConditions } from '@forge/kvs';
import type { HistoryGeneration, HistoryManifest, HistoryStore } from '../../ports';
import { PackedShardError, type PackedShard } from '../../shared/packed-history';
import { decodeShard, encodeShard, shardRefOf } from './shard-encoding';
import { storageKeys } from './storage-keys';

/** KVS batches take up to 25 keys and 4 MB. */
const BATCH_KEYS = 25;
const BATCH_BYTES = 3_500_000;
/** Reads take fewer keys: 16 values of at most 240 KiB stay under 4 MB whatever their size. */
const READ_BATCH_KEYS = 16;
/** KVS query pages (the stricter documented limit). */
const QUERY_PAGE = 20;
/** A batch item's failure code for a key that does not exist. */
const KEY_NOT_FOUND = 'KEY_NOT_FOUND';

/**
 * Each project's compact history in KVS: a manifest per generation (`project:<KEY>:history`, and
 * `project:<KEY>:history-next` while a backfill runs) and content-named shards (`project:<KEY>:shard:<hash>`).
 */
export class KvsHistoryStore implements HistoryStore {
  async readManifest(projectKey: string, generation: HistoryGeneration): Promise<HistoryManifest | null> {
    return (await kvs.get<HistoryManifest>(storageKeys.historyManifest(projectKey, generation))) ?? null;
  }

  async writeManifest(projectKey: string, generation: HistoryGeneration, manifest: HistoryManifest): Promise<void> {
    await kvs.set(storageKeys.historyManifest(projectKey, generation), manifest);
  }

  async deleteManifest(projectKey: string, generation: HistoryGeneration): Promise<void> {
    await kvs.delete(storageKeys.historyManifest(projectKey, generation));
  }

  async readShards(projectKey: string, refs: readonly string[]): Promise<PackedShard[]> {
    return (await this.readEncodedShards(projectKey, refs)).map(decodeShard);
  }

  async saveShards(projectKey: string, shards: readonly PackedShard[], stored: ReadonlySet<string>): Promise<string[]> {
    const refs: string[] = [];
    const writes = new Map<string, string>();
    for (const shard of shards) {
      const encoded = encodeShard(shard);
      const ref = shardRefOf(encoded);
      refs.push(ref);
      if (!stored.has(ref)) writes.set(storageKeys.historyShard(projectKey, ref), encoded);
    }
    let batch: Array<{ key: string; value: string }> = [];
    let bytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const result = await kvs.batchSet(batch);
      if (result.failedKeys.length > 0) throw new Error(`KVS refused to store ${result.failedKeys.length} shard(s)`);
      batch = [];
      bytes = 0;
    };
    for (const [key, value] of writes) {
      if (batch.length === BATCH_KEYS || bytes + value.length > BATCH_BYTES) await flush();
      batch.push({ key, value });
      bytes += value.length;
    }
    await flush();
    return refs;
  }

  async deleteShards(projectKey: string, refs: readonly string[]): Promise<void> {
    const keys = [...new Set(refs)].map((ref) => ({ key: storageKeys.historyShard(projectKey, ref) }));
    for (let i = 0; i < keys.length; i += BATCH_KEYS) {
      const result = await kvs.batchDelete(keys.slice(i, i + BATCH_KEYS));
      // Already gone is fine: a job redoing a clean-up after a crash deletes some shards twice.
      const failed = result.failedKeys.filter((item) => item.error.code !== KEY_NOT_FOUND);
      if (failed.length > 0) throw new Error(`KVS refused to delete ${failed.length} shard(s)`);
    }
  }

  async readEncodedShards(projectKey: string, refs: readonly string[]): Promise<string[]> {
    const texts = new Map<string, string>();
    const keys = [...new Set(refs)].map((ref) => storageKeys.historyShard(projectKey, ref));
    for (let i = 0; i < keys.length; i += READ_BATCH_KEYS) {
      const result = await kvs.batchGet<string>(keys.slice(i, i + READ_BATCH_KEYS).map((key) => ({ key })));
      const failed = result.failedKeys.filter((item) => item.error.code !== KEY_NOT_FOUND);
      if (failed.length > 0) throw new Error(`KVS could not read ${failed.length} shard(s)`);
      for (const item of result.successfulKeys) texts.set(item.key, item.value);
    }
    return refs.map((ref) => {
      const text = texts.get(storageKeys.historyShard(projectKey, ref));
      if (typeof text !== 'string') throw new PackedShardError('a shard is missing');
      return text;
    });
  }

  async listShardRefs(projectKey: string): Promise<string[]> {
    const prefix = storageKeys.historyShardPrefix(projectKey);
    const refs: string[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(QUERY_PAGE);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<unknown>();
      for (const { key } of page.results) refs.push(key.slice(prefix.length));
      cursor = page.nextCursor;
    } while (cursor);
    return refs;
  }
}
