/**
 * Cumulative flow: for each day and each stage, how many items had reached that stage or a later one by the
 * end of the day.
 *
 * Each line only ever rises (an item's "reached" date is fixed once the report is computed), lines never
 * cross (an item reaches a stage no later than any later stage), and the vertical gap between two adjacent
 * lines is the number of items in that stage. The gap between the start-stage line and the done line is the
 * WIP of `work-in-progress.ts`.
 *
 * Dates are the items' final dates under the conventions: an item that was done and then reopened leaves
 * the done line for its whole history, rather than making the line dip. Past days therefore show today's
 * understanding of the work, which is what keeps the chart cumulative.
 *
 * O(items × stages + days × stages): one difference array per stage.
 */
import { NO_DAY } from './calendar-day';
import type { FlowTimeline } from './flow-timeline';
import { windowLength, type ReportWindow } from './report-window';

export interface CumulativeFlow {
  stages: readonly string[];
  /** `counts[stage][day - window.from]`. */
  counts: Int32Array[];
}

export function cumulativeFlow(timeline: FlowTimeline, window: ReportWindow): CumulativeFlow {
  const length = windowLength(window);
  const stageCount = timeline.stageCount;
  // One difference array per stage, side by side: row k holds stage k's arrivals per day (one extra slot
  // collects arrivals after the window, which never affect it).
  const stride = length + 1;
  const delta = new Int32Array(stageCount * stride);
  const { reachedDay } = timeline;
  const from = window.from;
  const size = timeline.itemCount * stageCount;
  const noDay = NO_DAY;
  for (let e = 0, k = 0; e < size; e++, k = k + 1 === stageCount ? 0 : k + 1) {
    const day = reachedDay[e]!;
    if (day === noDay) continue;
    const offset = day - from;
    delta[k * stride + (offset < 0 ? 0 : offset > length ? length : offset)]!++;
  }
  const counts: Int32Array[] = [];
  for (let k = 0; k < stageCount; k++) {
    const line = new Int32Array(length);
    let running = 0;
    for (let d = 0; d < length; d++) {
      running += delta[k * stride + d]!;
      line[d] = running;
    }
    counts.push(line);
  }
  return { stages: timeline.workflow.stageNames, counts };
}
