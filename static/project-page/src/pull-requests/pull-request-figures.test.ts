import { at, HOUR, mergedPullRequest, pullRequest } from '../../../../src/domain/testing/pull-request-fixture';
import { formatWait, pullRequestFigures } from './pull-request-figures';

const window = { from: at(0), to: at(1000) };

describe('pullRequestFigures', () => {
  const a = mergedPullRequest(9, {
    number: 1,
    jiraKeys: ['FLOW-1'],
    firstCommitAt: at(0),
    createdAt: at(2),
    firstReviewAt: at(5),
    approvedAt: at(8),
    additions: 30,
    deletions: 5,
  });
  const b = mergedPullRequest(20, {
    number: 2,
    jiraKeys: ['FLOW-2'],
    createdAt: at(10),
    firstReviewAt: at(11),
    approvedAt: at(12),
    additions: 400,
    deletions: 0,
  });
  const before = mergedPullRequest(-5, { number: 3, jiraKeys: ['FLOW-3'], createdAt: at(-9) }); // merged before the period
  const waitingLong = pullRequest({ number: 4, jiraKeys: ['FLOW-4'], createdAt: at(100) });
  const waitingDraft = pullRequest({ number: 5, createdAt: at(100), draftPeriods: [[at(100), null]] });
  const readyLater = pullRequest({ number: 6, createdAt: at(90), draftPeriods: [[at(90), at(150)]] });
  const reviewed = pullRequest({ number: 7, createdAt: at(100), firstReviewAt: at(101) });
  const pulls = [a, b, before, waitingLong, waitingDraft, readyLater, reviewed];
  const items = [
    { key: 'FLOW-1', start: at(-1), done: at(11) }, // before 1 h, coding 2, pickup 3, review 3, merge 1, after 2
    { key: 'FLOW-2', start: at(10), done: at(30) },
    { key: 'FLOW-9', start: at(1), done: at(40) }, // no pull request
    { key: 'FLOW-8', start: at(-50), done: at(-10) }, // finished before the period
  ];
  const figures = pullRequestFigures(pulls, items, window, at(200));

  it('takes phases and sizes from the pull requests merged in the period', () => {
    expect(figures.merged).toBe(2);
    const pickup = figures.phases.find((row) => row.phase === 'pickup')!;
    expect(pickup.count).toBe(2);
    expect(pickup.values.map((v) => v / HOUR)).toEqual([1, 3, 3]); // 1 h and 3 h: nearest rank
    expect(figures.sizes.filter((row) => row.count > 0).map((row) => [row.size.label, row.count])).toEqual([
      ['S', 1],
      ['L', 1],
    ]);
  });

  it('lists open pull requests waiting for a first review, longest first, drafts left out', () => {
    expect(figures.waiting.map((pull) => [pull.number, pull.waitingMs / HOUR])).toEqual([
      [4, 100],
      [6, 50],
    ]);
  });

  it('counts finished items with a linked pull request, and splits their cycle time', () => {
    expect(figures.finished).toBe(3);
    expect(figures.finishedWithPullRequest).toBe(2);
    expect(figures.splits[0]).toEqual({
      key: 'FLOW-1',
      split: { before: 1 * HOUR, coding: 2 * HOUR, pickup: 3 * HOUR, review: 3 * HOUR, merge: 1 * HOUR, between: 0, after: 2 * HOUR },
    });
    expect(figures.splitTotals.after).toBe(2 * HOUR + 10 * HOUR);
  });
});

describe('formatWait', () => {
  it('writes hours below two days and days above', () => {
    expect(formatWait(90 * 60_000)).toBe('1.5 h');
    expect(formatWait(30 * HOUR)).toBe('30 h');
    expect(formatWait(60 * HOUR)).toBe('2.5 d');
    expect(formatWait(NaN)).toBe('–');
  });
});
