import { rollingPercentile } from './rolling-percentile';

describe('a rolling percentile', () => {
  it('is the percentile of the last items up to each one, none before the window is full', () => {
    // Windows of 3: [5, 1, 9] → 85th (nearest rank 3 of 3) 9; [1, 9, 2] → 9; [9, 2, 4] → 9; [2, 4, 3] → 4.
    expect(Array.from(rollingPercentile([5, 1, 9, 2, 4, 3], 3, 85, 'nearest-rank'))).toEqual([NaN, NaN, 9, 9, 9, 4]);
    // Medians of the same windows: 5, 2, 4, 3.
    expect(Array.from(rollingPercentile([5, 1, 9, 2, 4, 3], 3, 50, 'nearest-rank'))).toEqual([NaN, NaN, 5, 2, 4, 3]);
  });

  it('removes the value that left the window even when others equal it', () => {
    expect(Array.from(rollingPercentile([2, 2, 7, 2, 2], 2, 100, 'nearest-rank'))).toEqual([NaN, 2, 7, 7, 2]);
  });

  it('is the values themselves for a window of one', () => {
    expect(Array.from(rollingPercentile([3, 1, 4], 1, 85, 'linear'))).toEqual([3, 1, 4]);
  });

  it('refuses a window that holds no whole number of items', () => {
    expect(() => rollingPercentile([1], 0, 85, 'linear')).toThrow(RangeError);
    expect(() => rollingPercentile([1], 2.5, 85, 'linear')).toThrow(RangeError);
  });
});
