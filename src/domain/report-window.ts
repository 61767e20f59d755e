/**
 * The span of days a report looks at.
 *
 * Percentiles, histograms, scatter plots and throughput describe items *finished* in the window; WIP and
 * cumulative flow are drawn for each day of it; ages are taken at `now` whatever the window. By default the
 * window runs from the day the first item was created to the day of `now`.
 */
import { isoDateToDay, type DayNumber } from './calendar-day';
import type { FlowTimeline } from './flow-timeline';

export interface ReportWindow {
  /** First day, inclusive. */
  from: DayNumber;
  /** Last day, inclusive. */
  to: DayNumber;
}

/** The window as configured: each bound is optional. */
export interface WindowSettings {
  /** First day (`YYYY-MM-DD`), or null for the first day an item was created. */
  from: string | null;
  /** Last day (`YYYY-MM-DD`), or null for the day of `now`. */
  to: string | null;
  /** When set (and `from` is not), the window is the last `days` days up to `to`. */
  days: number | null;
}

/** The first day an item that existed at `now` was created (the day of `now` when there is none). */
export function firstCreatedDay(timeline: FlowTimeline): DayNumber {
  let first = timeline.nowDay;
  const { createdDay, included } = timeline;
  for (let i = 0; i < timeline.itemCount; i++) {
    if (included[i] === 1 && createdDay[i]! < first) first = createdDay[i]!;
  }
  return first;
}

/** From the first creation day among items that existed at `now`, to the day of `now`. */
export function defaultWindow(timeline: FlowTimeline): ReportWindow {
  return { from: firstCreatedDay(timeline), to: timeline.nowDay };
}

/** The window for these settings. Dates are taken as given (validated by the configuration parser). */
export function resolveWindow(settings: WindowSettings, timeline: FlowTimeline): ReportWindow {
  const to = settings.to === null ? timeline.nowDay : (isoDateToDay(settings.to) ?? timeline.nowDay);
  let from: DayNumber;
  if (settings.from !== null) from = isoDateToDay(settings.from) ?? to;
  else if (settings.days !== null) from = to - settings.days + 1;
  else from = Math.min(firstCreatedDay(timeline), to);
  return { from, to };
}

export function windowLength(window: ReportWindow): number {
  return Math.max(0, window.to - window.from + 1);
}

/**
 * Indices of items delivered within the window (done, and not discarded), in order of their done instant
 * (ties by index).
 * Sorted by bucketing on the done day first (O(items + days)), then ordering each day's few items.
 */
export function itemsDoneIn(timeline: FlowTimeline, window: ReportWindow): Int32Array {
  const { deliveredDay: doneDay, done } = timeline;
  const from = window.from;
  const length = windowLength(window);
  // `NO_DAY` is below every real day, so the range test also skips items that are not done.
  const firstOfDay = new Int32Array(length + 1);
  for (let i = 0; i < timeline.itemCount; i++) {
    const offset = doneDay[i]! - from;
    if (offset >= 0 && offset < length) firstOfDay[offset + 1]!++;
  }
  for (let d = 0; d < length; d++) firstOfDay[d + 1]! += firstOfDay[d]!;
  const items = new Int32Array(firstOfDay[length]!);
  const fill = firstOfDay.slice(0, length);
  for (let i = 0; i < timeline.itemCount; i++) {
    const offset = doneDay[i]! - from;
    if (offset >= 0 && offset < length) items[fill[offset]!++] = i;
  }
  const byInstant = (a: number, b: number) => done[a]! - done[b]! || a - b;
  for (let d = 0; d < length; d++) {
    const begin = firstOfDay[d]!;
    const end = firstOfDay[d + 1]!;
    if (end - begin > 1) items.subarray(begin, end).sort(byInstant);
  }
  return items;
}
