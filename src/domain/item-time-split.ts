/**
 * Where a finished item's time went: its cycle time (start → done, from Jira) split into the time before its
 * first pull request, the time inside pull requests by phase (coding, pickup, review, merge), gaps between
 * pull requests, and the time after the last one ended until the item was done. The parts add up to the cycle
 * time exactly, so the split can be stacked.
 *
 * Pull requests overlap: at each instant the item is counted in the least advanced phase of any pull request
 * then under way, since that is the work still holding it back. Everything is clipped to the item's cycle.
 */
import { phaseIntervals, PULL_REQUEST_PHASES, type PullRequestPhase } from './pull-request-phases';
import type { PullRequestFacts } from './pull-request';

export const TIME_SPLIT_PARTS = ['before', ...PULL_REQUEST_PHASES, 'between', 'after'] as const;
export type TimeSplitPart = (typeof TIME_SPLIT_PARTS)[number];

/** Milliseconds of the item's cycle time spent in each part. */
export type ItemTimeSplit = Record<TimeSplitPart, number>;

const PHASE_RANK = new Map<PullRequestPhase, number>(PULL_REQUEST_PHASES.map((phase, rank) => [phase, rank]));

/** The split of one item's cycle [`start`, `done`]; null when no pull request overlaps it. */
export function itemTimeSplit(start: number, done: number, pulls: readonly PullRequestFacts[]): ItemTimeSplit | null {
  if (!(done > start)) return null;
  const intervals = pulls
    .flatMap((pull) => phaseIntervals(pull, done))
    .map((interval) => ({ ...interval, from: Math.max(interval.from, start), to: Math.min(interval.to, done) }))
    .filter((interval) => interval.to > interval.from);
  if (intervals.length === 0) return null;

  const split: ItemTimeSplit = { before: 0, coding: 0, pickup: 0, review: 0, merge: 0, between: 0, after: 0 };
  const first = Math.min(...intervals.map((interval) => interval.from));
  const last = Math.max(...intervals.map((interval) => interval.to));
  split.before = first - start;
  split.after = done - last;
  const cuts = [...new Set(intervals.flatMap((interval) => [interval.from, interval.to]))].sort((a, b) => a - b);
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k]!;
    const to = cuts[k + 1]!;
    let phase: PullRequestPhase | null = null;
    for (const interval of intervals) {
      if (interval.from <= from && interval.to >= to && (phase === null || PHASE_RANK.get(interval.phase)! < PHASE_RANK.get(phase)!)) {
        phase = interval.phase;
      }
    }
    split[phase ?? 'between'] += to - from;
  }
  return split;
}

/** The pull requests naming an item. */
export function pullRequestsOf(issueKey: string, pulls: readonly PullRequestFacts[]): PullRequestFacts[] {
  return pulls.filter((pull) => pull.jiraKeys.includes(issueKey));
}
