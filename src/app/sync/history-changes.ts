import type { HistoryGeneration, HistoryManifest, HistoryStore, ShardRef } from '../../ports';
import { unpackShard, type HistoryDictionaries, type StoredIssue } from '../../shared/packed-history';
import { manifestRefs, sameHistory } from './history-manifest';
import { layoutShards, opensShard } from './shard-layout';

/**
 * Applying changed and removed issues to a stored history, touching only the shards they fall in.
 *
 * The result is the layout `layoutShards` would give the whole new set of issues (see shard-layout.ts), so
 * the order and batching of edits never shows in storage. Shards are named by their content: a shard whose
 * issues did not change keeps its name and is not written again. The new manifest is written in one set,
 * which is the switch from old to new; shards only the old manifest used are listed in it as `retired`,
 * deleted afterwards (again at the start of the next job, if this one died in between), and the live
 * manifest is then written once more without the list, so later jobs have nothing left to clean up.
 */
export interface HistoryChanges {
  /** New or changed issues; their numbers index `dictionaries`. */
  upserts: readonly StoredIssue[];
  /** Ids of issues to remove. */
  deletes: ReadonlySet<number>;
  /** The dictionaries after this change: the manifest's, possibly with entries appended. */
  dictionaries: HistoryDictionaries;
}

export interface HistoryTarget {
  store: HistoryStore;
  projectKey: string;
  generation: HistoryGeneration;
  /** Shards the other generation uses: never deleted from here. */
  protectedRefs: ReadonlySet<string>;
}

export async function applyHistoryChanges(
  target: HistoryTarget,
  manifest: HistoryManifest,
  changes: HistoryChanges,
): Promise<HistoryManifest> {
  const { store, projectKey } = target;
  const shards = manifest.shards;
  const touched = touchedShards(shards, changes);

  const replaced = new Map<number, ShardRef[]>();
  const groups = contiguousRuns([...touched].sort((a, b) => a - b));
  const existing = await store.readShards(
    projectKey,
    groups.flat().map((index) => shards[index]!.ref),
  );
  let read = 0;
  const laidOut: Array<{ group: number[]; shards: ReturnType<typeof layoutShards> }> = [];
  for (const group of groups) {
    const issues: StoredIssue[] = [];
    for (let k = 0; k < group.length; k++) issues.push(...unpackShard(existing[read++]!, manifest.keyPrefix));
    laidOut.push({ group, shards: layoutShards(merge(issues, changes, shards, group), manifest.keyPrefix) });
  }
  if (shards.length === 0) {
    laidOut.push({ group: [], shards: layoutShards(merge([], changes, shards, null), manifest.keyPrefix) });
  }

  const stored = new Set([...manifestRefs(manifest), ...target.protectedRefs]);
  const refs = await store.saveShards(
    projectKey,
    laidOut.flatMap((run) => run.shards.map((s) => s.shard)),
    stored,
  );
  let r = 0;
  for (const run of laidOut) {
    replaced.set(
      run.group[0] ?? 0,
      run.shards.map((s) => ({
        ref: refs[r++]!,
        firstId: s.firstId,
        count: s.count,
        ...(s.levels.length > 0 ? { levels: s.levels } : {}),
      })),
    );
  }

  const nextShards: ShardRef[] = [];
  const inGroup = new Set(groups.flat());
  for (let index = 0; index <= shards.length; index++) {
    const replacement = replaced.get(index);
    if (replacement) nextShards.push(...replacement);
    if (index < shards.length && !inGroup.has(index)) nextShards.push(shards[index]!);
  }

  const next: HistoryManifest = {
    ...manifest,
    keyPrefix: changes.dictionaries.keyPrefix,
    statuses: changes.dictionaries.statuses.map((status) => ({ ...status })),
    issueTypes: [...changes.dictionaries.issueTypes],
    shards: nextShards,
    retired: [],
  };
  // Nothing changed (the issues were already stored as they are): no write at all.
  if (sameHistory(next, manifest)) return manifest;
  const live = manifestRefs(next);
  next.retired = unique(shards.map((shard) => shard.ref).filter((ref) => !live.has(ref)));
  await store.writeManifest(projectKey, target.generation, next);
  return deleteRetired(target, next);
}

/**
 * Deletes what a manifest retired, except shards still in use by it or by the other generation, then
 * clears the list of a live manifest. (A staging manifest's list is replaced by its next edit, and the
 * manifest itself goes when the backfill completes: one write fewer per batch.)
 */
export async function deleteRetired(target: HistoryTarget, manifest: HistoryManifest): Promise<HistoryManifest> {
  if (manifest.retired.length === 0) return manifest;
  const inUse = manifestRefs(manifest);
  const doomed = manifest.retired.filter((ref) => !inUse.has(ref) && !target.protectedRefs.has(ref));
  if (doomed.length > 0) await target.store.deleteShards(target.projectKey, doomed);
  if (target.generation === 'staging') return manifest;
  const cleared = { ...manifest, retired: [] };
  await target.store.writeManifest(target.projectKey, 'live', cleared);
  return cleared;
}

/** Index of the shard whose id range holds `id`: the last shard starting at or before it (the first for smaller ids). */
function shardIndexOf(shards: readonly ShardRef[], id: number): number {
  let low = 0;
  let high = shards.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (shards[middle]!.firstId <= id) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * The shards an edit must rewrite: those the changed ids fall in, widened to whole runs between cut points
 * (a halved run is re-cut as a whole), and to the shard before one whose first issue is removed (its other
 * issues belong to the previous run then).
 */
function touchedShards(shards: readonly ShardRef[], changes: HistoryChanges): Set<number> {
  const touched = new Set<number>();
  if (shards.length === 0) return touched;
  for (const issue of changes.upserts) touched.add(shardIndexOf(shards, issue.id));
  for (const id of changes.deletes) touched.add(shardIndexOf(shards, id));
  const pending = [...touched];
  const add = (index: number) => {
    if (index >= 0 && index < shards.length && !touched.has(index)) {
      touched.add(index);
      pending.push(index);
    }
  };
  while (pending.length > 0) {
    const index = pending.pop()!;
    const first = shards[index]!.firstId;
    if (index > 0 && (changes.deletes.has(first) || !opensShard(first))) add(index - 1);
    const following = shards[index + 1];
    if (following && !opensShard(following.firstId)) add(index + 1);
  }
  return touched;
}

function contiguousRuns(sorted: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const index of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === index - 1) last.push(index);
    else runs.push([index]);
  }
  return runs;
}

/** The issues of a run of shards after the change: removals dropped, upserts in place, ascending ids. */
function merge(
  issues: readonly StoredIssue[],
  changes: HistoryChanges,
  shards: readonly ShardRef[],
  group: readonly number[] | null,
): StoredIssue[] {
  const byId = new Map<number, StoredIssue>();
  for (const issue of issues) if (!changes.deletes.has(issue.id)) byId.set(issue.id, issue);
  const first = group?.[0];
  const last = group?.[group.length - 1];
  for (const issue of changes.upserts) {
    if (changes.deletes.has(issue.id)) continue;
    if (group !== null && shards.length > 0) {
      const index = shardIndexOf(shards, issue.id);
      if (index < first! || index > last!) continue;
    }
    byId.set(issue.id, issue);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
