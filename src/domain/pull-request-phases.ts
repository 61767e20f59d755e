/**
 * A pull request's cycle time in four phases, as code-review analytics tools split it:
 * - coding: first commit → opened (time spent before asking anyone);
 * - pickup: ready for review → first review (time waiting for a reviewer);
 * - review: first review → approval (the back and forth);
 * - merge: approval → merged (time before the approved change ships).
 * A phase whose end has not happened has no duration (NaN), so open pull requests never shorten a percentile;
 * a merge without approval has a merge phase from the last known step (first review, else ready for review),
 * and no review phase. `phaseIntervals` lays the same phases out on the clock, for where an item's time went.
 * A phase whose clock steps run backwards (a commit authored after opening, a rebase) counts as zero.
 */
import { percentileOfSorted, sortedSample } from './percentiles';
import type { PercentileMethod } from './conventions';
import { readyForReviewAt, type PullRequestFacts } from './pull-request';

export const PULL_REQUEST_PHASES = ['coding', 'pickup', 'review', 'merge'] as const;
export type PullRequestPhase = (typeof PULL_REQUEST_PHASES)[number];

/** Milliseconds per phase; NaN where the phase has not ended (or has no start). */
export type PhaseDurations = Record<PullRequestPhase, number>;

const span = (from: number | null, to: number | null) => (from === null || to === null ? NaN : Math.max(0, to - from));

export function phaseDurations(pull: PullRequestFacts): PhaseDurations {
  const ready = readyForReviewAt(pull);
  const mergeFrom = pull.approvedAt ?? pull.firstReviewAt ?? ready;
  return {
    coding: span(pull.firstCommitAt, pull.createdAt),
    pickup: span(ready, pull.firstReviewAt),
    review: span(pull.firstReviewAt, pull.approvedAt),
    merge: span(mergeFrom, pull.mergedAt),
  };
}

export interface PhaseInterval {
  phase: PullRequestPhase;
  from: number;
  to: number;
}

/**
 * The phases a pull request went through, one after another, from its first commit (or opening) until it
 * merged or closed, or until `openUntil` while it is open. Time in draft counts as coding; a pull request that
 * closed without merging ends in the phase it was in.
 */
export function phaseIntervals(pull: PullRequestFacts, openUntil: number): PhaseInterval[] {
  const end = pull.mergedAt ?? pull.closedAt ?? openUntil;
  const start = Math.min(pull.firstCommitAt ?? pull.createdAt, pull.createdAt);
  const ready = Math.min(readyForReviewAt(pull) ?? end, end);
  const steps: Array<[PullRequestPhase, number]> = [['coding', start]];
  const review = pull.firstReviewAt === null ? null : Math.min(pull.firstReviewAt, end);
  if (review === null) {
    steps.push([pull.mergedAt === null ? 'pickup' : 'merge', ready]);
  } else {
    steps.push(['pickup', ready]);
    if (pull.approvedAt !== null) {
      steps.push(['review', review], ['merge', Math.min(Math.max(pull.approvedAt, review), end)]);
    } else {
      steps.push([pull.mergedAt === null ? 'review' : 'merge', review]);
    }
  }
  const intervals: PhaseInterval[] = [];
  steps.forEach(([phase, from], index) => {
    const to = index + 1 < steps.length ? steps[index + 1]![1] : end;
    if (to > from) intervals.push({ phase, from, to });
  });
  return intervals;
}

export interface PhasePercentiles {
  phase: PullRequestPhase;
  /** How many pull requests have a duration for this phase. */
  count: number;
  /** Milliseconds at each asked percentile, in the order asked; NaN when `count` is 0. */
  values: number[];
}

/** Percentiles of each phase over the given pull requests. */
export function phasePercentiles(
  pulls: readonly PullRequestFacts[],
  percentiles: readonly number[],
  method: PercentileMethod,
): PhasePercentiles[] {
  const durations = pulls.map(phaseDurations);
  return PULL_REQUEST_PHASES.map((phase) => {
    const sample = sortedSample(durations.map((d) => d[phase]));
    return { phase, count: sample.length, values: percentiles.map((p) => percentileOfSorted(sample, p, method)) };
  });
}
