import { kvs } from '@forge/kvs';
import { historyVersionOf, isHistoryVersion } from '../../app/project-page/history-version';
import type { HistoryEditLog, HistoryManifest } from '../../ports';
import { packShard, unpackShard, type PackedShard, type StoredIssue } from '../../shared/packed-history';
import type { HistoryEdit } from '../../shared/resolver-contract';
import { AppError } from '../../app/app-error';
import { boundedParallel } from './bounded-parallel';
import { decodeShard, encodeShard } from './shard-encoding';
import { storageKeys } from './storage-keys';
import { HISTORY_EDIT_RECORD, type RecordedHistoryEdit } from './stored-history-edit';

/**
 * The recent edits of each project's live history, so that a browser holding the history of an hour ago
 * is sent what changed since (a few KB) rather than the whole history again (megabytes at 100,000 issues):
 * KVS meters reads in 10 KB units against 4,000 a minute per installation, and the project page's open is
 * what people do most.
 *
 *   project:<KEY>:history-edits            the index: [{from, to, bytes}], oldest first, a chain of versions
 *   project:<KEY>:history-edit:<to>        one edit: {version, from, to, upserts, deletes} (stored-history-edit.ts)
 *
 * Versions are `historyVersionOf` the manifests, so an edit from A to B applied to exactly the history A
 * gives exactly B. The index is written after the live manifest, so it only ever names versions that were
 * live. An edit that could not be worked out or recorded leaves a gap in the chain, and a browser holding a
 * version before the gap is sent the whole history: a slower open, never a wrong one.
 */
interface IndexEntry {
  from: string;
  to: string;
  bytes: number;
}

/** Edits kept per project: two days of hourly syncs. */
const MAX_EDITS = 48;
/** Their total size: beyond this, sending the whole history is about as cheap. */
const MAX_TOTAL_BYTES = 600_000;
/** One edit must fit a KVS value (240 KiB) with room to spare; a larger change is a gap. */
const MAX_EDIT_BYTES = 200_000;

export class KvsHistoryEditLog implements HistoryEditLog {
  async editsSince(
    projectKey: string,
    since: string,
    current: string,
    mayShowLevel: (level: number) => boolean,
  ): Promise<HistoryEdit[] | null> {
    if (!isHistoryVersion(since)) return null;
    const index = await this.readIndex(projectKey);
    // Walk back from the current version: the latest chain wins if a version ever came back.
    const chain: IndexEntry[] = [];
    let at = current;
    for (let i = index.length - 1; i >= 0 && at !== since; i--) {
      const entry = index[i]!;
      if (entry.to !== at) continue;
      chain.unshift(entry);
      at = entry.from;
    }
    if (at !== since) return null;
    const edits = await boundedParallel(chain, 4, async (entry) =>
      recordedEdit(await kvs.get<unknown>(storageKeys.historyEdit(projectKey, entry.to))),
    );
    if (edits.some((edit, i) => !edit || edit.from !== chain[i]!.from)) return null;
    // An issue whose level the viewer may not see, even one gone from the history since: send the whole
    // (filtered) history instead. Levels are 0 for none in the packed column.
    if (
      edits.some(
        (edit) => edit!.upserts !== '' && (decodeShard(edit!.upserts).sl ?? []).some((level) => level !== 0 && !mayShowLevel(level)),
      )
    )
      return null;
    return edits.map((edit) => ({ upserts: edit!.upserts, deletes: edit!.deletes }));
  }

  /**
   * Records the change from `previous` to `next` (both live manifests), given every shard the one has and
   * the other has not. Without them (`undefined`), or for a change too large to keep, the chain is cut.
   */
  async record(
    projectKey: string,
    previous: HistoryManifest,
    next: HistoryManifest,
    shardOf: (ref: string) => PackedShard | undefined,
  ): Promise<void> {
    const from = historyVersionOf(previous);
    const to = historyVersionOf(next);
    if (from === to) return;
    const edit = previous.keyPrefix === next.keyPrefix ? editBetween(previous, next, shardOf) : null;
    const upserts = edit ? encodeShard(packShard(edit.upserts, next.keyPrefix)) : '';
    const stored = edit ? HISTORY_EDIT_RECORD.write({ from, to, upserts, deletes: edit.deletes }) : null;
    const bytes = stored ? JSON.stringify(stored).length : Number.POSITIVE_INFINITY;

    const index = await this.readIndex(projectKey);
    let kept = bytes <= MAX_EDIT_BYTES ? [...index, { from, to, bytes }] : [];
    let total = kept.reduce((sum, entry) => sum + entry.bytes, 0);
    while (kept.length > MAX_EDITS || total > MAX_TOTAL_BYTES) {
      total -= kept[0]!.bytes;
      kept = kept.slice(1);
    }
    // The index first: a crash before the edit itself is written leaves the index naming a missing edit,
    // which reads as a gap and is deleted when the index drops it; the other order could leave an edit no
    // index names, never to be deleted.
    await kvs.set(storageKeys.historyEdits(projectKey), kept);
    if (stored && kept.length > 0) await kvs.set(storageKeys.historyEdit(projectKey, to), stored);
    const still = new Set(kept.map((entry) => entry.to));
    const dropped = [...new Set(index.map((entry) => entry.to))].filter((version) => !still.has(version));
    await boundedParallel(dropped, 4, (version) => kvs.delete(storageKeys.historyEdit(projectKey, version)));
  }

  private async readIndex(projectKey: string): Promise<IndexEntry[]> {
    const index = await kvs.get<IndexEntry[]>(storageKeys.historyEdits(projectKey));
    return Array.isArray(index) ? index : [];
  }
}

/**
 * A stored edit read through its versions; null when it is missing or of a version this release cannot read,
 * which is a gap in the chain like any other: the browser is sent the whole history.
 */
function recordedEdit(stored: unknown): RecordedHistoryEdit | null {
  if (stored === undefined || stored === null) return null;
  try {
    return HISTORY_EDIT_RECORD.read(stored);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

/**
 * Issues of `next` that `previous` does not have as they are now, and ids `previous` has that `next` has
 * not, from the shards that differ. Null when one of those shards is not at hand.
 */
function editBetween(
  previous: HistoryManifest,
  next: HistoryManifest,
  shardOf: (ref: string) => PackedShard | undefined,
): { upserts: StoredIssue[]; deletes: number[] } | null {
  const before = new Set(previous.shards.map((shard) => shard.ref));
  const after = new Set(next.shards.map((shard) => shard.ref));
  const issuesOf = (refs: string[], keyPrefix: string): Map<number, StoredIssue> | null => {
    const issues = new Map<number, StoredIssue>();
    for (const ref of refs) {
      const shard = shardOf(ref);
      if (!shard) return null;
      for (const issue of unpackShard(shard, keyPrefix)) issues.set(issue.id, issue);
    }
    return issues;
  };
  const removed = issuesOf(
    [...before].filter((ref) => !after.has(ref)),
    previous.keyPrefix,
  );
  const added = issuesOf(
    [...after].filter((ref) => !before.has(ref)),
    next.keyPrefix,
  );
  if (!removed || !added) return null;
  const upserts: StoredIssue[] = [];
  for (const [id, issue] of added) {
    const old = removed.get(id);
    if (!old || JSON.stringify(old) !== JSON.stringify(issue)) upserts.push(issue);
  }
  const deletes = [...removed.keys()].filter((id) => !added.has(id)).sort((a, b) => a - b);
  return { upserts: upserts.sort((a, b) => a.id - b.id), deletes };
}
