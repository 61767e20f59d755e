import { phaseDurations, phaseIntervals, phasePercentiles } from './pull-request-phases';
import { at, HOUR, mergedPullRequest, pullRequest } from './testing/pull-request-fixture';

/** A: every step, in order. */
const a = mergedPullRequest(9, { firstCommitAt: at(0), createdAt: at(2), firstReviewAt: at(5), approvedAt: at(8) });
/** B: opened as a draft for 4 h, reviewed without approval, merged. */
const b = mergedPullRequest(12, { firstCommitAt: at(-1), createdAt: at(0), draftPeriods: [[at(0), at(4)]], firstReviewAt: at(10) });
/** C: open, never reviewed, no commits listed. */
const c = pullRequest({ createdAt: at(0) });
/** D: merged without review; its first commit was authored after it opened (a rebase). */
const d = mergedPullRequest(3, { createdAt: at(0), firstCommitAt: at(1) });

const inHours = (durations: Record<string, number>) => Object.fromEntries(Object.entries(durations).map(([k, v]) => [k, v / HOUR]));

describe('phaseDurations', () => {
  it('splits a reviewed and approved pull request into its four phases', () => {
    expect(inHours(phaseDurations(a))).toEqual({ coding: 2, pickup: 3, review: 3, merge: 1 });
  });

  it('starts pickup when a draft is marked ready, and merges from the first review when nobody approved', () => {
    expect(inHours(phaseDurations(b))).toEqual({ coding: 1, pickup: 6, review: NaN, merge: 2 });
  });

  it('gives an open, unreviewed pull request no finished phase', () => {
    expect(inHours(phaseDurations(c))).toEqual({ coding: NaN, pickup: NaN, review: NaN, merge: NaN });
  });

  it('counts a commit authored after opening as no coding time, and an unreviewed merge from opening', () => {
    expect(inHours(phaseDurations(d))).toEqual({ coding: 0, pickup: NaN, review: NaN, merge: 3 });
  });
});

describe('phasePercentiles', () => {
  it('takes each phase over the pull requests that finished it', () => {
    const result = phasePercentiles([a, b, c, d], [50, 85], 'nearest-rank');
    const hours = Object.fromEntries(result.map((row) => [row.phase, { count: row.count, values: row.values.map((v) => v / HOUR) }]));
    // coding: 0, 1, 2 h; pickup: 3, 6 h; review: 3 h; merge: 1, 2, 3 h.
    expect(hours).toEqual({
      coding: { count: 3, values: [1, 2] },
      pickup: { count: 2, values: [3, 6] },
      review: { count: 1, values: [3, 3] },
      merge: { count: 3, values: [2, 3] },
    });
  });

  it('answers NaN for a phase no pull request finished', () => {
    expect(phasePercentiles([c], [50], 'linear').map((row) => row.values[0])).toEqual([NaN, NaN, NaN, NaN]);
  });
});

describe('phaseIntervals', () => {
  const hours = (intervals: ReturnType<typeof phaseIntervals>) =>
    intervals.map((i) => [i.phase, (i.from - at(0)) / HOUR, (i.to - at(0)) / HOUR]);

  it('lays the phases end to end from the first commit to the merge', () => {
    expect(hours(phaseIntervals(a, at(100)))).toEqual([
      ['coding', 0, 2],
      ['pickup', 2, 5],
      ['review', 5, 8],
      ['merge', 8, 9],
    ]);
  });

  it('counts draft time as coding, and an open pull request as waiting until the given time', () => {
    const draft = pullRequest({ createdAt: at(0), draftPeriods: [[at(0), at(2)]] });
    expect(hours(phaseIntervals(draft, at(5)))).toEqual([
      ['coding', 0, 2],
      ['pickup', 2, 5],
    ]);
    const stillDraft = pullRequest({ createdAt: at(0), draftPeriods: [[at(0), null]] });
    expect(hours(phaseIntervals(stillDraft, at(5)))).toEqual([['coding', 0, 5]]);
  });

  it('agrees with phaseDurations on merges without approval or review', () => {
    expect(hours(phaseIntervals(b, at(100)))).toEqual([
      ['coding', -1, 4],
      ['pickup', 4, 10],
      ['merge', 10, 12],
    ]);
    expect(hours(phaseIntervals(d, at(100)))).toEqual([['merge', 0, 3]]);
  });

  it('ends a pull request closed unmerged in the phase it was in', () => {
    const dropped = pullRequest({ createdAt: at(0), firstReviewAt: at(1), closedAt: at(4) });
    expect(hours(phaseIntervals(dropped, at(100)))).toEqual([
      ['pickup', 0, 1],
      ['review', 1, 4],
    ]);
  });
});
