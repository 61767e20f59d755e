import { serviceLevelExpectation } from './service-level-expectation';

describe('service-level expectation', () => {
  it('is the 85th percentile, with how many items met it', () => {
    expect(serviceLevelExpectation([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 85, 'nearest-rank')).toEqual({
      percentile: 85,
      value: 9,
      itemsWithin: 9,
      items: 10,
    });
    expect(serviceLevelExpectation([1, 1, 3, 4, 5], 85, 'nearest-rank')).toEqual({ percentile: 85, value: 5, itemsWithin: 5, items: 5 });
    expect(serviceLevelExpectation([2, 2, 2, 8], 85, 'linear').itemsWithin).toBe(3);
  });

  it('is undefined without finished items', () => {
    expect(serviceLevelExpectation([], 85, 'nearest-rank')).toEqual({ percentile: 85, value: NaN, itemsWithin: 0, items: 0 });
  });
});
