/**
 * Lead time: how long the customer waited, from the moment the item was created to the moment it was done,
 * in the configured unit. It includes the time the item waited before anyone started it, which cycle time
 * leaves out. Discarded items have none: nothing was delivered to wait for.
 */
import type { DurationMeasure } from './duration-unit';
import type { FlowTimeline } from './flow-timeline';

/** Per item: lead time in the measure's unit, NaN when the item is not done. */
export function leadTimes(timeline: FlowTimeline, measure: DurationMeasure): Float64Array {
  const { created } = timeline.history;
  const { done, createdDay, doneDay, discarded } = timeline;
  const result = new Float64Array(timeline.itemCount).fill(NaN);
  for (let i = 0; i < timeline.itemCount; i++) {
    const doneAt = done[i]!;
    if (!Number.isNaN(doneAt) && discarded[i] === 0) result[i] = measure.between(created[i]!, doneAt, createdDay[i]!, doneDay[i]!);
  }
  return result;
}
