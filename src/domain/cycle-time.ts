/**
 * Cycle time: how long an item took from start to done, in the configured unit.
 *
 * Start and done follow the conventions (see `flow-timeline.ts`): the start is when the item reached the
 * start stage (or, if it skipped it, the first later stage), the done date is its final entry into the done
 * stage. Items that are not done have no cycle time (NaN); their running time is their age
 * (`work-item-age.ts`). Nor have discarded items: closing work as Won't Fix is not delivering it.
 */
import type { DurationMeasure } from './duration-unit';
import type { FlowTimeline } from './flow-timeline';

/** Per item: cycle time in the measure's unit, NaN when the item is not done. */
export function cycleTimes(timeline: FlowTimeline, measure: DurationMeasure): Float64Array {
  const { start, done, startDay, doneDay, discarded } = timeline;
  const result = new Float64Array(timeline.itemCount).fill(NaN);
  for (let i = 0; i < timeline.itemCount; i++) {
    const doneAt = done[i]!;
    if (!Number.isNaN(doneAt) && discarded[i] === 0) result[i] = measure.between(start[i]!, doneAt, startDay[i]!, doneDay[i]!);
  }
  return result;
}
