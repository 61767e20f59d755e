import fc from 'fast-check';
import {
  civilFromDay,
  dayFromCivil,
  dayToIsoDate,
  daysInMonth,
  IsoDateLabels,
  isoDateToDay,
  monthStartOf,
  nextMonthStartOf,
  NO_DAY,
  weekdayOf,
} from './calendar-day';

describe('day numbers', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(dayFromCivil(1970, 1, 2)).toBe(1);
    expect(dayFromCivil(1969, 12, 31)).toBe(-1);
    // 2000-03-01: 30 years of 365 days + 7 leap days (72, 76, 80, 84, 88, 92, 96) + Jan 31 + Feb 29 = 11017.
    expect(dayFromCivil(2000, 3, 1)).toBe(30 * 365 + 7 + 31 + 29);
  });

  it('agrees with Date.UTC across four centuries, both ways', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const date = new Date(day * 86_400_000);
        const civil = civilFromDay(day);
        expect(civil).toEqual({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
        expect(dayFromCivil(civil.year, civil.month, civil.day)).toBe(day);
      }),
    );
  });

  it('knows leap years and month lengths', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });

  it('names weekdays (1970-01-01 was a Thursday)', () => {
    expect(weekdayOf(0)).toBe(4);
    expect(weekdayOf(-1)).toBe(3);
    expect(weekdayOf(isoDateToDay('2025-03-03')!)).toBe(1); // a Monday
    expect(weekdayOf(isoDateToDay('2025-03-09')!)).toBe(0); // a Sunday
  });

  it('finds month boundaries', () => {
    const day = isoDateToDay('2024-02-17')!;
    expect(dayToIsoDate(monthStartOf(day))).toBe('2024-02-01');
    expect(dayToIsoDate(nextMonthStartOf(day))).toBe('2024-03-01');
    expect(dayToIsoDate(nextMonthStartOf(isoDateToDay('2024-12-31')!))).toBe('2025-01-01');
  });
});

describe('ISO dates', () => {
  it('round-trips', () => {
    expect(dayToIsoDate(0)).toBe('1970-01-01');
    expect(isoDateToDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    expect(dayToIsoDate(isoDateToDay('2031-07-04')!)).toBe('2031-07-04');
  });

  it('rejects dates that do not exist', () => {
    expect(isoDateToDay('2025-02-29')).toBeNull();
    expect(isoDateToDay('2025-13-01')).toBeNull();
    expect(isoDateToDay('2025-04-31')).toBeNull();
    expect(isoDateToDay('2025-4-1')).toBeNull();
    expect(isoDateToDay('yesterday')).toBeNull();
  });

  it('labels are cached and correct in any order', () => {
    const labels = new IsoDateLabels();
    const later = isoDateToDay('2030-01-01')!;
    expect(labels.label(later)).toBe('2030-01-01');
    expect(labels.label(0)).toBe('1970-01-01'); // far before the first label
    expect(labels.label(later - 1)).toBe('2029-12-31');
    expect(labels.label(later)).toBe('2030-01-01');
    expect(labels.labelOrNull(NO_DAY)).toBeNull();
  });
});
