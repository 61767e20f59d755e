import { checkSamplingWindow, dayToIsoDate, isoDateToDay, MIN_SAMPLING_DAYS, type SamplingWindowChoice } from '../../../../src/domain';
import { MAX_REMAINING_WORK_JQL_LENGTH } from '../../../../src/shared/resolver-contract';
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
 * to be done; today's finished items are already counted), on or after the start date when that is later, and
 * at most `MAX_FORECAST_DAYS_AHEAD` days ahead.
 */
export function checkTargetDate(value: string, today: string, start: string = today): QuestionCheck<string> {
  if (value === '') return { ok: false, message: 'Enter a date to forecast to.' };
  const day = isoDateToDay(value);
  if (day === null) return { ok: false, message: `${value} is not a date; use the YYYY-MM-DD form.` };
  const todayDay = isoDateToDay(today)!;
  if (day <= todayDay) return { ok: false, message: `Choose a date after today (${formatDate(today)}).` };
  if (day < isoDateToDay(start)!) return { ok: false, message: `Choose a date on or after the start (${formatDate(start)}).` };
  if (day > todayDay + MAX_FORECAST_DAYS_AHEAD) {
    const latest = dayToIsoDate(todayDay + MAX_FORECAST_DAYS_AHEAD);
    return {
      ok: false,
      message: `Choose a date up to a year ahead (${formatDate(latest)} at the latest): past throughput says little about work further away.`,
    };
  }
  return { ok: true, value };
}

/**
 * Checks the start date: today (the default) or a later day, such as the first day of the next sprint, up to
 * `MAX_FORECAST_DAYS_AHEAD` days ahead. Days already past have happened: the history holds them.
 */
export function checkStartDate(value: string, today: string): QuestionCheck<string> {
  if (value === '') return { ok: false, message: 'Enter the day the work starts.' };
  const day = isoDateToDay(value);
  if (day === null) return { ok: false, message: `${value} is not a date; use the YYYY-MM-DD form.` };
  const todayDay = isoDateToDay(today)!;
  if (day < todayDay) return { ok: false, message: `Choose today (${formatDate(today)}) or a later day: earlier days have happened.` };
  if (day > todayDay + MAX_FORECAST_DAYS_AHEAD) {
    return {
      ok: false,
      message: `Choose a start up to a year ahead (${formatDate(dayToIsoDate(todayDay + MAX_FORECAST_DAYS_AHEAD))} at the latest).`,
    };
  }
  return { ok: true, value };
}

/** The "last N days" a reader picks from before typing a number: a month, a quarter, half a year, a year. */
export const SAMPLING_PRESETS: readonly number[] = [30, 90, 180, 365];

/**
 * Checks the sampling window the reader chose against the days the history can be sampled from (`sampleable`, as
 * the forecast gives them), with dates written as the page writes them.
 */
export function checkSamplingChoice(
  choice: SamplingWindowChoice,
  sampleable: { from: string; to: string } | null,
): QuestionCheck<SamplingWindowChoice> {
  if (sampleable === null)
    return { ok: false, message: `The history holds no complete day yet; a sampling window needs ${MIN_SAMPLING_DAYS}.` };
  const check = checkSamplingWindow(
    choice,
    { firstDay: isoDateToDay(sampleable.from)!, lastCompleteDay: isoDateToDay(sampleable.to)! },
    (day) => formatDate(dayToIsoDate(day)),
  );
  return check.ok ? { ok: true, value: choice } : check;
}

/** Checks a JQL query typed as the remaining work before it is sent: not empty, not longer than the resolver takes. */
export function checkRemainingWorkQuery(value: string): QuestionCheck<string> {
  const trimmed = value.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a JQL query, such as issuetype = Bug.' };
  if (trimmed.length > MAX_REMAINING_WORK_JQL_LENGTH) {
    return { ok: false, message: `The query is too long: at most ${MAX_REMAINING_WORK_JQL_LENGTH.toLocaleString()} characters.` };
  }
  return { ok: true, value: trimmed };
}

/** Checks an epic's key typed as the remaining work: an issue key of the page's project. */
export function checkEpicKey(value: string, projectKey: string): QuestionCheck<string> {
  const key = value.trim().toUpperCase();
  if (!/^[A-Z][A-Z0-9_]*-[1-9][0-9]{0,17}$/.test(key)) return { ok: false, message: `Enter an epic's key, such as ${projectKey}-12.` };
  if (key.slice(0, key.lastIndexOf('-')) !== projectKey) {
    return { ok: false, message: `${key} is not in this project: enter the key of one of ${projectKey}'s epics.` };
  }
  return { ok: true, value: key };
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
