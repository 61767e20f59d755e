import { ingestIssues } from './issue-ingest';
import { retentionCutoff } from './retention-rule';
import { NEVER_SYNCED } from './sync-state';
import { eraseIfOvertaken, mandateOf, SyncWithdrawn, underMandate } from './sync-mandate';
import { SYNC_TUNING, SyncRun, type SyncPorts } from './sync-run';

/**
 * One issue changed in Jira (the `issue-changed` trigger): apply it to the live history now rather than at
 * the next hourly sync. Most edits (summaries, comments, assignees) change nothing the history keeps and
 * cost nothing; a relevant one costs two requests (the issue's fields and its change history) and rewrites
 * the one shard it is in. A deleted issue costs no request: it simply leaves the history. Nothing is lost by
 * skipping: the next incremental sync reads every issue updated since its watermark anyway (and the daily
 * sweep finds deletions), so this is only ever an earlier copy of what those would store.
 */
export interface IssueChange {
  projectKey: string;
  issueId: string;
  /** Fields named in the event's changelog; null for a created issue. */
  changedFields: readonly string[] | null;
  /** The issue was deleted. */
  deleted?: boolean;
  /** The erasure generation when the event arrived (see sync-mandate.ts). */
  erasure: number;
}

export type IssueChangeOutcome = 'applied' | 'irrelevant' | 'not-synced' | 'busy' | 'withdrawn';

/**
 * Fields whose changes the stored history reflects (besides the Flagged field, by id), in lower case: the
 * status history, the facets (labels, components, parent: "IssueParentAssociation" as the changelog
 * names it, "Epic Link" on older sites), and `security`: the issue's security level, which decides who may be
 * shown it (Jira names the change "security" in the changelog).
 */
const RELEVANT_FIELDS = new Set([
  'status',
  'resolution',
  'issuetype',
  'flagged',
  'key',
  'project',
  'labels',
  'component',
  'components',
  'parent',
  'issueparentassociation',
  'epic link',
  'security',
]);

/** A lock held only for a single-issue update. */
const EVENT_LOCK_SECONDS = 120;

function isRelevantChange(change: IssueChange, flaggedFieldIds: readonly string[]): boolean {
  if (change.deleted === true || change.changedFields === null) return true;
  return change.changedFields.some((field) => RELEVANT_FIELDS.has(field.toLowerCase()) || flaggedFieldIds.includes(field));
}

export async function applyIssueChange(unguarded: SyncPorts, change: IssueChange, holder: string): Promise<IssueChangeOutcome> {
  const { projectKey, erasure } = change;
  if ((await mandateOf(unguarded, projectKey, erasure)) !== 'wanted') return 'withdrawn';
  const ports = underMandate(unguarded, projectKey, erasure);
  const cursor = await ports.cursors.read(projectKey);
  // Before the first backfill completes there is no live history to keep fresh: the backfill reads the issue.
  if (!cursor || cursor.backfill) return 'not-synced';
  if (!isRelevantChange(change, cursor.flaggedFieldIds)) return 'irrelevant';
  const live = await ports.store.readManifest(projectKey, 'live');
  if (!live) return 'not-synced';
  if (!(await ports.locks.acquire(projectKey, holder, EVENT_LOCK_SECONDS))) return 'busy';
  try {
    const state = (await ports.states.read(projectKey)) ?? NEVER_SYNCED;
    const run = new SyncRun(projectKey, ports, SYNC_TUNING, retentionCutoff(ports.clock.now(), await ports.retentionDays()), state);
    run.flaggedFieldIds = cursor.flaggedFieldIds;
    const ids = [change.issueId];
    const [issues, changelogs] = change.deleted
      ? [[], new Map()]
      : await Promise.all([
          ports.source.issuesByIds(projectKey, ids, run.flaggedFieldIds),
          ports.source.changelogs(ids, run.flaggedFieldIds),
        ]);
    // Absent from the answer: deleted, or moved to another project. Either way, gone from this one.
    await ingestIssues(run, 'live', live, { issues, changelogs }, [Number(change.issueId)]);
    return 'applied';
  } catch (error) {
    if (error instanceof SyncWithdrawn) return 'withdrawn';
    throw error;
  } finally {
    await eraseIfOvertaken(unguarded, projectKey, erasure);
    await ports.locks.release(projectKey, holder);
  }
}
