/**
 * Calendar days as plain integers.
 *
 * Every day-based metric (throughput, WIP, cumulative flow, cycle time in days) works on "day numbers":
 * the number of days since 1970-01-01 in some time zone's calendar. Integers are cheap to compare, to use as
 * array indices and to store, and they avoid creating a Date per item in hot loops. Converting an instant to
 * a day number needs a time zone (see `time-zone.ts`); everything in this file is pure calendar arithmetic
 * (proleptic Gregorian calendar, the one ISO 8601 uses).
 */

/** Days since 1970-01-01 in a given calendar. 1970-01-01 is day 0. */
export type DayNumber = number;

/**
 * Marks "no day" in Int32Array columns (an item never started, never finished...). It is below every real
 * day, so a range test on day numbers also excludes it.
 *
 * Hot loops copy this, the constants below and the functions they call per item into local bindings: where
 * modules are compiled to CommonJS (tsx, jest), every read of an imported binding goes through a getter,
 * which costs more than the loop body.
 */
export const NO_DAY = -2147483648;

export const MS_PER_DAY = 86_400_000;
export const MS_PER_HOUR = 3_600_000;

/** 0 = Sunday ... 6 = Saturday, as `Date.prototype.getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

/** Day number of a calendar date. Month is 1-12. Works for any year, including before 1970. */
export function dayFromCivil(year: number, month: number, day: number): DayNumber {
  // Shift the year so it starts in March: the leap day is then the last day of the shifted year,
  // which makes the day-of-year formula independent of leap years.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The calendar date of a day number (inverse of `dayFromCivil`). */
export function civilFromDay(dayNumber: DayNumber): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `YYYY-MM-DD` for a day number. */
export function dayToIsoDate(dayNumber: DayNumber): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a `YYYY-MM-DD` string, or null when it is not a real calendar date (e.g. 2025-02-30). */
export function isoDateToDay(text: string): DayNumber | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayFromCivil(year, month, day);
}

/** Day of the week of a day number. 1970-01-01 was a Thursday. */
export function weekdayOf(dayNumber: DayNumber): Weekday {
  return ((((dayNumber + 4) % 7) + 7) % 7) as Weekday;
}

/** First day of the month that contains `dayNumber`. */
export function monthStartOf(dayNumber: DayNumber): DayNumber {
  const { year, month } = civilFromDay(dayNumber);
  return dayFromCivil(year, month, 1);
}

/** First day of the month after the one that contains `dayNumber`. */
export function nextMonthStartOf(dayNumber: DayNumber): DayNumber {
  const { year, month } = civilFromDay(dayNumber);
  return month === 12 ? dayFromCivil(year + 1, 1, 1) : dayFromCivil(year, month + 1, 1);
}

/**
 * Formats many day numbers, remembering each string: reports print the same few thousand dates for
 * hundreds of thousands of items. The cache is an array indexed by day, so a lookup is one read.
 */
export class IsoDateLabels {
  private base = 0;
  private cache: (string | undefined)[] = [];

  label(dayNumber: DayNumber): string {
    const index = dayNumber - this.base;
    let text = index >= 0 && index < this.cache.length ? this.cache[index] : undefined;
    if (text === undefined) {
      text = dayToIsoDate(dayNumber);
      this.remember(dayNumber, text);
    }
    return text;
  }

  /** The label, or null for `NO_DAY`. */
  labelOrNull(dayNumber: DayNumber): string | null {
    return dayNumber === NO_DAY ? null : this.label(dayNumber);
  }

  private remember(dayNumber: DayNumber, text: string): void {
    if (this.cache.length === 0) this.base = dayNumber - 4096;
    const index = dayNumber - this.base;
    // Dates far outside the cached span (decades away) are simply not cached.
    if (index < 0 || index >= 65_536) return;
    while (this.cache.length <= index) this.cache.push(undefined);
    this.cache[index] = text;
  }
}
