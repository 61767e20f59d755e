import type { Clock, HistoryStore, ProjectLocks } from '../../ports';
import { unpackShard } from '../../shared/packed-history';
import { applyHistoryChanges } from './history-changes';
import { manifestRefs } from './history-manifest';
import { isExpired, retentionCutoff } from './retention-rule';

/**
 * The daily retention purge of one project's history: issues done for longer than the retention window are
 * removed (only the shards that held them are rewritten), and shards no manifest refers to any more (left by
 * a job that died, or by a stopped rebuild) are deleted.
 */
export interface PurgePorts {
  history: HistoryStore;
  locks: ProjectLocks;
  clock: Clock;
}

export type PurgeOutcome = { kind: 'purged'; removedIssues: number; removedShards: number } | { kind: 'busy' } | { kind: 'nothing-stored' };

/** How long a purge holds a project's lock at most: a sync waits for it, and it for a sync. */
export const PURGE_LOCK_SECONDS = 600;

export async function purgeExpiredHistory(
  ports: PurgePorts,
  projectKey: string,
  retentionDays: number,
  holder: string,
): Promise<PurgeOutcome> {
  if (!(await ports.locks.acquire(projectKey, holder, PURGE_LOCK_SECONDS))) return { kind: 'busy' };
  try {
    const dropped = await dropExpiredIssues(ports, projectKey, retentionCutoff(ports.clock.now(), retentionDays));
    return dropped.kind === 'purged'
      ? { kind: 'purged', removedIssues: dropped.removedIssues, removedShards: dropped.removedShards }
      : dropped;
  } finally {
    await ports.locks.release(projectKey, holder);
  }
}

/**
 * The purge itself, for a caller holding the project's lock: drops issues done before `cutoff` (epoch ms) and
 * unreferenced shards. `keptIssues` is how many issues the live history still holds (null: there is none).
 */
export async function dropExpiredIssues(
  ports: Pick<PurgePorts, 'history'>,
  projectKey: string,
  cutoff: number,
): Promise<{ kind: 'purged'; removedIssues: number; removedShards: number; keptIssues: number | null } | { kind: 'nothing-stored' }> {
  const store = ports.history;
  const [live, staging] = await Promise.all([store.readManifest(projectKey, 'live'), store.readManifest(projectKey, 'staging')]);
  if (!live && !staging) return { kind: 'nothing-stored' };
  let current = live;
  let removedIssues = 0;
  if (live) {
    const expired = new Set<number>();
    const shards = await store.readShards(
      projectKey,
      live.shards.map((shard) => shard.ref),
    );
    for (const shard of shards) {
      for (const issue of unpackShard(shard, live.keyPrefix)) if (isExpired(issue, live.statuses, cutoff)) expired.add(issue.id);
    }
    if (expired.size > 0) {
      const target = { store, projectKey, generation: 'live' as const, protectedRefs: manifestRefs(staging) };
      current = await applyHistoryChanges(target, live, { upserts: [], deletes: expired, dictionaries: live });
      removedIssues = expired.size;
    }
  }
  const referenced = new Set([...manifestRefs(current), ...manifestRefs(staging)]);
  const orphans = (await store.listShardRefs(projectKey)).filter((ref) => !referenced.has(ref));
  if (orphans.length > 0) await store.deleteShards(projectKey, orphans);
  const keptIssues = current ? current.shards.reduce((sum, shard) => sum + shard.count, 0) : null;
  return { kind: 'purged', removedIssues, removedShards: orphans.length, keptIssues };
}
