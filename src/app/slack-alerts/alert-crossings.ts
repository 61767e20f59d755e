import type { PullRequestFacts, ServiceLevelBreach } from '../../domain';
import type { AlertProblem } from './slack-alert-status';

/**
 * What a project's alerts remember between runs, and how a run decides what is new.
 *
 * An item is announced once per crossing: when it is first seen older than the SLE in a stretch in progress.
 * It stays announced while it stays in that stretch (same start), even if the SLE later grows past its age;
 * once it leaves progress (finished, or moved back before the start) it is forgotten, so passing the SLE in a
 * later stretch is a new crossing. A pull request is announced once while it waits for its first review.
 */
export interface SlackAlertState {
  /** Items announced in their current stretch in progress: key → when that stretch began (epoch ms). */
  items: Record<string, number>;
  /** Pull requests announced while awaiting their first review, as `owner/name#number`. */
  pulls: string[];
  /**
   * A message written down just before it was posted, cleared once Slack answered. Found still set by a later
   * run, the post may or may not have reached Slack: it is not posted again (see slack-alert-run.ts).
   */
  posting: { at: string; items: string[]; pulls: string[] } | null;
  /** When the last alert went out, and Slack's id of it. */
  lastPosted: { at: string; ts: string } | null;
  /** The last time Slack refused this project's alerts, and why (see slack-alert-status.ts); absent in older states. */
  lastProblem?: AlertProblem | null;
}

export const NOTHING_ANNOUNCED: SlackAlertState = Object.freeze({
  items: {},
  pulls: [],
  posting: null,
  lastPosted: null,
  lastProblem: null,
});

export const pullId = (pull: Pick<PullRequestFacts, 'repository' | 'number'>) => `${pull.repository}#${pull.number}`;

export interface AlertCrossings<P> {
  items: ServiceLevelBreach[];
  pulls: P[];
  /** The state once these are announced. */
  next: Pick<SlackAlertState, 'items' | 'pulls'>;
}

/**
 * @param inProgress every item in progress now, with the start of its stretch (the breaches are among them).
 * @param awaitingReview every linked pull request still waiting for its first review.
 * @param overdue those of them waiting longer than the threshold.
 */
export function alertCrossings<P extends Pick<PullRequestFacts, 'repository' | 'number'>>(
  state: Pick<SlackAlertState, 'items' | 'pulls'>,
  breaches: readonly ServiceLevelBreach[],
  inProgress: ReadonlyMap<string, number>,
  awaitingReview: readonly P[],
  overdue: readonly P[],
): AlertCrossings<P> {
  const items: Record<string, number> = {};
  for (const [key, startedAt] of Object.entries(state.items)) if (inProgress.get(key) === startedAt) items[key] = startedAt;
  const newItems = breaches.filter((breach) => items[breach.key] !== breach.startedAt);
  for (const breach of newItems) items[breach.key] = breach.startedAt;

  const waiting = new Set(awaitingReview.map(pullId));
  const pulls = state.pulls.filter((id) => waiting.has(id));
  const known = new Set(pulls);
  const newPulls = overdue.filter((pull) => !known.has(pullId(pull)));
  for (const pull of newPulls) pulls.push(pullId(pull));
  return { items: newItems, pulls: newPulls, next: { items, pulls } };
}

export function sameAnnouncements(a: Pick<SlackAlertState, 'items' | 'pulls'>, b: Pick<SlackAlertState, 'items' | 'pulls'>): boolean {
  const aKeys = Object.keys(a.items);
  return (
    aKeys.length === Object.keys(b.items).length &&
    aKeys.every((key) => a.items[key] === b.items[key]) &&
    a.pulls.length === b.pulls.length &&
    a.pulls.every((id, k) => b.pulls[k] === id)
  );
}
