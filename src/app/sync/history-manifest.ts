import type { HistoryManifest } from '../../ports';

/**
 * The storage format of a project's history (manifest and shards). A manifest written with another number
 * is not read as data: the next sync rebuilds the history from Jira, which is the migration path.
 *
 * 2: issues keep their security level id, and shards list the levels they hold. 3: and each issue's facets
 * (resolution, labels, components, parent). An older history does not say which issues are secured, nor
 * what they are filed under, so the project view serves none of it until the rebuild has replaced it (fail
 * closed; see src/app/project-page/project-view.ts).
 */
export const HISTORY_STORAGE_FORMAT = 3;

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

/**
 * The issue security level ids the history holds, ascending; empty when no issue is secured. Read from the
 * manifest alone (each shard lists its levels), so it costs no shard read.
 */
export function securityLevelsOfHistory(manifest: HistoryManifest): number[] {
  const levels = new Set<number>();
  for (const shard of manifest.shards) for (const [level] of shard.levels ?? []) levels.add(level);
  return [...levels].sort((a, b) => a - b);
}

/**
 * Whether some issue of the project has a security level: then what a viewer is shown depends on who they are,
 * and a summary shared by every viewer must not be served (the full, per-viewer project view must). An
 * outdated history answers true, since it does not say (fail closed).
 */
export function hasSecuredIssues(manifest: HistoryManifest): boolean {
  return manifest.format !== HISTORY_STORAGE_FORMAT || manifest.shards.some((shard) => (shard.levels?.length ?? 0) > 0);
}
