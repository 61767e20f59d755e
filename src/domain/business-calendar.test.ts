import fc from 'fast-check';
import { isoDateToDay } from './calendar-day';
import { WorkingDays } from './business-calendar';

const day = (text: string) => isoDateToDay(text)!;
const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

describe('WorkingDays', () => {
  it('counts every day by default', () => {
    const calendar = new WorkingDays();
    expect(calendar.everyDay).toBe(true);
    expect(calendar.count(day('2025-03-01'), day('2025-03-31'))).toBe(31);
    expect(calendar.count(day('2025-03-05'), day('2025-03-04'))).toBe(0);
  });

  it('skips weekends: Monday 3 March to Sunday 16 March 2025 holds 10 working days', () => {
    const calendar = new WorkingDays({ workingDays: weekdays, holidays: [] });
    expect(calendar.count(day('2025-03-03'), day('2025-03-16'))).toBe(10);
    expect(calendar.count(day('2025-03-08'), day('2025-03-09'))).toBe(0); // a weekend
    expect(calendar.count(day('2025-03-07'), day('2025-03-10'))).toBe(2); // Friday and Monday
    expect(calendar.isWorkingDay(day('2025-03-08'))).toBe(false);
  });

  it('skips holidays that fall on working days, and only those', () => {
    const calendar = new WorkingDays({ workingDays: weekdays, holidays: ['2025-03-05', '2025-03-08', '2025-03-05'] });
    expect(calendar.count(day('2025-03-03'), day('2025-03-09'))).toBe(4); // Wednesday off; Saturday was off anyway
    expect(calendar.isWorkingDay(day('2025-03-05'))).toBe(false);
    expect(calendar.count(day('2025-03-06'), day('2025-03-09'))).toBe(2);
  });

  it('rejects holidays that are not dates', () => {
    expect(() => new WorkingDays({ workingDays: weekdays, holidays: ['2025-02-30'] })).toThrow('2025-02-30');
  });

  it('agrees with counting day by day', () => {
    fc.assert(
      fc.property(
        fc.subarray(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const),
        fc.array(fc.integer({ min: 20_000, max: 20_060 }), { maxLength: 8 }),
        fc.integer({ min: 19_990, max: 20_070 }),
        fc.integer({ min: 0, max: 40 }),
        (workingDays, holidayDays, from, length) => {
          const holidays = holidayDays.map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
          const calendar = new WorkingDays({ workingDays, holidays });
          let expected = 0;
          for (let d = from; d < from + length; d++) if (calendar.isWorkingDay(d)) expected++;
          expect(calendar.count(from, from + length - 1)).toBe(expected);
        },
      ),
    );
  });
});
