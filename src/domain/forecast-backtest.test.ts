import { dayToIsoDate, isoDateToDay } from './calendar-day';
import { backtestWeeklyForecasts } from './forecast-backtest';

const day = (text: string) => isoDateToDay(text)!;

describe('forecast backtest', () => {
  const firstDay = day('2025-01-01');
  const lastCompleteDay = day('2025-03-30'); // a Sunday
  const days = lastCompleteDay - firstDay + 1;

  it('judges the last K complete weeks; a steady team meets its 85% forecast every week', () => {
    const daily = new Int32Array(days).fill(3);
    const result = backtestWeeklyForecasts(daily, firstDay, lastCompleteDay, {
      weeks: 3,
      samplingDays: 28,
      seed: 1,
      weekEndsOn: 'sunday',
      trials: 2000,
    });
    expect(result.weeks.map((w) => [dayToIsoDate(w.start), dayToIsoDate(w.end), w.forecast, w.actual, w.hit])).toEqual([
      ['2025-03-10', '2025-03-16', 21, 21, true],
      ['2025-03-17', '2025-03-23', 21, 21, true],
      ['2025-03-24', '2025-03-30', 21, 21, true],
    ]);
    expect(result).toMatchObject({ confidence: 85, hits: 3, hitRate: 1 });
  });

  it('does not judge the week in progress', () => {
    const daily = new Int32Array(day('2025-03-26') - firstDay + 1).fill(1);
    const result = backtestWeeklyForecasts(daily, firstDay, day('2025-03-26'), {
      weeks: 1,
      samplingDays: 28,
      seed: 1,
      weekEndsOn: 'sunday',
      trials: 1000,
    });
    expect(dayToIsoDate(result.weeks[0]!.end)).toBe('2025-03-23');
    const wednesdays = backtestWeeklyForecasts(daily, firstDay, day('2025-03-26'), {
      weeks: 1,
      samplingDays: 28,
      seed: 1,
      weekEndsOn: 'wednesday',
      trials: 1000,
    });
    expect(dayToIsoDate(wednesdays.weeks[0]!.end)).toBe('2025-03-26');
  });

  it('records a miss when the team slows down, using only history before each week', () => {
    const daily = new Int32Array(days).fill(3);
    daily.fill(0, day('2025-03-24') - firstDay); // nothing finished in the last week
    const result = backtestWeeklyForecasts(daily, firstDay, lastCompleteDay, {
      weeks: 2,
      samplingDays: 28,
      seed: 1,
      weekEndsOn: 'sunday',
      trials: 1000,
    });
    expect(result.weeks.map((w) => [w.forecast, w.actual, w.hit])).toEqual([
      [21, 21, true],
      [21, 0, false],
    ]);
    expect(result.hitRate).toBe(0.5);
  });

  it('skips weeks with no history before them', () => {
    const daily = new Int32Array(days).fill(1);
    const result = backtestWeeklyForecasts(daily, firstDay, lastCompleteDay, {
      weeks: 52,
      samplingDays: 28,
      seed: 1,
      weekEndsOn: 'sunday',
      trials: 500,
    });
    expect(dayToIsoDate(result.weeks[0]!.start)).toBe('2025-01-06'); // the first week with at least one day before it
    expect(result.weeks).toHaveLength(12);
    expect(
      backtestWeeklyForecasts(daily, firstDay, firstDay + 3, { weeks: 4, samplingDays: 28, seed: 1, weekEndsOn: 'sunday' }).hitRate,
    ).toBeNaN();
  });
});
