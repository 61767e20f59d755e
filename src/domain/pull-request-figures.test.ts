import { itemTimeSplits, phaseTrend, timeSplitTrend } from './pull-request-figures';
import { at, HOUR, mergedPullRequest, pullRequest } from './testing/pull-request-fixture';

describe('the phase trend', () => {
  // T0 is Monday 2 March 2026, 09:00 UTC.
  const weeks = [
    { start: '2026-03-02', end: '2026-03-08' },
    { start: '2026-03-09', end: '2026-03-15' },
    { start: '2026-03-16', end: '2026-03-22' },
  ];

  it("takes the percentiles of each period's merged pull requests, by the day they merged", () => {
    const trend = phaseTrend(
      [
        // Week 1: pickups of 2 h and 6 h.
        mergedPullRequest(10, { number: 1, firstReviewAt: Date.UTC(2026, 2, 2, 11) }),
        mergedPullRequest(20, { number: 2, firstReviewAt: Date.UTC(2026, 2, 2, 15) }),
        // Merged on Sunday 8 March at 23:00: still week 1. Pickup 1 h.
        pullRequest({
          number: 3,
          firstReviewAt: Date.UTC(2026, 2, 2, 10),
          mergedAt: Date.UTC(2026, 2, 8, 23),
          closedAt: Date.UTC(2026, 2, 8, 23),
        }),
        // Merged on Monday 9 March: week 2; no review, so no pickup.
        pullRequest({ number: 4, mergedAt: Date.UTC(2026, 2, 9, 1), closedAt: Date.UTC(2026, 2, 9, 1) }),
        // Open: in no period.
        pullRequest({ number: 5, firstReviewAt: Date.UTC(2026, 2, 3) }),
      ],
      weeks,
    );
    expect(trend.map((period) => period.merged)).toEqual([3, 1, 0]);
    const pickup = (k: number) => trend[k]!.phases.find((phase) => phase.phase === 'pickup')!;
    // Nearest rank over 1 h, 2 h, 6 h: the 50th is the 2nd, the 85th and 95th the 3rd.
    expect(pickup(0)).toEqual({ phase: 'pickup', count: 3, values: [2 * HOUR, 6 * HOUR, 6 * HOUR] });
    expect(pickup(1)).toEqual({ phase: 'pickup', count: 0, values: [NaN, NaN, NaN] });
    expect(trend[2]!.phases.every((phase) => phase.count === 0)).toBe(true);
  });
});

describe('the time split over time', () => {
  it('sums the split of the items finished in each period, leaving out items without a pull request in their cycle', () => {
    // started at hour 0, done at hour 30 (2 March). Its pull request: first commit hour 2, opened 4,
    // first review 10, approved 12, merged 13. A-2 finished the next week, with no pull request. A-3 the next
    // week, its pull request after it was done.
    const pulls = [
      mergedPullRequest(13, {
        number: 1,
        jiraKeys: ['A-1'],
        firstCommitAt: at(2),
        createdAt: at(4),
        firstReviewAt: at(10),
        approvedAt: at(12),
      }),
      mergedPullRequest(24 * 9, { number: 2, jiraKeys: ['A-3'], createdAt: at(24 * 8) }),
    ];
    const items = [
      { key: 'A-1', start: at(0), done: at(30) },
      { key: 'A-2', start: at(24 * 7), done: at(24 * 7 + 5) },
      { key: 'A-3', start: at(24 * 7), done: at(24 * 7 + 6) },
    ];
    expect([...itemTimeSplits(pulls, items).keys()]).toEqual(['A-1']);
    const trend = timeSplitTrend(pulls, items, [
      { start: '2026-03-02', end: '2026-03-08' },
      { start: '2026-03-09', end: '2026-03-15' },
    ]);
    expect(trend[0]).toEqual({
      start: '2026-03-02',
      end: '2026-03-08',
      items: 1,
      totals: { before: 2 * HOUR, coding: 2 * HOUR, pickup: 6 * HOUR, review: 2 * HOUR, merge: HOUR, between: 0, after: 17 * HOUR },
    });
    expect(trend[1]).toMatchObject({ items: 0, totals: { before: 0, after: 0 } });
  });
});
