import { isoDateToDay } from '../../../../src/domain';
import { dateAxis } from './date-axis';

const day = (iso: string) => isoDateToDay(iso)!;
const labels = (from: string, to: string, maxTicks?: number) => {
  const axis = dateAxis(day(from), day(to), maxTicks);
  return axis.ticks.map(axis.label);
};
const month = (m: number) => new Date(Date.UTC(2000, m - 1, 1)).toLocaleDateString(undefined, { month: 'short', timeZone: 'UTC' });

describe('a date axis', () => {
  it('labels eighteen months quarterly at the first of the month, with the year on the first label and each January', () => {
    expect(labels('2025-06-15', '2026-12-14')).toEqual([`${month(7)} 2025`, month(10), `${month(1)} 2026`, month(4), month(7), month(10)]);
  });

  it('labels every month of a short period, the year once when it does not change', () => {
    expect(labels('2026-02-10', '2026-06-30')).toEqual([`${month(3)} 2026`, month(4), month(5), month(6)]);
  });

  it('labels a few weeks in days, the year again where it changes', () => {
    expect(labels('2025-12-20', '2026-01-17')).toEqual([
      `20 ${month(12)} 2025`,
      `27 ${month(12)}`,
      `3 ${month(1)} 2026`,
      `10 ${month(1)}`,
      `17 ${month(1)}`,
    ]);
  });

  it('never gives more labels than asked for, and every one inside the period', () => {
    for (const [from, to] of [
      ['2020-01-01', '2026-12-31'],
      ['2026-01-01', '2026-01-01'],
      ['2026-03-01', '2026-04-29'],
    ]) {
      const axis = dateAxis(day(from!), day(to!), 6);
      expect(axis.ticks.length).toBeGreaterThan(0);
      expect(axis.ticks.length).toBeLessThanOrEqual(6);
      for (const tick of axis.ticks) expect(tick >= day(from!) && tick <= day(to!)).toBe(true);
    }
  });
});
