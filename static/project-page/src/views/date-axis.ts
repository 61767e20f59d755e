import { dayToIsoDate, isoDateToDay, weekEndOf, type DayNumber, type WeekdayName } from '../../../../src/domain';

/** The labelled days of a date axis, and how each is written. */
export interface DateAxis {
  ticks: DayNumber[];
  label: (day: DayNumber) => string;
}

/** Below this many days an axis is labelled in days ("Mar 12"); from it, in months ("Mar"). */
const MONTHS_FROM_DAYS = 62;
/** Month steps a reader counts in: every month, two, a quarter, a half year, a year, then years. */
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120];
/** Day steps: every day, two, a week, two weeks, four. */
const DAY_STEPS = [1, 2, 7, 14, 28];
/**
 * The first day of a project's week on or after `day`: the day after its last (`weekEndsOn`, a convention), as
 * the engine's weekly periods start (see `reportingPeriods`), so a weekly label falls where a week's bar starts.
 */
const weekStartFrom = (day: DayNumber, weekEndsOn: WeekdayName): DayNumber => weekEndOf(day - 1, weekEndsOn) + 1;

/** The four ways an axis label is written: a month or a day, each with its year or without. */
interface Formats {
  month: Intl.DateTimeFormat;
  monthOfYear: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
  dayOfYear: Intl.DateTimeFormat;
}
const formatsByLocale = new Map<string | undefined, Formats>();

/**
 * How labels are written in `locale` ("Mar 12, 2026" in en-US, "12. März 2026" in de-DE), with the year or
 * without; the reader's own locale when none is given. Made once: `toLocaleDateString` would build a formatter
 * for every label drawn.
 */
function formatsOf(locale: string | undefined): Formats {
  let formats = formatsByLocale.get(locale);
  if (formats === undefined) {
    formats = {
      month: new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }),
      monthOfYear: new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
      day: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
      dayOfYear: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
    };
    formatsByLocale.set(locale, formats);
  }
  return formats;
}

/**
 * The texts of labelled days, in order: months ("Jul 2025", "Oct") or days ("Jun 30, 2025", "Sep 29"), the
 * first and the first of each new year with the year, so an axis across a year boundary reads unambiguously.
 */
function labelTexts(days: readonly DayNumber[], monthly: boolean, locale: string | undefined): Map<DayNumber, string> {
  const formats = formatsOf(locale);
  const texts = new Map<DayNumber, string>();
  let previousYear: string | undefined;
  for (const day of days) {
    const iso = dayToIsoDate(day);
    const year = iso.slice(0, 4);
    const withYear = year !== previousYear;
    const format = monthly ? (withYear ? formats.monthOfYear : formats.month) : withYear ? formats.dayOfYear : formats.day;
    texts.set(day, format.format(new Date(`${iso}T00:00:00Z`)));
    previousYear = year;
  }
  return texts;
}

/**
 * The labels of a date axis from `from` to `to` (the selected period, so the axis shows the whole period,
 * not only the days that have data), at most `maxTicks` of them. Long periods are labelled at the first of
 * a month, every one, two, three, six or twelve months (or years) (counted from January, so a quarter starts in
 * January, April…); short ones every few days, a step of weeks on the first day of the project's weeks (the
 * day after `weekEndsOn`). The first label and the first label of each new year carry the year ("Jan 2026",
 * then "Apr", "Jul"…), so a period across a year boundary reads unambiguously. Labels are written as the
 * reader's locale writes dates, or as `locale` does.
 */
export function dateAxis(from: DayNumber, to: DayNumber, weekEndsOn: WeekdayName, maxTicks = 7, locale?: string): DateAxis {
  const monthly = to - from >= MONTHS_FROM_DAYS;
  const ticks = monthly ? monthTicks(from, to, maxTicks) : dayTicks(from, to, weekEndsOn, maxTicks);
  const texts = labelTexts(ticks, monthly, locale);
  return { ticks, label: (day) => texts.get(day) ?? dayToIsoDate(day) };
}

function monthTicks(from: DayNumber, to: DayNumber, maxTicks: number): DayNumber[] {
  const firsts: Array<{ day: DayNumber; monthIndex: number }> = [];
  const [year, month] = dayToIsoDate(from).split('-').map(Number) as [number, number];
  for (let k = 0; ; k++) {
    const monthIndex = month - 1 + k;
    const day = isoDateToDay(
      `${String(year + Math.floor(monthIndex / 12)).padStart(4, '0')}-${String((monthIndex % 12) + 1).padStart(2, '0')}-01`,
    )!;
    if (day > to) break;
    if (day >= from) firsts.push({ day, monthIndex });
  }
  const step = monthStep(
    firsts.map((first) => first.monthIndex),
    maxTicks,
  );
  return firsts.filter((first) => first.monthIndex % step === 0).map((first) => first.day);
}

/**
 * The step of months (of `MONTH_STEPS`, or else whole decades) whose multiples among `months` (counted from
 * January) are at most `maxTicks`.
 */
function monthStep(months: readonly number[], maxTicks: number): number {
  const fits = (step: number) => months.filter((month) => month % step === 0).length <= maxTicks;
  const step = MONTH_STEPS.find(fits);
  if (step !== undefined) return step;
  let decades = 1;
  while (!fits(120 * decades)) decades++;
  return 120 * decades;
}

/**
 * Labelled days of a short period: every day or every other one from its first day; a step of weeks on the
 * first days of the project's weeks in it (Mondays for weeks ending on Sunday, the conventions' default;
 * Saturdays for weeks ending on Friday), so a week is read from its start wherever the period begins. A span
 * holding no such day is labelled on its first day.
 */
function dayTicks(from: DayNumber, to: DayNumber, weekEndsOn: WeekdayName, maxTicks: number): DayNumber[] {
  const span = to - from;
  const step = DAY_STEPS.find((s) => Math.floor(span / s) + 1 <= maxTicks) ?? Math.ceil(span / Math.max(1, maxTicks - 1));
  const start = step % 7 === 0 ? weekStartFrom(from, weekEndsOn) : from;
  if (start > to) return [from];
  return Array.from({ length: Math.floor((to - start) / step) + 1 }, (_, k) => start + k * step);
}

/** The labelled points of a chart whose points stand for days, weeks or months, and how each is written. */
export interface PointAxis {
  /** The indices of the points labelled. */
  indices: number[];
  label: (index: number) => string;
}

/** Week steps a reader counts in: every week, two, four, eight, a quarter (13), a half year, a year, two, five. */
const WEEK_STEPS = [1, 2, 4, 8, 13, 26, 52, 104, 260];
/** The months a step of weeks stands for, so its labels start on the week that holds the first of such a month. */
const MONTHS_PER_WEEK_STEP: Record<number, number> = { 4: 1, 8: 2, 13: 3, 26: 6, 52: 12, 104: 24, 260: 60 };

/** The month of `day` counted from year 0 (January 2026 is 2026 × 12), and its day of the month. */
function monthAndDate(day: DayNumber): { monthIndex: number; date: number } {
  const [year, month, date] = dayToIsoDate(day).split('-').map(Number) as [number, number, number];
  return { monthIndex: year * 12 + month - 1, date };
}

/**
 * The labels of a chart of points that stand for consecutive days, weeks or months, each given by its first
 * day (`days`, ascending; the first period may start late, cut by the selected period), at most `maxTicks`.
 * Labels fall on calendar boundaries, evenly: a run of days as `dateAxis` labels it (the first of every
 * month or quarter, or every few days, a step of weeks on the project's week starts: the day after
 * `weekEndsOn`); months at the first of every one, two, three, six or twelve months counted from January;
 * weeks every one, two, four, thirteen… weeks, from the week that holds the first of a month (or quarter, or
 * year), or else from the first whole week. The first label and the first of each new year carry the year,
 * in the reader's locale (or `locale`).
 */
export function pointAxis(days: readonly DayNumber[], weekEndsOn: WeekdayName, maxTicks = 7, locale?: string): PointAxis {
  if (days.length === 0) return { indices: [], label: () => '' };
  // The spacing of whole periods: the closest two after the first, which may be cut short. A trend may leave
  // out periods without data (weeks without a merged pull request): its other periods are still weeks.
  const spacing =
    days.length >= 3 ? Math.min(...days.slice(2).map((day, k) => day - days[k + 1]!)) : days.length === 2 ? days[1]! - days[0]! : 1;
  if (spacing <= 1) {
    const axis = dateAxis(days[0]!, days.at(-1)!, weekEndsOn, maxTicks, locale);
    const indexOf = new Map(days.map((day, i) => [day, i]));
    const indices = axis.ticks.flatMap((tick) => indexOf.get(tick) ?? []);
    return { indices, label: (i) => (indices.includes(i) ? axis.label(days[i]!) : '') };
  }
  const monthly = spacing >= 28;
  const indices = monthly ? monthIndices(days, maxTicks) : weekIndices(days, weekEndsOn, maxTicks);
  const texts = labelTexts(
    indices.map((i) => days[i]!),
    monthly,
    locale,
  );
  return { indices, label: (i) => texts.get(days[i]!) ?? '' };
}

function monthIndices(days: readonly DayNumber[], maxTicks: number): number[] {
  const months = days.map((day) => monthAndDate(day).monthIndex);
  const step = monthStep(months, maxTicks);
  const indices = months.flatMap((month, i) => (month % step === 0 ? [i] : []));
  return indices.length > 0 ? indices : [0];
}

/**
 * The labelled weeks: every `step`-th from the whole week that holds the first of a month the step counts in, or
 * else from the first whole week: a first week cut short by the period does not start where a week starts, and
 * its label would stand fewer days before the next than the step's other labels do.
 */
function weekIndices(days: readonly DayNumber[], weekEndsOn: WeekdayName, maxTicks: number): number[] {
  const last = days.length - 1;
  const step = WEEK_STEPS.find((s) => Math.floor(last / s) + 1 <= maxTicks) ?? Math.ceil(last / Math.max(1, maxTicks - 1));
  const months = MONTHS_PER_WEEK_STEP[step];
  const whole = days.findIndex((day, i) => i < step && weekStartFrom(day, weekEndsOn) === day);
  let first = step > 1 && whole > 0 ? whole : 0;
  if (months !== undefined) {
    // The first week that holds the first of a month the step counts in (its last day is then within its month's first week).
    const holdsMonthStart = (i: number) => {
      const end = monthAndDate(Math.min(days[i]! + 6, (days[i + 1] ?? Infinity) - 1));
      return end.date <= 7 && end.monthIndex % months === 0;
    };
    // Among whole weeks only: a cut-short first week holding the 1st would bring back its uneven gap.
    const anchor = days.findIndex((_, i) => i >= first && i < step && holdsMonthStart(i));
    if (anchor >= 0) first = anchor;
  }
  return Array.from({ length: Math.floor((last - first) / step) + 1 }, (_, k) => first + k * step);
}
