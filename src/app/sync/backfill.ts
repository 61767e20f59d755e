import { type JiraIssue } from '../../domain';
import type { SyncCursor } from '../../ports';
import { deleteRetired } from './history-changes';
import { emptyManifest, manifestRefs, sameHistory } from './history-manifest';
import { ingestIssues } from './issue-ingest';
import { updateTimeOf } from './issue-update-time';
import type { SyncRun } from './sync-run';

/**
 * The first sync of a project, and a rebuild: every issue, read in batches into the staging history, which
 * replaces the live one only when complete (until then the page keeps showing the last good data).
 *
 * It starts by listing the project's issue ids and storing the list, sorted. Each batch then takes the
 * next 1000 ids of that list: their facts (one Jira expression, plus an ids-only search for the flagged
 * ones) and their change histories (one bulk changelog call), in parallel. After each batch the cursor (how
 * far down the list) is saved, so a later slice, or the retry of a crashed one, continues from there; a
 * batch redone after a crash rewrites exactly what it wrote before. Ids are a stable cursor where Jira's
 * page tokens and KVS's query cursors are not.
 *
 * The first batch's issues are read while the project is listed (see `listProject`), and for a project of
 * at most 1000 issues they are the list. They are kept in memory for the first batch of the same job, which
 * then needs only their changelogs. Nothing about them is stored before that batch is, so
 * a crash costs requests, never a difference in what is stored.
 */

/** Starts over: forgets a staging history left by an earlier attempt, lists the project, saves the cursor. */
export async function startBackfill(run: SyncRun, cursor: SyncCursor, startedBy: string): Promise<SyncCursor> {
  const { ports, projectKey } = run;
  const { store, cursors, source } = ports;
  const [live, staging] = await Promise.all([store.readManifest(projectKey, 'live'), store.readManifest(projectKey, 'staging')]);
  if (staging) {
    const keep = manifestRefs(live);
    const leftovers = [...manifestRefs(staging), ...staging.retired].filter((ref) => !keep.has(ref));
    if (leftovers.length > 0) await store.deleteShards(projectKey, [...new Set(leftovers)]);
  }
  if (cursor.backfill) await cursors.deleteIdList(projectKey, cursor.backfill.listParts);

  // The status catalogue and the Flagged field are asked for at every backfill, not kept from an earlier
  // one: an admin may add statuses or fields at any time, and a sync job serves one project only.
  const catalogue = await source.catalogue();
  run.catalogue = catalogue.statuses;
  run.flaggedFieldIds = catalogue.flaggedFieldIds;
  const { startWatermark, ids } = await listProject(run, catalogue.flaggedFieldIds);
  const listParts = await cursors.writeIdList(projectKey, ids, run.tuning.idListPartSize);
  await store.writeManifest(projectKey, 'staging', emptyManifest(projectKey));
  run.forgetProtectedRefs();
  const next: SyncCursor = {
    ...cursor,
    flaggedFieldIds: catalogue.flaggedFieldIds,
    backfill: { startedBy, startWatermark, listed: ids.length, listParts, next: 0, recent: [] },
  };
  await cursors.write(projectKey, next);
  await run.reportProgress({ done: 0, total: ids.length });
  return next;
}

/**
 * The project's issue ids, sorted, and the watermark its first incremental sync starts from. The watermark
 * must keep one promise: an issue updated after the backfill read it has its update at or after the
 * watermark minus the overlap (`SyncTuning.overlapMs`), so the incremental sync reads it again.
 *
 * The first 1000 issues by id are read first, by one expression. When they are all the project's issues
 * (Jira says there is no next page), they are the list, and the newest update among them is the watermark:
 * any later update is newer than that read, so newer than every update it saw. This answer depends only on
 * Jira's data, so a backfill started again after a crash stores the same cursor. (The time in the `Date`
 * header of a response sent before the read would also do, at no request, but would make the stored
 * watermark depend on when the backfill started, and it may come from a machine on the way rather than
 * the clock Jira stamps updates with.)
 *
 * Larger projects are listed ids-only, 5000 a request, and the watermark is the project's latest update,
 * asked for after the first batch was read. That batch is kept only if all this took well under the
 * overlap: an update of one of its issues after it was read then falls at most half the overlap before the
 * watermark, and is read again. (When listing took longer, the batch is read again like the others.)
 */
async function listProject(run: SyncRun, flaggedFieldIds: readonly string[]): Promise<{ startWatermark: number | null; ids: number[] }> {
  const { source, clock } = run.ports;
  const readAt = clock.now().getTime();
  const first = await source.firstIssues(run.projectKey, flaggedFieldIds);
  const firstBatch = first && { ids: new Set(first.issues.map((issue) => Number(issue.id))), issues: first.issues, readAt };
  if (first?.complete) {
    run.firstBatch = firstBatch;
    return { startWatermark: newestUpdateOf(first.issues), ids: sortedIds(first.issues.map((issue) => issue.id)) };
  }
  const startWatermark = await source.latestUpdate(run.projectKey);
  const ids = sortedIds(await source.listIssueIds(run.projectKey));
  if (clock.now().getTime() - readAt < run.tuning.overlapMs / 2) run.firstBatch = firstBatch;
  return { startWatermark, ids };
}

function sortedIds(ids: readonly string[]): number[] {
  return [...new Set(ids.map(Number))].sort((a, b) => a - b);
}

function newestUpdateOf(issues: readonly JiraIssue[]): number | null {
  let newest: number | null = null;
  for (const issue of issues) {
    const updated = updateTimeOf(issue);
    if (updated !== null && (newest === null || updated > newest)) newest = updated;
  }
  return newest;
}

/** Reads batches into the staging history until the list is done (true) or the slice's time is up (false). */
export async function continueBackfill(run: SyncRun, cursor: SyncCursor): Promise<{ cursor: SyncCursor; complete: boolean }> {
  const { ports, projectKey, tuning } = run;
  const backfill = cursor.backfill;
  if (!backfill) return { cursor, complete: true };
  let manifest = (await ports.store.readManifest(projectKey, 'staging')) ?? emptyManifest(projectKey);
  let current = cursor;
  let next = backfill.next;
  let recent = backfill.recent;
  let batches = 0;
  let part: { index: number; ids: number[] } | null = null;
  while (next < backfill.listed) {
    if (run.shouldHandOver(batches)) return { cursor: current, complete: false };
    const ids: number[] = [];
    while (ids.length < tuning.batchSize && next + ids.length < backfill.listed) {
      const position = next + ids.length;
      const index = Math.floor(position / tuning.idListPartSize);
      if (!part || part.index !== index) {
        const stored = await ports.cursors.readIdListPart(projectKey, index);
        if (!stored) throw new Error('The list of issues to read is missing; the sync starts over.');
        part = { index, ids: stored };
      }
      const take = Math.min(tuning.batchSize - ids.length, (index + 1) * tuning.idListPartSize - position, backfill.listed - position);
      const offset = position - index * tuning.idListPartSize;
      ids.push(...part.ids.slice(offset, offset + take));
    }
    const asText = ids.map(String);
    const readAhead = run.firstBatch !== null && ids.every((id) => run.firstBatch!.ids.has(id)) ? run.firstBatch : null;
    const wanted = new Set(asText);
    const batchStartedAt = readAhead?.readAt ?? ports.clock.now().getTime();
    const [issues, changelogs] = await Promise.all([
      readAhead
        ? readAhead.issues.filter((issue) => wanted.has(issue.id))
        : ports.source.issuesByIds(projectKey, asText, run.flaggedFieldIds),
      ports.source.changelogs(asText, run.flaggedFieldIds),
    ]);
    ({ manifest } = await ingestIssues(run, 'staging', manifest, { issues, changelogs }, ids));
    recent = [...recent, ...recentlyUpdated(issues, backfill.startWatermark, batchStartedAt, tuning.overlapMs)];
    next += ids.length;
    batches += 1;
    current = { ...current, backfill: { ...backfill, next, recent } };
    await ports.cursors.write(projectKey, current);
    await run.reportProgress({ done: next, total: backfill.listed });
  }
  return { cursor: current, complete: true };
}

/**
 * Makes the staging history the live one. Each step can be redone: a crash after the switch finds the
 * live manifest already equal to the staging one and keeps its list of retired shards.
 */
export async function finishBackfill(run: SyncRun, cursor: SyncCursor): Promise<SyncCursor> {
  const { ports, projectKey } = run;
  const { store } = ports;
  const backfill = cursor.backfill;
  if (!backfill) return cursor;
  const [live, staging] = await Promise.all([store.readManifest(projectKey, 'live'), store.readManifest(projectKey, 'staging')]);
  let current = live;
  if (staging) {
    if (!live || !sameHistory(live, staging)) {
      const kept = manifestRefs(staging);
      const retired = live ? [...new Set(live.shards.map((shard) => shard.ref).filter((ref) => !kept.has(ref)))] : [];
      current = { ...staging, retired };
      await store.writeManifest(projectKey, 'live', current);
    }
    await store.deleteManifest(projectKey, 'staging');
  }
  run.forgetProtectedRefs();
  if (current) await deleteRetired({ store, projectKey, generation: 'live', protectedRefs: new Set() }, current);
  await ports.cursors.deleteIdList(projectKey, backfill.listParts);
  const recent = [...backfill.recent].sort((a, b) => Number(a[0]) - Number(b[0]));
  const next: SyncCursor = { ...cursor, watermark: backfill.startWatermark, recent, backfill: null };
  await ports.cursors.write(projectKey, next);
  return next;
}

/** How far Jira's clock and ours may disagree. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Issues of a batch the first incremental sync need not read again: updated in the overlap before the
 * watermark, and well before the batch was read. (Fields and change histories are read in parallel, so an
 * issue changed while its batch was read may have been stored half old, half new: it must be read again.)
 */
function recentlyUpdated(
  issues: readonly JiraIssue[],
  watermark: number | null,
  batchStartedAt: number,
  overlapMs: number,
): Array<[string, number]> {
  if (watermark === null) return [];
  const pairs: Array<[string, number]> = [];
  for (const issue of issues) {
    const updated = updateTimeOf(issue);
    if (updated !== null && updated >= watermark - overlapMs && updated < batchStartedAt - CLOCK_SKEW_MS) pairs.push([issue.id, updated]);
  }
  return pairs;
}
