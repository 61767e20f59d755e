import { dayToIsoDate, isoDateToDay } from './calendar-day';
import { periodOfDay, periodStartOf, reportingPeriods, weekEndOf } from './reporting-period';

const day = (text: string) => isoDateToDay(text)!;
const labels = (periods: ReturnType<typeof reportingPeriods>) =>
  Array.from(periods.starts, (start, p) => `${dayToIsoDate(start)}..${dayToIsoDate(periods.ends[p]!)}`);

describe('reporting periods', () => {
  // Wednesday 5 March to Thursday 20 March 2025.
  const window = { from: day('2025-03-05'), to: day('2025-03-20') };

  it('weeks end on Sunday by default, clipped to the window', () => {
    expect(labels(reportingPeriods(window, 'week'))).toEqual([
      '2025-03-05..2025-03-09',
      '2025-03-10..2025-03-16',
      '2025-03-17..2025-03-20',
    ]);
  });

  it('weeks can end on another day', () => {
    expect(labels(reportingPeriods(window, 'week', 'wednesday'))).toEqual([
      '2025-03-05..2025-03-05',
      '2025-03-06..2025-03-12',
      '2025-03-13..2025-03-19',
      '2025-03-20..2025-03-20',
    ]);
    expect(dayToIsoDate(weekEndOf(day('2025-03-05'), 'wednesday'))).toBe('2025-03-05');
    expect(dayToIsoDate(periodStartOf(day('2025-03-05'), 'week', 'sunday'))).toBe('2025-03-03');
  });

  it('months are calendar months, days are days', () => {
    expect(labels(reportingPeriods({ from: day('2024-01-15'), to: day('2024-03-02') }, 'month'))).toEqual([
      '2024-01-15..2024-01-31',
      '2024-02-01..2024-02-29',
      '2024-03-01..2024-03-02',
    ]);
    expect(reportingPeriods(window, 'day').starts.length).toBe(16);
    expect(dayToIsoDate(periodStartOf(day('2024-02-17'), 'month'))).toBe('2024-02-01');
  });

  it('maps each day of the window to its period', () => {
    const periods = reportingPeriods(window, 'week');
    expect(periodOfDay(periods, day('2025-03-09'))).toBe(0);
    expect(periodOfDay(periods, day('2025-03-10'))).toBe(1);
    expect(periodOfDay(periods, day('2025-03-21'))).toBe(-1);
    expect(periodOfDay(periods, day('2025-03-04'))).toBe(-1);
  });
});
