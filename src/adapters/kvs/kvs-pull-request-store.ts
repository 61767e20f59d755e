import { kvs, WhereConditions } from '@forge/kvs';
import { type PullRequestFacts } from '../../domain';
import type { PullRequestStore, RepositorySyncState } from '../../ports';
import { eraseByPrefix } from './kvs-prefix-erasure';
import { storageKeys } from './storage-keys';

/**
 * Pull requests in KVS, per repository, in shards of 250 consecutive numbers: a page of recently updated
 * pull requests touches a shard or two, and only those are rewritten. A shard of 250 stays far below KVS's
 * 240 KiB per value (about 60 KB). The repository name is implied by the key and not repeated per row.
 */
export const PULLS_PER_SHARD = 250;

type StoredPull = Omit<PullRequestFacts, 'repository'>;

interface PullShard {
  format: 1;
  pulls: StoredPull[];
}

/** KVS answers key-prefix queries in small pages (FORGE-FACTS: at most 20, to be safe). */
const QUERY_PAGE = 20;

export class KvsPullRequestStore implements PullRequestStore {
  async readAll(repository: string): Promise<PullRequestFacts[]> {
    const prefix = storageKeys.githubPullRequestShardPrefix(repository);
    const result: PullRequestFacts[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(QUERY_PAGE);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<PullShard>();
      for (const entry of page.results) for (const pull of entry.value?.pulls ?? []) result.push({ repository, ...pull });
      cursor = page.nextCursor;
    } while (cursor);
    return result.sort((a, b) => a.number - b.number);
  }

  async upsert(repository: string, pulls: readonly PullRequestFacts[], keepClosedSince: number): Promise<void> {
    const byShard = new Map<number, PullRequestFacts[]>();
    for (const pull of pulls) {
      const shard = Math.floor(pull.number / PULLS_PER_SHARD);
      byShard.set(shard, [...(byShard.get(shard) ?? []), pull]);
    }
    for (const [shard, incoming] of byShard) {
      const key = storageKeys.githubPullRequestShard(repository, shard);
      const stored = new Map(((await kvs.get<PullShard>(key))?.pulls ?? []).map((pull) => [pull.number, pull]));
      for (const { repository: _repository, ...pull } of incoming) stored.set(pull.number, pull);
      const kept = [...stored.values()]
        .filter((pull) => pull.closedAt === null || pull.closedAt >= keepClosedSince)
        .sort((a, b) => a.number - b.number);
      if (kept.length === 0) await kvs.delete(key);
      else await kvs.set(key, { format: 1, pulls: kept } satisfies PullShard);
    }
  }

  async purgeClosedBefore(repository: string, closedBefore: number): Promise<number> {
    let removed = 0;
    for (const { key, value } of await this.shards(repository)) {
      const kept = value.pulls.filter((pull) => pull.closedAt === null || pull.closedAt >= closedBefore);
      if (kept.length === value.pulls.length) continue;
      removed += value.pulls.length - kept.length;
      if (kept.length === 0) await kvs.delete(key);
      else await kvs.set(key, { format: 1, pulls: kept } satisfies PullShard);
    }
    return removed;
  }

  async eraseRepository(repository: string): Promise<number> {
    return eraseByPrefix(storageKeys.githubRepositoryKeys(repository));
  }

  async eraseAll(): Promise<number> {
    return eraseByPrefix(storageKeys.githubRepositoryPrefix);
  }

  /** Every shard of the repository, read before any is rewritten (KVS cursors do not survive changes). */
  private async shards(repository: string): Promise<Array<{ key: string; value: PullShard }>> {
    const prefix = storageKeys.githubPullRequestShardPrefix(repository);
    const shards: Array<{ key: string; value: PullShard }> = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(QUERY_PAGE);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<PullShard>();
      for (const entry of page.results) if (entry.value) shards.push({ key: entry.key, value: entry.value });
      cursor = page.nextCursor;
    } while (cursor);
    return shards;
  }

  async readState(repository: string): Promise<RepositorySyncState | null> {
    return (await kvs.get<RepositorySyncState>(storageKeys.githubRepositorySync(repository))) ?? null;
  }

  async writeState(repository: string, state: RepositorySyncState): Promise<void> {
    await kvs.set(storageKeys.githubRepositorySync(repository), state);
  }
}
