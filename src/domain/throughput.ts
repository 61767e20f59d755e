/**
 * Throughput: how many items reached done per day, week or month.
 *
 * An item counts in the period of its done date (its final entry into done). A reopened item that is not
 * done again does not count anywhere: throughput, like cycle time, describes items that are finished now.
 * Discarded items (done in a status that means "not delivered") do not count either: throughput is delivery.
 */
import type { DayNumber } from './calendar-day';
import type { FlowTimeline } from './flow-timeline';
import type { ReportingPeriods } from './reporting-period';

/** Items done per period. */
export function throughputPerPeriod(timeline: FlowTimeline, periods: ReportingPeriods): Int32Array {
  const counts = new Int32Array(periods.starts.length);
  const { deliveredDay } = timeline;
  const { dayToPeriod } = periods;
  const from = periods.window.from;
  // `NO_DAY` is below every real day: the range test skips items that are not done.
  for (let i = 0; i < timeline.itemCount; i++) {
    const offset = deliveredDay[i]! - from;
    if (offset >= 0 && offset < dayToPeriod.length) counts[dayToPeriod[offset]!]!++;
  }
  return counts;
}

/** Items done on each day from `from` to `to` inclusive (index 0 is `from`). */
export function dailyThroughput(timeline: FlowTimeline, from: DayNumber, to: DayNumber): Int32Array {
  const counts = new Int32Array(Math.max(0, to - from + 1));
  const { deliveredDay } = timeline;
  for (let i = 0; i < timeline.itemCount; i++) {
    const offset = deliveredDay[i]! - from;
    if (offset >= 0 && offset < counts.length) counts[offset]!++;
  }
  return counts;
}
