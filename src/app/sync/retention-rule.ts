import { MS_PER_DAY, type CompactStatus } from '../../domain';
import type { StoredIssue } from '../../shared/packed-history';

/**
 * The retention window: how long the app keeps an issue's history after the issue is done. Issues still
 * open are always kept (their age is what the page is for); done ones go once they have been done for
 * longer than the window, and are not stored again by a later sync. The window itself is the admin's
 * retention setting (see retention-window.ts).
 */

/** Issues done before this instant (epoch ms) are dropped. */
export function retentionCutoff(now: Date, retentionDays: number): number {
  return now.getTime() - retentionDays * MS_PER_DAY;
}

/** Done (its current status is in the done category) since before the cutoff. */
export function isExpired(issue: StoredIssue, statuses: readonly CompactStatus[], cutoff: number): boolean {
  const last = issue.transitions[issue.transitions.length - 1];
  const current = last ? last.status : issue.initialStatus;
  if (statuses[current]?.category !== 'done') return false;
  return (last ? last.at : issue.created) < cutoff;
}
