/**
 * Period over period: the headline numbers of a report window against the window of equal length just
 * before it ("are we getting faster?").
 *
 * Each window's headlines are taken as they stood at the end of that window: throughput and cycle-time
 * percentiles over the items finished in it, WIP and items at risk at its last moment. The last moment of
 * the window ending today is `now`; of an earlier window, the same time of day on its last day, so both
 * windows are measured alike. An item is at risk when it has been in progress longer than the 85th
 * percentile of the cycle times of its window: it already took longer than most finished work did.
 *
 * Every headline says which way is better, so a change can be read as good or bad news: more throughput
 * and shorter cycle times are better, fewer items at risk are better. WIP is not judged: less WIP usually
 * means faster flow, but a drop can also mean the team ran out of ready work.
 */
import { MS_PER_DAY, type DayNumber } from './calendar-day';
import type { DurationMeasure } from './duration-unit';
import type { FlowTimeline } from './flow-timeline';
import { percentileOfSorted, sortedSample } from './percentiles';
import { firstCreatedDay, itemsDoneIn, windowLength, type ReportWindow } from './report-window';

/** The percentile of cycle time beyond which an item in progress is at risk. */
export const AT_RISK_PERCENTILE = 85;

export type HeadlineName = 'throughputPerWeek' | 'cycleTime50' | 'cycleTime85' | 'wip' | 'atRisk';

/** Which way each headline improves; null when a change is neither good nor bad in itself. */
export const BETTER_WHEN: Readonly<Record<HeadlineName, 'higher' | 'lower' | null>> = Object.freeze({
  throughputPerWeek: 'higher',
  cycleTime50: 'lower',
  cycleTime85: 'lower',
  wip: null,
  atRisk: 'lower',
});

const HEADLINE_NAMES: readonly HeadlineName[] = Object.freeze(Object.keys(BETTER_WHEN) as HeadlineName[]);

/** A window's headline numbers; a cycle time is NaN when nothing was finished in the window. */
export type FlowHeadlines = Record<HeadlineName, number>;

/** What a change means: better or worse by the headline's own direction, unchanged, or not judged. */
export type ChangeVerdict = 'better' | 'worse' | 'unchanged' | 'not-judged';

export interface HeadlineChange {
  name: HeadlineName;
  current: number;
  previous: number;
  /** current − previous. */
  difference: number;
  /** difference / previous, or null when the previous value is zero. */
  relative: number | null;
  verdict: ChangeVerdict;
}

/** The window of equal length that ends the day before `window` starts. */
export function previousWindow(window: ReportWindow): ReportWindow {
  const length = windowLength(window);
  return { from: window.from - length, to: window.from - 1 };
}

/**
 * The headlines of one window.
 * @param cycle cycle time per item in the report's unit (NaN when not done), as `cycleTimes` gives them.
 */
export function flowHeadlines(timeline: FlowTimeline, window: ReportWindow, cycle: Float64Array, measure: DurationMeasure): FlowHeadlines {
  const done = itemsDoneIn(timeline, window);
  const sorted = sortedSample(cycle, done);
  const method = timeline.conventions.percentileMethod;
  const p85 = percentileOfSorted(sorted, AT_RISK_PERCENTILE, method);
  const lastDay: DayNumber = Math.min(window.to, timeline.nowDay);
  const lastMoment = timeline.now - (timeline.nowDay - lastDay) * MS_PER_DAY;
  const { start, startDay, done: doneAt } = timeline;
  let wip = 0;
  let atRisk = 0;
  for (let i = 0; i < timeline.itemCount; i++) {
    // Not yet started, or already done, at the window's last moment (NaN compares false both ways).
    if (!(start[i]! <= lastMoment) || doneAt[i]! <= lastMoment) continue;
    wip++;
    if (measure.between(start[i]!, lastMoment, startDay[i]!, lastDay) > p85) atRisk++;
  }
  const weeks = windowLength(window) / 7;
  return {
    throughputPerWeek: weeks > 0 ? done.length / weeks : 0,
    cycleTime50: percentileOfSorted(sorted, 50, method),
    cycleTime85: p85,
    wip,
    atRisk,
  };
}

/** Each headline's change from `previous` to `current`; a change involving a missing value is left out. */
export function compareHeadlines(current: FlowHeadlines, previous: FlowHeadlines): HeadlineChange[] {
  const changes: HeadlineChange[] = [];
  for (const name of HEADLINE_NAMES) {
    const now = current[name];
    const before = previous[name];
    if (!Number.isFinite(now) || !Number.isFinite(before)) continue;
    const difference = now - before;
    const better = BETTER_WHEN[name];
    let verdict: ChangeVerdict;
    if (difference === 0) verdict = 'unchanged';
    else if (better === null) verdict = 'not-judged';
    else verdict = difference > 0 === (better === 'higher') ? 'better' : 'worse';
    changes.push({ name, current: now, previous: before, difference, relative: before === 0 ? null : difference / before, verdict });
  }
  return changes;
}

/**
 * The window before `window`, when the history covers all of it: a window reaching back before the first
 * item was created would compare against days with no data at all.
 */
export function comparableWindowBefore(timeline: FlowTimeline, window: ReportWindow): ReportWindow | null {
  const before = previousWindow(window);
  return windowLength(window) > 0 && before.from >= firstCreatedDay(timeline) ? before : null;
}

/** The length of the recent periods the overview compares when the report window has no earlier period of its length. */
const RECENT_PERIOD_DAYS = 30;

/**
 * The last `days` days of `window`, when the window is longer than that and the history covers the `days`
 * before them; null otherwise. A window that starts with the history (all of it, say) has nothing of its
 * own length before it, yet "are we getting faster?" still has an answer: the last month against the one
 * before, measured exactly as any two windows are.
 */
export function recentWindowToCompare(timeline: FlowTimeline, window: ReportWindow, days = RECENT_PERIOD_DAYS): ReportWindow | null {
  if (windowLength(window) <= days) return null;
  const recent = { from: window.to - days + 1, to: window.to };
  return comparableWindowBefore(timeline, recent) === null ? null : recent;
}
