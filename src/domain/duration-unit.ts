/**
 * Turning a start and an end into a number in the configured unit.
 *
 * - `days-inclusive`: end date − start date + 1. Same-day work took 1 day. With a business calendar, the
 *   working days from the start date to the end date, both included, and at least 1: an item worked on only
 *   during a weekend still took a day.
 * - `days-exclusive`: end date − start date. Same-day work took 0 days. With a business calendar, the
 *   working days after the start date up to and including the end date.
 * - `hours`: exact elapsed time between the two instants, in hours (the calendar does not apply).
 *
 * Dates are calendar days in the report's time zone, so "days" means what the team means by a day.
 * Elapsed measures (time in status, blocked time) use `elapsed`: exact fractional days or hours.
 */
import { MS_PER_DAY, MS_PER_HOUR, type DayNumber } from './calendar-day';

// Local copies for per-item calls (see calendar-day.ts).
const HOUR_MS = MS_PER_HOUR;
import { WorkingDays } from './business-calendar';
import type { DurationUnit } from './conventions';

export class DurationMeasure {
  constructor(
    readonly unit: DurationUnit,
    private readonly workingDays: WorkingDays = new WorkingDays(),
  ) {}

  /** The duration from start to end; `startMs`/`endMs` are only read for hours, the days for day units. */
  between(startMs: number, endMs: number, startDay: DayNumber, endDay: DayNumber): number {
    switch (this.unit) {
      case 'days-inclusive':
        return this.workingDays.everyDay ? endDay - startDay + 1 : Math.max(1, this.workingDays.count(startDay, endDay));
      case 'days-exclusive':
        return this.workingDays.everyDay ? endDay - startDay : this.workingDays.count(startDay + 1, endDay);
      case 'hours':
        return (endMs - startMs) / HOUR_MS;
    }
  }

  /** An elapsed time in milliseconds, in this unit's scale: hours for `hours`, fractional days otherwise. */
  elapsed(ms: number): number {
    return this.unit === 'hours' ? ms / HOUR_MS : ms / MS_PER_DAY;
  }

  /** Whether values are whole numbers (days) or continuous (hours). */
  get discrete(): boolean {
    return this.unit !== 'hours';
  }
}
