import type { HistoryManifest, SyncCursor } from '../../ports';
import { continueBackfill, finishBackfill, startBackfill } from './backfill';
import { deleteRetired } from './history-changes';
import { HISTORY_STORAGE_FORMAT, manifestRefs } from './history-manifest';
import { catchUp } from './incremental-sync';
import { sweepRemovedIssues } from './issue-sweep';
import type { SyncRun } from './sync-run';

/**
 * What one slice of a project's sync does, decided from what is stored rather than from why the job was
 * queued: any job continues a backfill in progress; a project without a (current-format) history is
 * backfilled; otherwise the live history catches up with Jira. Only "rebuild" starts over, and only once:
 * its own retries continue the backfill it started.
 */
export type SyncReason = 'scheduled' | 'sync-now' | 'backfill' | 'rebuild';

const SYNC_CURSOR_FORMAT = 1;

function initialCursor(): SyncCursor {
  return { format: SYNC_CURSOR_FORMAT, watermark: null, recent: [], flaggedFieldIds: [], backfill: null };
}

/** True when the project is up to date; false when the slice ran out of time and the job must continue. */
export async function syncProjectSlice(run: SyncRun, reason: SyncReason, holder: string): Promise<boolean> {
  const { ports, projectKey } = run;
  let cursor = (await ports.cursors.read(projectKey)) ?? initialCursor();
  if (cursor.format !== SYNC_CURSOR_FORMAT) cursor = initialCursor();
  run.flaggedFieldIds = cursor.flaggedFieldIds;

  const [live, staging] = await Promise.all([
    ports.store.readManifest(projectKey, 'live'),
    ports.store.readManifest(projectKey, 'staging'),
  ]);
  await finishInterruptedCleanup(run, live, staging);

  const outdated = live !== null && live.format !== HISTORY_STORAGE_FORMAT;
  const backfill = cursor.backfill;
  // A staging history gone before its last batch was lost; gone after it, it was switched in already.
  const stagingLost = backfill !== null && staging === null && backfill.next < backfill.listed;
  const restart =
    (reason === 'rebuild' && backfill?.startedBy !== holder) || (backfill === null && (live === null || outdated)) || stagingLost;
  if (restart) cursor = await startBackfill(run, cursor, holder);

  if (cursor.backfill) {
    const slice = await continueBackfill(run, cursor);
    if (!slice.complete) return false;
    await finishBackfill(run, slice.cursor);
    return true;
  }

  const current = (await ports.store.readManifest(projectKey, 'live'))!;
  const caughtUp = await catchUp(run, cursor, current);
  if (!caughtUp.complete) return false;
  if (sweepDue(reason, projectKey, ports.clock.now())) {
    await sweepRemovedIssues(run, (await ports.store.readManifest(projectKey, 'live'))!);
  }
  return true;
}

/**
 * The ids-only sweep for deleted and moved issues runs once a day per project, in the hour of the day its
 * key hashes to (so projects spread over the day), and whenever someone asks to sync now. Decided from the
 * clock rather than from a stored counter, so a retried job never counts a run twice.
 */
export function sweepDue(reason: SyncReason, projectKey: string, now: Date): boolean {
  if (reason === 'sync-now') return true;
  return reason === 'scheduled' && now.getUTCHours() === sweepHourOf(projectKey);
}

function sweepHourOf(projectKey: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < projectKey.length; i++) hash = Math.imul(hash ^ projectKey.charCodeAt(i), 0x01000193) >>> 0;
  return hash % 24;
}

/** Deletes shards a manifest retired if the job that retired them died before it could. */
async function finishInterruptedCleanup(run: SyncRun, live: HistoryManifest | null, staging: HistoryManifest | null): Promise<void> {
  const { store } = run.ports;
  const projectKey = run.projectKey;
  if (live) await deleteRetired({ store, projectKey, generation: 'live', protectedRefs: manifestRefs(staging) }, live);
  if (staging) await deleteRetired({ store, projectKey, generation: 'staging', protectedRefs: manifestRefs(live) }, staging);
}
