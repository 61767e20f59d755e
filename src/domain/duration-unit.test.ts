import { isoDateToDay } from './calendar-day';
import { WorkingDays } from './business-calendar';
import { DurationMeasure } from './duration-unit';

const day = (text: string) => isoDateToDay(text)!;
const ms = (text: string) => Date.parse(text);

describe('DurationMeasure', () => {
  // Started Friday 7 March 2025 at 16:00, done Monday 10 March at 10:00.
  const start = ms('2025-03-07T16:00:00Z');
  const end = ms('2025-03-10T10:00:00Z');
  const startDay = day('2025-03-07');
  const endDay = day('2025-03-10');

  it('days-inclusive counts both the first and the last day', () => {
    expect(new DurationMeasure('days-inclusive').between(start, end, startDay, endDay)).toBe(4);
    expect(new DurationMeasure('days-inclusive').between(start, start, startDay, startDay)).toBe(1);
  });

  it('days-exclusive counts date differences', () => {
    expect(new DurationMeasure('days-exclusive').between(start, end, startDay, endDay)).toBe(3);
    expect(new DurationMeasure('days-exclusive').between(start, start, startDay, startDay)).toBe(0);
  });

  it('hours is exact elapsed time', () => {
    expect(new DurationMeasure('hours').between(start, end, startDay, endDay)).toBe(66);
  });

  it('with a business calendar, day units count working days only', () => {
    const weekdays = new WorkingDays({ workingDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], holidays: [] });
    expect(new DurationMeasure('days-inclusive', weekdays).between(start, end, startDay, endDay)).toBe(2); // Fri + Mon
    expect(new DurationMeasure('days-exclusive', weekdays).between(start, end, startDay, endDay)).toBe(1); // Mon
    expect(new DurationMeasure('hours', weekdays).between(start, end, startDay, endDay)).toBe(66); // clock time
    // Worked only on a Saturday: still at least one day when inclusive.
    const saturday = day('2025-03-08');
    expect(new DurationMeasure('days-inclusive', weekdays).between(0, 0, saturday, saturday)).toBe(1);
  });

  it('elapsed scales milliseconds to hours or fractional days', () => {
    expect(new DurationMeasure('hours').elapsed(90 * 60_000)).toBe(1.5);
    expect(new DurationMeasure('days-inclusive').elapsed(36 * 3_600_000)).toBe(1.5);
  });
});
