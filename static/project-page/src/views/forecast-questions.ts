import { dayToIsoDate, isoDateToDay } from '../../../../src/domain';
import { formatDate } from '../../../common/format-date-time';

/** The most items a reader may ask about: beyond it, a "when" forecast says little a team can act on. */
export const MAX_FORECAST_ITEMS = 10_000;

/**
 * The furthest date a reader may ask "how many items by": a year ahead. The simulations replay the last
 * months' daily throughput, which says little about a team further away than that; and each day asked about
 * is one more draw in every simulated future, so a date centuries away would also stall the page.
 */
export const MAX_FORECAST_DAYS_AHEAD = 365;

export type QuestionCheck<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Checks the date typed into "how many items by": a real date after today (the forecast counts what is still
 * to be done; today's finished items are already counted) and at most `MAX_FORECAST_DAYS_AHEAD` days ahead.
 */
export function checkTargetDate(value: string, today: string): QuestionCheck<string> {
  if (value === '') return { ok: false, message: 'Enter a date to forecast to.' };
  const day = isoDateToDay(value);
  if (day === null) return { ok: false, message: `${value} is not a date; use the YYYY-MM-DD form.` };
  const todayDay = isoDateToDay(today)!;
  if (day <= todayDay) return { ok: false, message: `Choose a date after today (${formatDate(today)}).` };
  if (day > todayDay + MAX_FORECAST_DAYS_AHEAD) {
    const latest = dayToIsoDate(todayDay + MAX_FORECAST_DAYS_AHEAD);
    return {
      ok: false,
      message: `Choose a date up to a year ahead (${formatDate(latest)} at the latest): past throughput says little about work further away.`,
    };
  }
  return { ok: true, value };
}

/** Checks the number typed into "when will N items be done": a whole number from 1 to `MAX_FORECAST_ITEMS`. */
export function checkItemCount(value: string): QuestionCheck<number> {
  const trimmed = value.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a number of items.' };
  const items = Number(trimmed);
  if (!Number.isInteger(items) || items < 1 || items > MAX_FORECAST_ITEMS) {
    return { ok: false, message: `Enter a whole number of items from 1 to ${MAX_FORECAST_ITEMS.toLocaleString()}.` };
  }
  return { ok: true, value: items };
}
