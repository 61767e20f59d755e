import { isoDateToDay } from '../../../../src/domain';
import { dateAxis } from './date-axis';

const day = (iso: string) => isoDateToDay(iso)!;
const labels = (from: string, to: string, maxTicks?: number) => {
  const axis = dateAxis(day(from), day(to), maxTicks);
  return axis.ticks.map(axis.label);
};
const month = (m: number) => new Date(Date.UTC(2000, m - 1, 1)).toLocaleDateString(undefined, { month: 'short', timeZone: 'UTC' });
/** A date as the reader's locale writes it on an axis: day and month ("Dec 20" in en-US, "20. Dez." in de-DE), with the year if asked. */
const written = (iso: string, withYear = false) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
const monthOf = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

describe('a date axis', () => {
  it('labels eighteen months quarterly at the first of the month, with the year on the first label and each January', () => {
    expect(labels('2025-06-15', '2026-12-14')).toEqual([
      monthOf('2025-07-01'),
      month(10),
      monthOf('2026-01-01'),
      month(4),
      month(7),
      month(10),
    ]);
  });

  it('labels every month of a short period, the year once when it does not change', () => {
    expect(labels('2026-02-10', '2026-06-30')).toEqual([monthOf('2026-03-01'), month(4), month(5), month(6)]);
  });

  it("labels a few weeks in days as the reader's locale writes them, the year again where it changes", () => {
    expect(labels('2025-12-20', '2026-01-17')).toEqual([
      written('2025-12-20', true),
      written('2025-12-27'),
      written('2026-01-03', true),
      written('2026-01-10'),
      written('2026-01-17'),
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
