import { sizeClassOf, sizeDistribution } from './pull-request-size';
import { pullRequest } from './testing/pull-request-fixture';

describe('pull-request size', () => {
  it.each([
    [0, 'XS'],
    [10, 'XS'],
    [11, 'S'],
    [50, 'S'],
    [250, 'M'],
    [251, 'L'],
    [1000, 'L'],
    [1001, 'XL'],
  ])('%i changed lines are %s', (lines, label) => {
    expect(sizeClassOf(lines).label).toBe(label);
  });

  it('counts pull requests per class by lines added plus deleted, listing every class', () => {
    const pulls = [
      pullRequest({ additions: 5, deletions: 5 }), // 10: XS
      pullRequest({ additions: 30, deletions: 21 }), // 51: M
      pullRequest({ additions: 2000, deletions: 0 }), // XL
      pullRequest({ additions: 40, deletions: 10 }), // 50: S
    ];
    expect(sizeDistribution(pulls).map((row) => [row.size.label, row.count])).toEqual([
      ['XS', 1],
      ['S', 1],
      ['M', 1],
      ['L', 0],
      ['XL', 1],
    ]);
  });
});
