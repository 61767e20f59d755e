import { STATUSES, resolutionIndex } from '../jira/catalogue';
import { ChangeKind, type IssueStore } from '../jira/issue-store';

/**
 * When work on a Jira issue first ran, read from its status history: from the first move into an
 * In Progress-category status to the first move out of that category. Pull requests for the issue belong
 * in that stretch: opened once work started, merged before the issue reached Done.
 */
type StretchEnd =
  /** Moved to a Done-category status with resolution Done: the work shipped. */
  | 'done'
  /** Moved to a Done-category status with another resolution (Won't Do, Duplicate…): the work was dropped. */
  | 'dropped'
  /** Moved back to a To Do-category status: the work was put aside. */
  | 'put-aside'
  /** Still in progress. */
  | 'ongoing';

export interface WorkStretch {
  startedAt: number;
  /** When work stopped, or null while it is ongoing. */
  endedAt: number | null;
  end: StretchEnd;
}

const categoryOf = (status: number) => STATUSES[status]?.category ?? 'undefined';
const DONE_RESOLUTION = resolutionIndex('Done');

/** The issue's first stretch of work, or null when work never started. */
export function firstWorkStretch(store: IssueStore, row: number): WorkStretch | null {
  let startedAt: number | null = null;
  for (const history of store.histories(row)) {
    for (const change of history.changes) {
      if (change.kind !== ChangeKind.Status) continue;
      const to = categoryOf(change.to);
      if (startedAt === null) {
        if (to === 'indeterminate') startedAt = history.created;
        continue;
      }
      if (to === 'indeterminate') continue;
      if (to === 'new') return { startedAt, endedAt: history.created, end: 'put-aside' };
      const resolved = history.changes.find((c) => c.kind === ChangeKind.Resolution);
      const shipped = resolved !== undefined && 'to' in resolved && resolved.to === DONE_RESOLUTION;
      return { startedAt, endedAt: history.created, end: shipped ? 'done' : 'dropped' };
    }
  }
  return startedAt === null ? null : { startedAt, endedAt: null, end: 'ongoing' };
}
