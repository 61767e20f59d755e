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
  store: HistoryStore;
  locks: ProjectLocks;
  clock: Clock;
}

export type PurgeOutcome = { kind: 'purged'; removedIssues: number; removedShards: number } | { kind: 'busy' } | { kind: 'nothing-stored' };

const PURGE_LOCK_SECONDS = 600;

export async function purgeExpiredHistory(ports: PurgePorts, projectKey: string, retentionDays: number, holder: string): Promise<PurgeOutcome> {
  if (!(await ports.locks.acquire(projectKey, holder, PURGE_LOCK_SECONDS))) return { kind: 'busy' };
  try {
    const { store } = ports;
    const [live, staging] = await Promise.all([store.readManifest(projectKey, 'live'), store.readManifest(projectKey, 'staging')]);
    if (!live && !staging) return { kind: 'nothing-stored' };
    let current = live;
    let removedIssues = 0;
    if (live) {
      const cutoff = retentionCutoff(ports.clock.now(), retentionDays);
      const expired = new Set<number>();
      const shards = await store.readShards(projectKey, live.shards.map((shard) => shard.ref));
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
    return { kind: 'purged', removedIssues, removedShards: orphans.length };
  } finally {
    await ports.locks.release(projectKey, holder);
  }
}

/** The purge for every measured project; a project a sync holds is skipped until tomorrow's run. */
export async function purgeMeasuredHistories(
  ports: PurgePorts,
  projectKeys: readonly string[],
  retentionDays: number,
  holder: string,
): Promise<{ removedIssues: number; skipped: string[] }> {
  let removedIssues = 0;
  const skipped: string[] = [];
  for (const projectKey of projectKeys) {
    const outcome = await purgeExpiredHistory(ports, projectKey, retentionDays, holder);
    if (outcome.kind === 'purged') removedIssues += outcome.removedIssues;
    if (outcome.kind === 'busy') skipped.push(projectKey);
  }
  return { removedIssues, skipped };
}
