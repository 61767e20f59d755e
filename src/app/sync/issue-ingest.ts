import type { HistoryGeneration, HistoryManifest } from '../../ports';
import { applyHistoryChanges } from './history-changes';
import { isExpired } from './retention-rule';
import { storedIssuesFromJira, withCatalogue, type IssueBatch } from './stored-issues-from-jira';
import type { SyncRun } from './sync-run';

/**
 * One batch of issues read from Jira into a stored history: converted, filtered by the retention window
 * (an issue done too long ago is removed rather than stored), and applied to the shards it touches.
 * Issues that were asked for but are absent from the batch (deleted, or moved to another project) are removed.
 */
export async function ingestIssues(
  run: SyncRun,
  generation: HistoryGeneration,
  manifest: HistoryManifest,
  batch: IssueBatch,
  askedFor: readonly number[] = [],
): Promise<{ manifest: HistoryManifest; newestUpdate: number | null }> {
  const converted = storedIssuesFromJira(batch, manifest, {
    flaggedFieldIds: run.flaggedFieldIds,
    ...(run.catalogue ? { catalogue: run.catalogue } : {}),
  });
  let dictionaries = converted.dictionaries;
  if (converted.uncategorised && run.catalogue === null) {
    // A status seen only in changelogs so far: one look at the catalogue gives its category.
    run.catalogue = await run.ports.source.statuses();
    dictionaries = withCatalogue(dictionaries, run.catalogue);
  }
  const deletes = new Set<number>(askedFor);
  const upserts = [];
  for (const issue of converted.issues) {
    deletes.delete(issue.id);
    if (isExpired(issue, dictionaries.statuses, run.retentionCutoff)) deletes.add(issue.id);
    else upserts.push(issue);
  }
  const target = {
    store: run.ports.store,
    projectKey: run.projectKey,
    generation,
    protectedRefs: await run.refsProtectedFrom(generation),
  };
  const next = await applyHistoryChanges(target, manifest, { upserts, deletes, dictionaries });
  return { manifest: next, newestUpdate: converted.newestUpdate };
}
