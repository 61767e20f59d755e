/**
 * Work item age: how long each unfinished item has been in progress, as of `now`, in the cycle-time unit.
 *
 * Age is measured exactly like cycle time, with `now` in place of the done date, so an item's age can be
 * compared with the cycle-time percentiles of finished items: an item older than the 85th percentile has
 * already taken longer than 85% of finished items did, and needs attention. `percentileBand` names the
 * highest percentile an age has exceeded (strictly: reaching the 85th percentile exactly is still within it).
 */
import type { DurationMeasure } from './duration-unit';
import { NO_DAY } from './calendar-day';
import type { FlowTimeline } from './flow-timeline';
import type { PercentileValue } from './percentiles';

export interface WorkItemAges {
  /** Items in progress at `now`, oldest first (ties by item index). */
  items: Int32Array;
  /** Age per entry of `items`. */
  ages: Float64Array;
}

export function workItemAges(timeline: FlowTimeline, measure: DurationMeasure): WorkItemAges {
  const { start, startDay, doneDay, now, nowDay } = timeline;
  const selected: number[] = [];
  const ageOf: number[] = [];
  const noDay = NO_DAY;
  for (let i = 0; i < timeline.itemCount; i++) {
    if (startDay[i] === noDay || doneDay[i] !== noDay) continue;
    selected.push(i);
    ageOf.push(measure.between(start[i]!, now, startDay[i]!, nowDay));
  }
  const order = Array.from(selected.keys());
  order.sort((a, b) => ageOf[b]! - ageOf[a]! || start[selected[a]!]! - start[selected[b]!]! || a - b);
  return {
    items: Int32Array.from(order, (k) => selected[k]!),
    ages: Float64Array.from(order, (k) => ageOf[k]!),
  };
}

/**
 * The highest percentile whose value the age exceeds, or null when it exceeds none.
 * @param percentiles ascending by percentile (as `percentilesOfSorted` returns them).
 */
export function percentileBand(age: number, percentiles: readonly PercentileValue[]): number | null {
  let band: number | null = null;
  for (const { percentile, value } of percentiles) if (age > value) band = percentile;
  return band;
}
