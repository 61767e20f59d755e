import { itemTimeSplit, pullRequestsOf } from './item-time-split';
import { at, HOUR, mergedPullRequest, pullRequest } from './testing/pull-request-fixture';

const inHours = (split: Record<string, number> | null) =>
  split && Object.fromEntries(Object.entries(split).map(([part, ms]) => [part, ms / HOUR]));

describe('itemTimeSplit', () => {
  it('splits a cycle into before, the phases of overlapping pull requests (least advanced first) and after', () => {
    const first = mergedPullRequest(7, { firstCommitAt: at(2), createdAt: at(3), firstReviewAt: at(5), approvedAt: at(6) });
    const second = mergedPullRequest(11, { createdAt: at(6), firstReviewAt: at(9), approvedAt: at(10) });
    // 0–2 before; 2–3 coding; 3–5 pickup; 5–6 review; 6–7 the first merging while the second waits: pickup;
    // 7–9 pickup; 9–10 review; 10–11 merge; 11–20 after.
    expect(inHours(itemTimeSplit(at(0), at(20), [first, second]))).toEqual({
      before: 2,
      coding: 1,
      pickup: 5,
      review: 2,
      merge: 1,
      between: 0,
      after: 9,
    });
  });

  it('counts gaps between pull requests as between', () => {
    const x = mergedPullRequest(2, { createdAt: at(1) });
    const y = mergedPullRequest(5, { createdAt: at(4) });
    expect(inHours(itemTimeSplit(at(0), at(10), [y, x]))).toEqual({
      before: 1,
      coding: 0,
      pickup: 0,
      review: 0,
      merge: 2,
      between: 2,
      after: 5,
    });
  });

  it('clips pull requests to the cycle, and counts one still open at done as waiting', () => {
    const early = mergedPullRequest(3, { firstCommitAt: at(-5), createdAt: at(-1) });
    expect(inHours(itemTimeSplit(at(0), at(4), [early]))).toMatchObject({ before: 0, coding: 0, merge: 3, after: 1 });
    const open = pullRequest({ createdAt: at(8) });
    expect(inHours(itemTimeSplit(at(0), at(10), [open]))).toMatchObject({ before: 8, pickup: 2, after: 0 });
  });

  it('has no split without a pull request inside the cycle', () => {
    expect(itemTimeSplit(at(0), at(10), [])).toBeNull();
    expect(itemTimeSplit(at(0), at(10), [mergedPullRequest(30, { createdAt: at(20) })])).toBeNull();
    expect(itemTimeSplit(at(5), at(5), [pullRequest()])).toBeNull();
  });

  it('always adds up to the cycle time', () => {
    const pulls = [
      mergedPullRequest(30, {
        firstCommitAt: at(3),
        createdAt: at(7),
        draftPeriods: [[at(7), at(9)]],
        firstReviewAt: at(12),
        approvedAt: at(20),
      }),
      pullRequest({ createdAt: at(15), firstReviewAt: at(16), closedAt: at(18) }),
      mergedPullRequest(45, { createdAt: at(40), firstReviewAt: at(41) }),
    ];
    const split = itemTimeSplit(at(1), at(50), pulls)!;
    expect(Object.values(split).reduce((sum, ms) => sum + ms, 0)).toBe(49 * HOUR);
  });
});

describe('pullRequestsOf', () => {
  it('finds the pull requests naming the item', () => {
    const pulls = [
      pullRequest({ number: 1, jiraKeys: ['FLOW-1'] }),
      pullRequest({ number: 2, jiraKeys: ['FLOW-10', 'FLOW-1'] }),
      pullRequest({ number: 3, jiraKeys: ['FLOW-10'] }),
    ];
    expect(pullRequestsOf('FLOW-1', pulls).map((pull) => pull.number)).toEqual([1, 2]);
  });
});
