import { MS_PER_DAY, MS_PER_HOUR } from '../../../src/domain';
import type { Prng } from './prng';

// Read once into module scope: under test runners that evaluate code in a VM context every global
// look-up (`Math`) is slow, and these sit in the generator's innermost loops.
const { floor, ceil } = Math;

export const MINUTE_MS = 60_000;

const WORKDAY = 0;
const WEEKEND = 1;
const HOLIDAY = 2;

/** Office hours in UTC: the demo team works 08:00–18:00. */
const DAY_START_HOUR = 8;
const DAY_LENGTH_HOURS = 10;

/**
 * When people work, over the demo window: weekdays, quieter weekends, and holidays with no activity at all
 * (Christmas to New Year), so charts show the dips real teams have. Day kinds are precomputed once per day
 * so the generator never builds `Date` objects in its inner loop.
 */
export class WorkCalendar {
  private readonly kinds: Uint8Array;
  readonly startMs: number;

  /** `startMs` is rounded down to a UTC midnight; the calendar covers whole days up to `endMs`. */
  constructor(
    startMs: number,
    readonly endMs: number,
    private readonly weekendWorkChance = 0.08,
  ) {
    this.startMs = floor(startMs / MS_PER_DAY) * MS_PER_DAY;
    const days = ceil((endMs - this.startMs) / MS_PER_DAY) + 60;
    this.kinds = new Uint8Array(days);
    for (let d = 0; d < days; d++) {
      const date = new Date(this.startMs + d * MS_PER_DAY);
      const weekday = date.getUTCDay();
      this.kinds[d] = isHoliday(date) ? HOLIDAY : weekday === 0 || weekday === 6 ? WEEKEND : WORKDAY;
    }
  }

  dayIndex(t: number): number {
    return floor((t - this.startMs) / MS_PER_DAY);
  }

  dayStart(dayIndex: number): number {
    return this.startMs + dayIndex * MS_PER_DAY;
  }

  private kind(dayIndex: number): number {
    return this.kinds[dayIndex] ?? WORKDAY;
  }

  isWorkday(dayIndex: number): boolean {
    return this.kind(dayIndex) === WORKDAY;
  }

  isHoliday(dayIndex: number): boolean {
    return this.kind(dayIndex) === HOLIDAY;
  }

  isWeekend(dayIndex: number): boolean {
    return this.kind(dayIndex) === WEEKEND;
  }

  /** Index of the first workday at or after `dayIndex`. */
  nextWorkday(dayIndex: number): number {
    let d = dayIndex;
    while (!this.isWorkday(d)) d++;
    return d;
  }

  /** A random moment within office hours of the given day. */
  officeMoment(dayIndex: number, rng: Prng): number {
    return this.dayStart(dayIndex) + DAY_START_HOUR * MS_PER_HOUR + floor(rng.next() * DAY_LENGTH_HOURS * MS_PER_HOUR);
  }

  /**
   * Moves a moment into time someone would plausibly act: never on a holiday, rarely on a weekend (unless
   * `weekendShift` says someone is working through it), and mostly within office hours.
   */
  snap(t: number, rng: Prng, weekendShift = false): number {
    const d = this.dayIndex(t);
    if (this.isHoliday(d)) return this.officeMoment(this.nextWorkday(d), rng);
    if (this.isWeekend(d) && !weekendShift) {
      return rng.chance(this.weekendWorkChance) ? t : this.officeMoment(this.nextWorkday(d), rng);
    }
    const hour = (t - this.dayStart(d)) / MS_PER_HOUR;
    if (hour >= DAY_START_HOUR && hour < DAY_START_HOUR + DAY_LENGTH_HOURS) return t;
    if (rng.chance(0.1)) return t;
    return hour < DAY_START_HOUR ? this.officeMoment(d, rng) : this.officeMoment(this.nextWorkday(d + 1), rng);
  }

  /**
   * Adds a span of working days: each calendar week has five (and now and then someone works a Saturday),
   * so the span stretches over weekends, and a holiday in the way pushes the moment past it.
   */
  advance(t: number, workingDays: number, rng: Prng): number {
    let d = this.dayIndex(t);
    const startOffset = t - this.dayStart(d);
    let whole = floor(workingDays);
    let weekendShift = false;
    while (whole > 0) {
      d++;
      weekendShift = this.isWeekend(d) && rng.chance(this.weekendWorkChance);
      if (this.isWorkday(d) || weekendShift) whole--;
    }
    const partial = (workingDays - floor(workingDays)) * DAY_LENGTH_HOURS * MS_PER_HOUR;
    return this.snap(this.dayStart(d) + startOffset + partial, rng, weekendShift);
  }
}

/** Christmas to New Year: the whole team is off, so nothing moves. */
function isHoliday(date: Date): boolean {
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  return (month === 11 && day >= 24) || (month === 0 && day === 1);
}
