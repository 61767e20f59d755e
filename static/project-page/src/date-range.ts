import { dayToIsoDate, isoDateToDay, ZonedDays } from '../../../src/domain';
import { formatDate } from '../../common/format-date-time';

/** A custom reporting period: both days included, `YYYY-MM-DD`. */
export interface DateRange {
  from: string;
  to: string;
}

export type DateRangeCheck = { ok: true; range: DateRange } | { ok: false; problem: DateRangeProblem; message: string };
type DateRangeProblem = 'missing' | 'not-a-date' | 'reversed' | 'future';

/** Today's date where the metrics are computed: in the site's time zone, not the browser's. */
export function todayIn(timeZone: string, now: number): string {
  return dayToIsoDate(new ZonedDays(timeZone).dayOf(now));
}

/**
 * Checks a custom period typed into the filters: two real dates, the start on or before the end, and the end
 * no later than today (there is no flow data from the future to show).
 */
export function checkDateRange(from: string, to: string, today: string): DateRangeCheck {
  if (from === '' || to === '') return { ok: false, problem: 'missing', message: 'Enter both a start date and an end date.' };
  const start = isoDateToDay(from);
  const end = isoDateToDay(to);
  if (start === null || end === null) {
    return { ok: false, problem: 'not-a-date', message: `${start === null ? from : to} is not a date; use the YYYY-MM-DD form.` };
  }
  // Dates as the reader's locale writes them, like the date inputs and the rest of the page.
  if (start > end) {
    return {
      ok: false,
      problem: 'reversed',
      message: `The start date (${formatDate(from)}) must be on or before the end date (${formatDate(to)}).`,
    };
  }
  if (end > isoDateToDay(today)!)
    return { ok: false, problem: 'future', message: `The end date cannot be after today (${formatDate(today)}).` };
  return { ok: true, range: { from, to } };
}
