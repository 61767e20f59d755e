/**
 * The cycle-time scatter plot: one point per finished item, at its done date and its cycle time, in the
 * order items finished. Percentile lines are drawn across it from `percentiles.ts`.
 */
import type { DayNumber } from './calendar-day';
import type { FlowTimeline } from './flow-timeline';

export interface ScatterPoint {
  /** Item index in the history. */
  item: number;
  key: string;
  doneDay: DayNumber;
  value: number;
}

/** @param doneItems items to plot (usually `itemsDoneIn(window)`), in done order. */
export function cycleTimeScatter(timeline: FlowTimeline, cycleTimes: ArrayLike<number>, doneItems: ArrayLike<number>): ScatterPoint[] {
  const points = new Array<ScatterPoint>(doneItems.length);
  for (let k = 0; k < doneItems.length; k++) {
    const item = doneItems[k]!;
    points[k] = { item, key: timeline.history.key[item]!, doneDay: timeline.doneDay[item]!, value: cycleTimes[item]! };
  }
  return points;
}
