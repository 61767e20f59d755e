/**
 * Which calendar day an instant falls on, in a named IANA time zone.
 *
 * Teams read "done on Tuesday" in their own time zone: an item finished at 23:30 in Sydney on a Tuesday is a
 * Tuesday item, even though it is still Tuesday morning in UTC. So every date in a report is taken in one
 * named zone (the Jira site's, UTC by default), with daylight-saving time handled by the platform's own
 * time-zone database through `Intl`, which exists in Node and in every browser.
 *
 * `Intl` is slow (microseconds per call), so offsets are computed once per UTC day and cached: almost every
 * UTC day has a single offset, and for the one or two days a year that contain a daylight-saving switch the
 * exact instant of the switch is found once by bisection and remembered. Looking up a day is then an array
 * read, cheap enough for a million transitions.
 */
import { MS_PER_DAY, type DayNumber } from './calendar-day';

export const DEFAULT_TIME_ZONE = 'UTC';

/** True when the runtime knows this IANA time zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const INITIAL_CAPACITY = 4096;

export class ZonedDays {
  readonly timeZone: string;
  private readonly format: Intl.DateTimeFormat | null;
  /** Cache, indexed by UTC day − base: the offset at the day's start, and if it changes during the day,
   * the instant it changes and the offset after. NaN marks "not computed yet" / "no change". */
  private base = 0;
  private startOffset: Float64Array = new Float64Array(0);
  private switchAt: Float64Array = new Float64Array(0);
  private endOffset: Float64Array = new Float64Array(0);

  /** @throws RangeError for a time zone the runtime does not know. */
  constructor(timeZone: string = DEFAULT_TIME_ZONE) {
    this.timeZone = timeZone;
    // UTC needs no lookups at all: the common default stays as fast as plain arithmetic. Named "UTC" it is
    // known without asking Intl, whose first use loads the time-zone data (60 ms of a command's run).
    if (timeZone === 'UTC') {
      this.format = null;
      return;
    }
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    this.format = format.resolvedOptions().timeZone === 'UTC' ? null : format;
  }

  /** The local calendar day of an instant. */
  dayOf(epochMs: number): DayNumber {
    return Math.floor((epochMs + this.offsetAt(epochMs)) / MS_PER_DAY);
  }

  /**
   * The first instant of a local calendar day: its midnight, or where daylight-saving time skips midnight
   * (some zones switch at 00:00), the instant the day begins. Found by bisection on `dayOf`, which is
   * exact whatever the offsets: no zone is more than 14 hours from UTC, so the day begins within 26 hours
   * of its UTC midnight.
   */
  startOfDay(day: DayNumber): number {
    let before = day * MS_PER_DAY - 26 * 3_600_000; // still the day before, in every zone
    let from = day * MS_PER_DAY + 26 * 3_600_000; // already the day, or later, in every zone
    while (from - before > 1) {
      const mid = before + Math.floor((from - before) / 2);
      if (this.dayOf(mid) < day) before = mid;
      else from = mid;
    }
    return from;
  }

  /** Local time minus UTC, in milliseconds, at an instant. */
  offsetAt(epochMs: number): number {
    if (this.format === null) return 0;
    const utcDay = Math.floor(epochMs / MS_PER_DAY);
    let index = utcDay - this.base;
    if (index < 0 || index >= this.startOffset.length) {
      this.grow(utcDay);
      index = utcDay - this.base;
    }
    let start = this.startOffset[index]!;
    if (Number.isNaN(start)) {
      this.fill(index, utcDay);
      start = this.startOffset[index]!;
    }
    const switchAt = this.switchAt[index]!;
    if (Number.isNaN(switchAt) || epochMs < switchAt) return start;
    return this.endOffset[index]!;
  }

  private grow(utcDay: number): void {
    const oldLength = this.startOffset.length;
    if (oldLength === 0) {
      this.base = utcDay - INITIAL_CAPACITY / 2;
      this.startOffset = new Float64Array(INITIAL_CAPACITY).fill(NaN);
      this.switchAt = new Float64Array(INITIAL_CAPACITY).fill(NaN);
      this.endOffset = new Float64Array(INITIAL_CAPACITY).fill(NaN);
      return;
    }
    const oldEnd = this.base + oldLength;
    const newBase = Math.min(this.base, utcDay - oldLength);
    const newEnd = Math.max(oldEnd, utcDay + oldLength);
    const copy = (old: Float64Array): Float64Array => {
      const next = new Float64Array(newEnd - newBase).fill(NaN);
      next.set(old, this.base - newBase);
      return next;
    };
    this.startOffset = copy(this.startOffset);
    this.switchAt = copy(this.switchAt);
    this.endOffset = copy(this.endOffset);
    this.base = newBase;
  }

  private fill(index: number, utcDay: number): void {
    const dayStart = utcDay * MS_PER_DAY;
    const dayEnd = dayStart + MS_PER_DAY;
    const before = this.computeOffset(dayStart);
    const after = this.computeOffset(dayEnd);
    this.startOffset[index] = before;
    if (before === after) return;
    // Bisect to the second at which the offset changes (zones switch on whole seconds).
    let low = dayStart;
    let high = dayEnd;
    while (high - low > 1000) {
      const mid = low + Math.floor((high - low) / 2000) * 1000;
      if (this.computeOffset(mid) === before) low = mid;
      else high = mid;
    }
    this.switchAt[index] = high;
    this.endOffset[index] = after;
  }

  private computeOffset(epochMs: number): number {
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const part of this.format!.formatToParts(epochMs)) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          second = Number(part.value);
          break;
        default:
          break;
      }
    }
    const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
    return wallClock - (epochMs - (((epochMs % 1000) + 1000) % 1000));
  }
}
