import { dayToIsoDate, isoDateToDay, type DayNumber } from '../../../../src/domain';

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
 * How each label is written, as the reader's locale writes it ("Mar 12, 2026" in en-US, "12. März 2026" in de-DE),
 * with the year or without. Made once: `toLocaleDateString` would build a formatter for every label drawn.
 */
const FORMATS = {
  month: new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' }),
  monthOfYear: new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
  day: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  dayOfYear: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/**
 * The labels of a date axis from `from` to `to` (the selected period, so the axis shows the whole period,
 * not only the days that have data), at most `maxTicks` of them. Long periods are labelled at the first of
 * a month, every one, two, three, six or twelve months (or years) (counted from January, so a quarter starts in
 * January, April…); short ones every few days. The first label and the first label of each new year carry
 * the year ("Jan 2026", then "Apr", "Jul"…), so a period across a year boundary reads unambiguously.
 */
export function dateAxis(from: DayNumber, to: DayNumber, maxTicks = 7): DateAxis {
  const ticks = to - from >= MONTHS_FROM_DAYS ? monthTicks(from, to, maxTicks) : dayTicks(from, to, maxTicks);
  const monthly = to - from >= MONTHS_FROM_DAYS;
  const texts = new Map<DayNumber, string>();
  let previousYear: string | undefined;
  for (const day of ticks) {
    const iso = dayToIsoDate(day);
    const year = iso.slice(0, 4);
    const withYear = year !== previousYear;
    const format = monthly ? (withYear ? FORMATS.monthOfYear : FORMATS.month) : withYear ? FORMATS.dayOfYear : FORMATS.day;
    texts.set(day, format.format(new Date(`${iso}T00:00:00Z`)));
    previousYear = year;
  }
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
  const step = MONTH_STEPS.find((s) => firsts.filter((first) => first.monthIndex % s === 0).length <= maxTicks) ?? MONTH_STEPS.at(-1)!;
  return firsts.filter((first) => first.monthIndex % step === 0).map((first) => first.day);
}

function dayTicks(from: DayNumber, to: DayNumber, maxTicks: number): DayNumber[] {
  const span = to - from;
  const step = DAY_STEPS.find((s) => Math.floor(span / s) + 1 <= maxTicks) ?? Math.ceil(span / Math.max(1, maxTicks - 1));
  return Array.from({ length: Math.floor(span / step) + 1 }, (_, k) => from + k * step);
}
