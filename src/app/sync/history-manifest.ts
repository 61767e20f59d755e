import type { HistoryManifest } from '../../ports';

/**
 * The storage format of a project's history (manifest and shards). A manifest written with another number
 * is not read as data: the next sync rebuilds the history from Jira, which is the migration path.
 */
export const HISTORY_STORAGE_FORMAT = 1;

/** A history with no issues yet; the key prefix is the project key, so most keys are stored as numbers. */
export function emptyManifest(projectKey: string): HistoryManifest {
  return { format: HISTORY_STORAGE_FORMAT, keyPrefix: projectKey, statuses: [], issueTypes: [], shards: [], retired: [] };
}

export function manifestRefs(manifest: HistoryManifest | null): Set<string> {
  return new Set(manifest ? manifest.shards.map((shard) => shard.ref) : []);
}

export function issueCountOf(manifest: HistoryManifest): number {
  return manifest.shards.reduce((sum, shard) => sum + shard.count, 0);
}

/** Same shards in the same order and same dictionaries: writing one over the other would change nothing. */
export function sameHistory(a: HistoryManifest, b: HistoryManifest): boolean {
  if (a.format !== b.format || a.keyPrefix !== b.keyPrefix || a.shards.length !== b.shards.length) return false;
  for (let i = 0; i < a.shards.length; i++) {
    const x = a.shards[i]!;
    const y = b.shards[i]!;
    if (x.ref !== y.ref || x.firstId !== y.firstId || x.count !== y.count) return false;
  }
  return JSON.stringify([a.statuses, a.issueTypes]) === JSON.stringify([b.statuses, b.issueTypes]);
}
