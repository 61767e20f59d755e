import type { HistoryManifest } from '../../ports';
import { unpackShard } from '../../shared/packed-history';
import { applyHistoryChanges } from './history-changes';
import type { SyncRun } from './sync-run';

/**
 * Finds stored issues that are no longer in the project: deleted, or moved to another project. Neither
 * shows up as an update of the project's issues, so the incremental sync cannot see them; a periodic
 * ids-only listing of the project (5000 ids a request) can. Issues the listing has but the history lacks
 * are left alone: new and moved-in issues reach the history by their update time, and old done ones were
 * left out on purpose (the retention window).
 */
export async function sweepRemovedIssues(run: SyncRun, live: HistoryManifest): Promise<{ manifest: HistoryManifest; removed: number }> {
  const { ports, projectKey } = run;
  const listed = new Set((await ports.source.listIssueIds(projectKey)).map(Number));
  const removed = new Set<number>();
  const shards = await ports.store.readShards(
    projectKey,
    live.shards.map((shard) => shard.ref),
  );
  for (const shard of shards) {
    for (const issue of unpackShard(shard, live.keyPrefix)) if (!listed.has(issue.id)) removed.add(issue.id);
  }
  if (removed.size === 0) return { manifest: live, removed: 0 };
  const target = { store: ports.store, projectKey, generation: 'live' as const, protectedRefs: await run.refsProtectedFrom('live') };
  const manifest = await applyHistoryChanges(target, live, { upserts: [], deletes: removed, dictionaries: live });
  return { manifest, removed: removed.size };
}
