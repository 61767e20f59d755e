import { kvs, WhereConditions } from '@forge/kvs';
import type { HistoryGeneration, HistoryManifest, HistoryStore } from '../../ports';
import { packShard, PackedShardError, unpackShard, type PackedShard, type StoredIssue } from '../../shared/packed-history';
import { boundedParallel } from './bounded-parallel';
import { KvsHistoryEditLog } from './kvs-history-edit-log';
import { decodeShard, encodeShard, shardRefOf } from './shard-encoding';
import { storageKeys } from './storage-keys';

/** Deletes go in batches of up to 25 keys: one small request (one write unit) instead of one a key. */
const BATCH_KEYS = 25;
/** Shard reads and writes in flight at once, one key a request (see bounded-parallel.ts). */
const SHARDS_IN_FLIGHT = 8;
/** KVS query pages (the stricter documented limit). */
const QUERY_PAGE = 20;
/** A batch item's failure code for a key that does not exist. */
const KEY_NOT_FOUND = 'KEY_NOT_FOUND';

/**
 * Each project's compact history in KVS: a manifest per generation (`project:<KEY>:history`, and
 * `project:<KEY>:history-next` while a backfill runs) and content-named shards (`project:<KEY>:shard:<hash>`).
 */
export class KvsHistoryStore implements HistoryStore {
  /**
   * What this job has seen of each project's live history, and the shards it read or wrote since it last
   * wrote a manifest: what a new live manifest changed is worked out from them, for the edit log.
   */
  private readonly liveSeen = new Map<string, HistoryManifest | null>();
  private readonly shardsAtHand = new Map<string, PackedShard>();
  /**
   * Every shard this job read or wrote, by project and content name: a shard's name says what it holds, so
   * reading it again (the Overview summary after a sync reads the whole history) costs no read unit.
   */
  private readonly shardsKnown = new Map<string, PackedShard>();

  constructor(private readonly editLog = new KvsHistoryEditLog()) {}

  async readManifest(projectKey: string, generation: HistoryGeneration): Promise<HistoryManifest | null> {
    const manifest = (await kvs.get<HistoryManifest>(storageKeys.historyManifest(projectKey, generation))) ?? null;
    if (generation === 'live') this.liveSeen.set(projectKey, manifest);
    return manifest;
  }

  async writeManifest(projectKey: string, generation: HistoryGeneration, manifest: HistoryManifest): Promise<void> {
    const previous = generation === 'live' ? await this.seenLive(projectKey) : null;
    await kvs.set(storageKeys.historyManifest(projectKey, generation), manifest);
    if (generation === 'live') {
      this.liveSeen.set(projectKey, manifest);
      // The new history is live and complete; the edit log only lets browsers catch up with it cheaply.
      if (previous) await this.editLog.record(projectKey, previous, manifest, (ref) => this.shardsAtHand.get(`${projectKey}/${ref}`));
    }
    this.shardsAtHand.clear();
  }

  async deleteManifest(projectKey: string, generation: HistoryGeneration): Promise<void> {
    await kvs.delete(storageKeys.historyManifest(projectKey, generation));
  }

  async readShards(projectKey: string, refs: readonly string[]): Promise<PackedShard[]> {
    const missing = [...new Set(refs)].filter((ref) => !this.shardsKnown.has(`${projectKey}/${ref}`));
    const read = (await this.readEncodedShards(projectKey, missing)).map(decodeShard);
    missing.forEach((ref, i) => this.shardsKnown.set(`${projectKey}/${ref}`, read[i]!));
    const shards = refs.map((ref) => this.shardsKnown.get(`${projectKey}/${ref}`)!);
    refs.forEach((ref, i) => this.shardsAtHand.set(`${projectKey}/${ref}`, shards[i]!));
    return shards;
  }

  async saveShards(projectKey: string, shards: readonly PackedShard[], stored: ReadonlySet<string>): Promise<string[]> {
    const refs: string[] = [];
    const writes = new Map<string, string>();
    for (const shard of shards) {
      const encoded = encodeShard(shard);
      const ref = shardRefOf(encoded);
      refs.push(ref);
      this.shardsAtHand.set(`${projectKey}/${ref}`, shard);
      this.shardsKnown.set(`${projectKey}/${ref}`, shard);
      if (!stored.has(ref)) writes.set(storageKeys.historyShard(projectKey, ref), encoded);
    }
    // A shard is named by its content, so a write redone after a failure stores the same thing again.
    await boundedParallel([...writes], SHARDS_IN_FLIGHT, ([key, value]) => kvs.set(key, value));
    return refs;
  }

  async deleteShards(projectKey: string, refs: readonly string[]): Promise<void> {
    for (const ref of refs) this.shardsKnown.delete(`${projectKey}/${ref}`);
    const keys = [...new Set(refs)].map((ref) => ({ key: storageKeys.historyShard(projectKey, ref) }));
    for (let i = 0; i < keys.length; i += BATCH_KEYS) {
      const result = await kvs.batchDelete(keys.slice(i, i + BATCH_KEYS));
      // Already gone is fine: a job redoing a clean-up after a crash deletes some shards twice.
      const failed = result.failedKeys.filter((item) => item.error.code !== KEY_NOT_FOUND);
      if (failed.length > 0) throw new Error(`KVS refused to delete ${failed.length} shard(s)`);
    }
  }

  async readEncodedShards(projectKey: string, refs: readonly string[]): Promise<string[]> {
    const distinct = [...new Set(refs)];
    const read = await boundedParallel(distinct, SHARDS_IN_FLIGHT, (ref) => kvs.get<string>(storageKeys.historyShard(projectKey, ref)));
    const texts = new Map(distinct.map((ref, i) => [ref, read[i]]));
    return refs.map((ref) => {
      const text = texts.get(ref);
      if (typeof text !== 'string') throw new PackedShardError('a shard is missing');
      return text;
    });
  }

  async readEncodedShardsKeeping(
    projectKey: string,
    keyPrefix: string,
    refs: readonly string[],
    shown: (issue: StoredIssue) => StoredIssue | null,
  ): Promise<string[]> {
    const texts = await this.readEncodedShards(projectKey, refs);
    return texts.map((text) =>
      encodeShard(
        packShard(
          unpackShard(decodeShard(text), keyPrefix).flatMap((issue) => shown(issue) ?? []),
          keyPrefix,
        ),
      ),
    );
  }

  private async seenLive(projectKey: string): Promise<HistoryManifest | null> {
    if (!this.liveSeen.has(projectKey)) return this.readManifest(projectKey, 'live');
    return this.liveSeen.get(projectKey) ?? null;
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
