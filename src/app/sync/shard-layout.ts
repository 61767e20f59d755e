import { packShard, type PackedShard, type StoredIssue } from '../../shared/packed-history';

/**
 * Where a project's issues are cut into shards: a pure function of the set of issues, so an interrupted
 * and resumed sync stores exactly what an uninterrupted one does, and local enough that an edit rewrites
 * only the shard it falls in.
 *
 * Issues are in ascending id order. An issue opens a new shard when a hash of its id says so (on average
 * one in `SHARD_TARGET_ISSUES`), so the cut points depend on nothing but the ids themselves: adding or
 * removing an issue moves no cut elsewhere (content-defined chunking). A run between cut points that packs
 * to more than `SHARD_MAX_JSON_CHARS` is halved until every piece fits.
 */

/** About 512 issues a shard: roughly 20 KB once compressed, two of KVS's 10 KB write units. */
export const SHARD_TARGET_ISSUES = 512;

/**
 * Largest shard JSON. Stored deflated and base64-encoded, a shard could in the worst case (nothing
 * compresses) grow by a third: 170,000 characters stay under KVS's 240 KiB value limit even then.
 */
export const SHARD_MAX_JSON_CHARS = 170_000;

export interface LaidOutShard {
  shard: PackedShard;
  firstId: number;
  count: number;
  /** Security levels its issues carry, [level id, issues], ascending; empty when none has one. */
  levels: Array<[level: number, issues: number]>;
}

/** 32-bit finaliser of MurmurHash3: every input bit affects every output bit. */
function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Whether this issue id starts a new shard (the first issue of a project always does). */
export function opensShard(id: number): boolean {
  const low = id % 0x1_0000_0000;
  const high = Math.floor(id / 0x1_0000_0000);
  return mix(low ^ mix(high + 0x9e3779b9)) % SHARD_TARGET_ISSUES === 0;
}

/** Shards for issues in ascending id order, the first always starting a shard. */
export function layoutShards(issues: readonly StoredIssue[], keyPrefix: string): LaidOutShard[] {
  const shards: LaidOutShard[] = [];
  let start = 0;
  for (let i = 1; i <= issues.length; i++) {
    if (i === issues.length || opensShard(issues[i]!.id)) {
      if (i > start) shards.push(...fit(issues.slice(start, i), keyPrefix));
      start = i;
    }
  }
  return shards;
}

function fit(run: readonly StoredIssue[], keyPrefix: string): LaidOutShard[] {
  const shard = packShard(run, keyPrefix);
  if (JSON.stringify(shard).length <= SHARD_MAX_JSON_CHARS)
    return [{ shard, firstId: run[0]!.id, count: run.length, levels: securityLevelsOf(run) }];
  if (run.length === 1) throw new Error(`Issue ${run[0]!.key} has too long a history to store.`);
  const half = Math.ceil(run.length / 2);
  return [...fit(run.slice(0, half), keyPrefix), ...fit(run.slice(half), keyPrefix)];
}

/** The security levels among the issues with how many issues have each, ascending by level id. */
function securityLevelsOf(issues: readonly StoredIssue[]): Array<[level: number, issues: number]> {
  const counts = new Map<number, number>();
  for (const issue of issues)
    if (issue.securityLevel !== undefined) counts.set(issue.securityLevel, (counts.get(issue.securityLevel) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]);
}
