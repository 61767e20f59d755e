/**
 * Work in progress per day: how many items were started and not yet done at the end of each day.
 *
 * Counting at the end of the day makes WIP exactly "started by then − done by then" and equal to the gap
 * between the start and done lines of the cumulative flow diagram on the same day. An item started and
 * finished on the same day is therefore not in that day's WIP. With this count, Little's law reads
 * average WIP = throughput per day × average cycle time in `days-exclusive`.
 *
 * Computed with a difference array: +1 on the start day, −1 on the done day, then one running sum. That is
 * O(items + days), never O(items × days).
 */
import { NO_DAY } from './calendar-day';
import type { FlowTimeline } from './flow-timeline';
import { windowLength, type ReportWindow } from './report-window';

/** WIP at the end of each day of the window (index 0 is `window.from`). */
export function wipPerDay(timeline: FlowTimeline, window: ReportWindow): Int32Array {
  const length = windowLength(window);
  // Slot 0 also collects changes before the window; one extra slot collects changes after it.
  const delta = new Int32Array(length + 1);
  const from = window.from;
  const { startDay, doneDay } = timeline;
  const noDay = NO_DAY;
  for (let i = 0; i < timeline.itemCount; i++) {
    const started = startDay[i]!;
    if (started === noDay) continue;
    const startOffset = started - from;
    delta[startOffset < 0 ? 0 : startOffset > length ? length : startOffset]!++;
    const finished = doneDay[i]!;
    if (finished === noDay) continue;
    const doneOffset = finished - from;
    delta[doneOffset < 0 ? 0 : doneOffset > length ? length : doneOffset]!--;
  }
  const wip = new Int32Array(length);
  let running = 0;
  for (let d = 0; d < length; d++) {
    running += delta[d]!;
    wip[d] = running;
  }
  return wip;
}
