/**
 * The days a Monte Carlo forecast draws its throughput samples from, when the reader chooses them.
 *
 * A forecast replays the team's past: which past matters is a judgement the reader makes ("since the team
 * changed", "the last quarter, not the holidays"). Two ways to say it:
 * - the last N complete days before today (`{ lastDays: N }`), as the configured `forecast.samplingDays` does;
 * - a date range (`{ from, to }`, both days included).
 *
 * Either must lie inside the history (from its first day to yesterday: today is not over, so its throughput is
 * not a day's) and span at least `MIN_SAMPLING_DAYS` days: a handful of days cannot show a team's variability,
 * and a forecast drawn from them would look precise while saying little.
 */
import { dayToIsoDate, isoDateToDay, type DayNumber } from './calendar-day';

/** The fewest days a chosen sampling window may span: two weeks, so every weekday is drawn at least twice. */
export const MIN_SAMPLING_DAYS = 14;

/** The reader's choice of sampling window. */
export type SamplingWindowChoice = { lastDays: number } | { from: string; to: string };

/** The days throughput can be sampled from: the history's first day to the last complete day before now. */
export interface SampleableDays {
  firstDay: DayNumber;
  lastCompleteDay: DayNumber;
}

export type SamplingWindowCheck = { ok: true; from: DayNumber; to: DayNumber } | { ok: false; message: string };

/**
 * The days a choice covers, or what is wrong with it in words a reader can act on (dates in `YYYY-MM-DD`: the
 * page writes its own, locale-formatted messages from the same rules through `describe`).
 */
export function checkSamplingWindow(
  choice: SamplingWindowChoice,
  { firstDay, lastCompleteDay }: SampleableDays,
  describe: (day: DayNumber) => string = dayToIsoDate,
): SamplingWindowCheck {
  const available = lastCompleteDay - firstDay + 1;
  if (available < MIN_SAMPLING_DAYS) {
    return {
      ok: false,
      message: `The history holds ${Math.max(0, available)} complete days; a sampling window needs at least ${MIN_SAMPLING_DAYS}.`,
    };
  }
  if ('lastDays' in choice) {
    const days = choice.lastDays;
    if (!Number.isInteger(days) || days < MIN_SAMPLING_DAYS || days > available) {
      return {
        ok: false,
        message: `Choose a whole number of days from ${MIN_SAMPLING_DAYS} to ${available} (the history starts on ${describe(firstDay)}).`,
      };
    }
    return { ok: true, from: lastCompleteDay - days + 1, to: lastCompleteDay };
  }
  const from = isoDateToDay(choice.from);
  const to = isoDateToDay(choice.to);
  if (from === null || to === null) return { ok: false, message: 'Enter both dates of the sampling window.' };
  if (from < firstDay) return { ok: false, message: `The history starts on ${describe(firstDay)}: choose a start on or after it.` };
  if (to > lastCompleteDay) {
    return { ok: false, message: `Choose an end on or before ${describe(lastCompleteDay)}: today is not over yet.` };
  }
  if (to < from) return { ok: false, message: 'The end of the sampling window is before its start.' };
  if (to - from + 1 < MIN_SAMPLING_DAYS) {
    return { ok: false, message: `The sampling window spans ${to - from + 1} days; choose at least ${MIN_SAMPLING_DAYS}.` };
  }
  return { ok: true, from, to };
}
