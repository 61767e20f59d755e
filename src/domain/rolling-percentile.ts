/**
 * A rolling percentile of cycle times, as Jira's Control Chart draws its rolling average: for each finished
 * item, in the order they finished, the percentile of the cycle times of the last `size` items up to and
 * including it. A percentile rather than a mean, because cycle times are skewed: one very long item lifts a
 * mean for `size` items, and moves a percentile by at most one rank.
 *
 * The first `size - 1` items have no value (NaN): a window of fewer items would swing with each of them.
 */
import type { PercentileMethod } from './conventions';
import { percentileOfSorted } from './percentiles';

/**
 * @param values cycle times in the order the items finished.
 * @param size how many items the window holds (at least 1).
 */
export function rollingPercentile(values: ArrayLike<number>, size: number, percentile: number, method: PercentileMethod): Float64Array {
  if (!(Number.isInteger(size) && size >= 1))
    throw new RangeError(`a rolling window holds a whole number of items, at least 1 (not ${size})`);
  const result = new Float64Array(values.length).fill(NaN);
  // The window kept sorted: each step inserts the new value and removes the one that left, O(size) each.
  const window: number[] = [];
  const insertAt = (value: number) => {
    let low = 0;
    let high = window.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (window[mid]! < value) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    window.splice(insertAt(value), 0, value);
    if (i >= size) window.splice(insertAt(values[i - size]!), 1);
    if (i >= size - 1) result[i] = percentileOfSorted(window, percentile, method);
  }
  return result;
}
