/**
 * Reporting periods: days, weeks or months, for throughput and net flow.
 *
 * Weeks end on a configurable weekday (Sunday by default, as ISO weeks; a team whose sprints end on
 * Wednesday can align to them), months are calendar months. Periods are aligned to the calendar and then
 * clipped to the report window, so the first and last periods may be partial; `start` and `end` always say
 * exactly which days a count covers. Every period in the window is present, with zero when nothing happened.
 */
import { monthStartOf, nextMonthStartOf, weekdayOf, WEEKDAY_NAMES, type DayNumber, type WeekdayName } from './calendar-day';
import type { ReportWindow } from './report-window';

/** The kinds of reporting period, listed once (the configuration schema and the UI's choices derive from it). */
export const PERIOD_KINDS = ['day', 'week', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface ReportingPeriods {
  readonly kind: PeriodKind;
  readonly window: ReportWindow;
  /** First day of each period (inclusive, clipped to the window). */
  readonly starts: Int32Array;
  /** Last day of each period (inclusive, clipped to the window). */
  readonly ends: Int32Array;
  /** Period index per day of the window: `dayToPeriod[day - window.from]`. */
  readonly dayToPeriod: Int32Array;
}

/** The last day of the week containing `day`, for weeks ending on `weekEndsOn`. */
export function weekEndOf(day: DayNumber, weekEndsOn: WeekdayName): DayNumber {
  const endWeekday = WEEKDAY_NAMES.indexOf(weekEndsOn);
  return day + ((endWeekday - weekdayOf(day) + 7) % 7);
}

function periodEndOf(day: DayNumber, kind: PeriodKind, weekEndsOn: WeekdayName): DayNumber {
  if (kind === 'day') return day;
  if (kind === 'week') return weekEndOf(day, weekEndsOn);
  return nextMonthStartOf(day) - 1;
}

export function reportingPeriods(window: ReportWindow, kind: PeriodKind, weekEndsOn: WeekdayName = 'sunday'): ReportingPeriods {
  const starts: number[] = [];
  const ends: number[] = [];
  const length = Math.max(0, window.to - window.from + 1);
  const dayToPeriod = new Int32Array(length);
  for (let day = window.from; day <= window.to;) {
    const end = Math.min(periodEndOf(day, kind, weekEndsOn), window.to);
    dayToPeriod.fill(starts.length, day - window.from, end - window.from + 1);
    starts.push(day);
    ends.push(end);
    day = end + 1;
  }
  return { kind, window, starts: Int32Array.from(starts), ends: Int32Array.from(ends), dayToPeriod };
}

/** Period index of a day, or -1 outside the window. */
export function periodOfDay(periods: ReportingPeriods, day: DayNumber): number {
  const offset = day - periods.window.from;
  return offset >= 0 && offset < periods.dayToPeriod.length ? periods.dayToPeriod[offset]! : -1;
}

/** The first day of the calendar period containing `day` (not clipped). */
export function periodStartOf(day: DayNumber, kind: PeriodKind, weekEndsOn: WeekdayName = 'sunday'): DayNumber {
  if (kind === 'day') return day;
  if (kind === 'week') return weekEndOf(day, weekEndsOn) - 6;
  return monthStartOf(day);
}
