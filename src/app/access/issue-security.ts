import type { HistoryManifest, HistoryStore, SecurityLevelVisibility, ShardRef } from '../../ports';
import { unpackShard } from '../../shared/packed-history';
import { hasSecuredIssues, securityLevelsOfHistory } from '../sync/history-manifest';

/**
 * Jira's issue security, applied to what the app read as the app. The app may read every issue; a person may
 * not: an issue with a security level is shown only to those the level admits. The history keeps each issue's
 * level id, and a viewer is answered only the issues whose level Jira says they may see (asked as them, per
 * project: `GET /rest/api/3/project/{key}/securitylevel`).
 *
 * A project without secured issues asks Jira nothing more: the levels come from the manifest, which the view
 * reads anyway.
 */
export interface HiddenLevels {
  /** Level ids in the history the viewer may not see, ascending; empty when they see everything. */
  hidden: number[];
  /** Whether an issue with this level (undefined: none) may be shown to the viewer. */
  mayShow(level: number | undefined): boolean;
}

const NOTHING_HIDDEN: HiddenLevels = { hidden: [], mayShow: () => true };

/** The history's levels the viewer may not see. Asks Jira (or its short-lived copy) only when there are levels. */
export async function hiddenLevelsFor(
  manifest: HistoryManifest,
  visibility: SecurityLevelVisibility,
  projectKey: string,
): Promise<HiddenLevels> {
  if (!hasSecuredIssues(manifest)) return NOTHING_HIDDEN;
  const levels = securityLevelsOfHistory(manifest);
  const visible = await visibility.visibleLevels(projectKey);
  const hidden = levels.filter((level) => !visible.has(level));
  if (hidden.length === 0) return NOTHING_HIDDEN;
  const hiddenSet = new Set(hidden);
  return { hidden, mayShow: (level) => level === undefined || !hiddenSet.has(level) };
}

/** How many of a shard's issues the viewer may not see, from the manifest alone (0 for most shards). */
export function hiddenIssuesIn(shard: ShardRef, hidden: HiddenLevels): number {
  if (hidden.hidden.length === 0) return 0;
  return (shard.levels ?? []).reduce((sum, [level, issues]) => sum + (hidden.mayShow(level) ? 0 : issues), 0);
}

/**
 * Issues no one outside the issue's own security level may be told of: those with any level. For what goes to
 * an audience Jira cannot vouch for (a Slack channel), or to a viewer of another project.
 */
export const isSecured = (level: number | undefined): boolean => level !== undefined;

/**
 * Keys of the history's issues whose level `hides` says to hide, read from the shards that hold any level
 * (most projects: none, and no shard is read).
 */
export async function keysHiddenBy(
  store: Pick<HistoryStore, 'readShards'>,
  projectKey: string,
  manifest: HistoryManifest,
  hides: (level: number) => boolean,
): Promise<Set<string>> {
  const holding = manifest.shards.filter((shard) => (shard.levels ?? []).some(([level]) => hides(level)));
  const keys = new Set<string>();
  if (holding.length === 0) return keys;
  const shards = await store.readShards(
    projectKey,
    holding.map((shard) => shard.ref),
  );
  for (const shard of shards) {
    for (const issue of unpackShard(shard, manifest.keyPrefix))
      if (issue.securityLevel !== undefined && hides(issue.securityLevel)) keys.add(issue.key);
  }
  return keys;
}

/**
 * Keys of the history's issues the viewer may see, read from every shard: for a viewer with hidden levels, a
 * key the history does not hold yet (an issue created since the last sync, perhaps under a default level) is
 * one the app cannot vouch for.
 */
export async function keysShownTo(
  store: Pick<HistoryStore, 'readShards'>,
  projectKey: string,
  manifest: HistoryManifest,
  hidden: HiddenLevels,
): Promise<Set<string>> {
  const keys = new Set<string>();
  const shards = await store.readShards(
    projectKey,
    manifest.shards.map((shard) => shard.ref),
  );
  for (const shard of shards) {
    for (const issue of unpackShard(shard, manifest.keyPrefix)) if (hidden.mayShow(issue.securityLevel)) keys.add(issue.key);
  }
  return keys;
}
