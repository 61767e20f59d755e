/**
 * The service-level expectation (SLE): "85% of our items finish within N days". It is a percentile of the
 * cycle times of recently finished items (the 85th by default), and the number a team quotes when asked
 * "when will this be done?" for a single item that has just been started.
 */
import type { PercentileMethod } from './conventions';
import { percentileOfSorted } from './percentiles';

export interface ServiceLevelExpectation {
  percentile: number;
  /** Cycle time in the report's unit; NaN when no item finished. */
  value: number;
  /** How many of the finished items took no longer than `value`. */
  itemsWithin: number;
  items: number;
}

export function serviceLevelExpectation(
  sortedCycleTimes: ArrayLike<number>,
  percentile: number,
  method: PercentileMethod,
): ServiceLevelExpectation {
  const value = percentileOfSorted(sortedCycleTimes, percentile, method);
  let itemsWithin = 0;
  while (itemsWithin < sortedCycleTimes.length && sortedCycleTimes[itemsWithin]! <= value) itemsWithin++;
  return { percentile, value, itemsWithin, items: sortedCycleTimes.length };
}
