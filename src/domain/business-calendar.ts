/**
 * Working days, for teams that want day counts to skip weekends and holidays.
 *
 * By default every calendar day counts (Kanban practice: the customer waits on Saturdays too). A team that
 * does not work weekends can name its working weekdays and holidays; day-based cycle times, lead times and
 * ages then count only working days. Elapsed-time measures (hours, time in status, blocked time) are not
 * affected: they measure the clock, not the calendar.
 *
 * Counting is O(log holidays) per call (whole weeks by arithmetic, holidays by binary search), so it can run
 * once per item without a per-day table.
 */
import { isoDateToDay, weekdayOf, WEEKDAY_NAMES, type DayNumber, type WeekdayName } from './calendar-day';

export interface BusinessCalendar {
  /** Weekdays that are worked. Default: all seven. */
  workingDays: readonly WeekdayName[];
  /** Non-working dates (`YYYY-MM-DD`), in the report's time zone. */
  holidays: readonly string[];
}

export const EVERY_DAY_CALENDAR: BusinessCalendar = Object.freeze({
  workingDays: WEEKDAY_NAMES,
  holidays: [],
});

export class WorkingDays {
  /** True for each weekday (0 = Sunday) that is worked. */
  private readonly worked: readonly boolean[];
  private readonly perWeek: number;
  /** Holidays that fall on worked weekdays, sorted, unique. */
  private readonly holidays: Int32Array;
  /** True when every day is a working day: counting is then plain subtraction. */
  readonly everyDay: boolean;

  /** @throws Error when a holiday is not a `YYYY-MM-DD` date. */
  constructor(calendar: BusinessCalendar = EVERY_DAY_CALENDAR) {
    this.worked = WEEKDAY_NAMES.map((name) => calendar.workingDays.includes(name));
    this.perWeek = this.worked.filter(Boolean).length;
    const days = new Set<number>();
    for (const text of calendar.holidays) {
      const day = isoDateToDay(text);
      if (day === null) throw new Error(`holiday "${text}" is not a YYYY-MM-DD date`);
      if (this.worked[weekdayOf(day)]) days.add(day);
    }
    this.holidays = Int32Array.from([...days].sort((a, b) => a - b));
    this.everyDay = this.perWeek === 7 && this.holidays.length === 0;
  }

  isWorkingDay(day: DayNumber): boolean {
    return this.worked[weekdayOf(day)] === true && !this.isHoliday(day);
  }

  /** Working days in [from, to], both inclusive; 0 when to < from. */
  count(from: DayNumber, to: DayNumber): number {
    if (to < from) return 0;
    const length = to - from + 1;
    if (this.everyDay) return length;
    const weeks = Math.floor(length / 7);
    let total = weeks * this.perWeek;
    for (let day = from + weeks * 7; day <= to; day++) if (this.worked[weekdayOf(day)]) total++;
    return total - (this.lowerBound(to + 1) - this.lowerBound(from));
  }

  private isHoliday(day: DayNumber): boolean {
    const index = this.lowerBound(day);
    return index < this.holidays.length && this.holidays[index] === day;
  }

  /** Index of the first holiday ≥ day. */
  private lowerBound(day: DayNumber): number {
    let low = 0;
    let high = this.holidays.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.holidays[mid]! < day) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
