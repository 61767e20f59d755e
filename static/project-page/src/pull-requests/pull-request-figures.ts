/**
 * The Pull requests tab's figures, from the project's stored pull requests and its finished items, computed
 * in the browser with the domain's functions:
 * - phase percentiles and sizes of the pull requests merged in the report's period;
 * - open pull requests still waiting for a first review, longest wait first;
 * - how many items finished in the period had a linked pull request;
 * - where those items' cycle time went (before, inside and after their pull requests).
 */
import {
  isAwaitingFirstReview,
  itemTimeSplit,
  phasePercentiles,
  readyForReviewAt,
  sizeDistribution,
  TIME_SPLIT_PARTS,
  type ItemTimeSplit,
  type PhasePercentiles,
  type PullRequestFacts,
  type SizeCount,
  type TimeSplitPart,
} from '../../../../src/domain';

export const PHASE_PERCENTILES = [50, 85, 95] as const;

export interface FinishedItem {
  key: string;
  /** Epoch ms. */
  start: number;
  done: number;
}

export interface WaitingPullRequest {
  repository: string;
  number: number;
  jiraKeys: string[];
  waitingMs: number;
}

export interface PullRequestFigures {
  merged: number;
  phases: PhasePercentiles[];
  sizes: SizeCount[];
  waiting: WaitingPullRequest[];
  finished: number;
  finishedWithPullRequest: number;
  /** Per finished item with a pull request in its cycle, in order of finishing. */
  splits: Array<{ key: string; split: ItemTimeSplit }>;
  /** The parts summed over those items (ms). */
  splitTotals: ItemTimeSplit;
}

export function pullRequestFigures(
  pulls: readonly PullRequestFacts[],
  finishedItems: readonly FinishedItem[],
  window: { from: number; to: number },
  now: number,
): PullRequestFigures {
  const mergedInWindow = pulls.filter((pull) => pull.mergedAt !== null && pull.mergedAt >= window.from && pull.mergedAt < window.to);
  const waiting = pulls
    .filter(isAwaitingFirstReview)
    .map((pull) => ({ repository: pull.repository, number: pull.number, jiraKeys: pull.jiraKeys, waitingMs: now - (readyForReviewAt(pull) ?? pull.createdAt) }))
    .sort((a, b) => b.waitingMs - a.waitingMs);

  const byKey = new Map<string, PullRequestFacts[]>();
  for (const pull of pulls) for (const key of pull.jiraKeys) byKey.set(key, [...(byKey.get(key) ?? []), pull]);
  const finished = finishedItems.filter((item) => item.done >= window.from && item.done < window.to).sort((a, b) => a.done - b.done);
  const splits: PullRequestFigures['splits'] = [];
  const splitTotals = Object.fromEntries(TIME_SPLIT_PARTS.map((part) => [part, 0])) as ItemTimeSplit;
  let finishedWithPullRequest = 0;
  for (const item of finished) {
    const linked = byKey.get(item.key) ?? [];
    if (linked.length > 0) finishedWithPullRequest += 1;
    const split = itemTimeSplit(item.start, item.done, linked);
    if (!split) continue;
    splits.push({ key: item.key, split });
    for (const part of TIME_SPLIT_PARTS) splitTotals[part] += split[part];
  }
  return {
    merged: mergedInWindow.length,
    phases: phasePercentiles(mergedInWindow, PHASE_PERCENTILES, 'nearest-rank'),
    sizes: sizeDistribution(mergedInWindow),
    waiting,
    finished: finished.length,
    finishedWithPullRequest,
    splits,
    splitTotals,
  };
}

export const PART_LABELS: Record<TimeSplitPart, string> = {
  before: 'Before the first pull request',
  coding: 'Coding',
  pickup: 'Waiting for review',
  review: 'In review',
  merge: 'Approved, not merged',
  between: 'Between pull requests',
  after: 'After the last merge',
};

/** Hours below two days, days above: the scale review times are talked about in. */
export function formatWait(ms: number): string {
  const hours = ms / 3_600_000;
  if (!Number.isFinite(hours)) return '–';
  if (hours < 48) return `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} h`;
  return `${(hours / 24).toFixed(1)} d`;
}
