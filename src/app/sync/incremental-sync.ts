import { type JiraIssue } from '../../domain';
import type { HistoryManifest, SyncCursor } from '../../ports';
import { ingestIssues } from './issue-ingest';
import { updateTimeOf } from './issue-update-time';
import type { SyncRun } from './sync-run';

/**
 * Brings the live history up to date: the issues updated since the watermark, oldest update first, with
 * their complete change histories, and nothing else. Costs one request per 100 changed issues plus one per
 * 1000, and a single search when nothing changed.
 *
 * The search reaches back `overlapMs` before the watermark, because Jira's search is eventually consistent:
 * an issue updated just before the last sync may have been indexed just after it. Issues seen again in that
 * overlap with the update time they had when last read are skipped, so their changelogs are not fetched twice.
 *
 * The watermark is Jira's own `updated` time of the newest issue read, never our clock, but never later
 * than when the search started: an issue updated while we page through the results is read next time.
 * It is saved after every batch, so a slice that runs out of time continues from there.
 */
export async function catchUp(run: SyncRun, cursor: SyncCursor, live: HistoryManifest): Promise<{ cursor: SyncCursor; complete: boolean }> {
  const { ports, projectKey, tuning } = run;
  const startedAt = ports.clock.now().getTime();
  const since = cursor.watermark === null ? null : cursor.watermark - tuning.overlapMs;
  const alreadyRead = new Map(cursor.recent);
  const seen = new Map(cursor.recent);
  let manifest = live;
  let current = cursor;
  let pending: JiraIssue[] = [];
  let batches = 0;

  const save = async (watermark: number | null) => {
    const floor = watermark === null ? Number.NEGATIVE_INFINITY : watermark - tuning.overlapMs;
    const recent = [...seen].filter(([, updated]) => updated >= floor).sort((a, b) => Number(a[0]) - Number(b[0]));
    const next = { ...current, watermark, recent };
    if (JSON.stringify(next) !== JSON.stringify(current)) {
      current = next;
      await ports.cursors.write(projectKey, current);
    }
  };

  const ingest = async (issues: JiraIssue[]) => {
    const changelogs = await ports.source.changelogs(
      issues.map((issue) => issue.id),
      run.flaggedFieldIds,
    );
    const result = await ingestIssues(run, 'live', manifest, { issues, changelogs });
    manifest = result.manifest;
    for (const issue of issues) {
      const updated = updateTimeOf(issue);
      if (updated !== null) seen.set(issue.id, updated);
    }
    let watermark = current.watermark;
    if (result.newestUpdate !== null) {
      const reached = Math.min(result.newestUpdate, startedAt);
      if (watermark === null || reached > watermark) watermark = reached;
    }
    await save(watermark);
    batches += 1;
  };

  for await (const page of ports.source.updatedIssues(projectKey, since, startedAt, run.flaggedFieldIds)) {
    pending.push(...page.filter((issue) => alreadyRead.get(issue.id) !== updateTimeOf(issue)));
    while (pending.length >= tuning.batchSize) {
      await ingest(pending.slice(0, tuning.batchSize));
      pending = pending.slice(tuning.batchSize);
      if (run.shouldHandOver(batches)) return { cursor: current, complete: false };
    }
  }
  if (pending.length > 0) await ingest(pending);
  return { cursor: current, complete: true };
}
