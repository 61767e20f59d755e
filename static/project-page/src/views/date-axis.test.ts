import { dayToIsoDate, isoDateToDay, type WeekdayName } from '../../../../src/domain';
import { axisDateLabel } from '../charts/chart-test-support';
import { dateAxis, pointAxis } from './date-axis';

const day = (iso: string) => isoDateToDay(iso)!;
/** Weeks ending on Sunday, the conventions' default: they start on Mondays, as ISO weeks do. */
const SUNDAY = 'sunday';
const labels = (from: string, to: string, maxTicks?: number, weekEndsOn: WeekdayName = SUNDAY) => {
  const axis = dateAxis(day(from), day(to), weekEndsOn, maxTicks);
  return axis.ticks.map(axis.label);
};
const month = (m: number) => new Date(Date.UTC(2000, m - 1, 1)).toLocaleDateString(undefined, { month: 'short', timeZone: 'UTC' });
const written = axisDateLabel;
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

  it("labels a few weeks in days on each week's Monday as the reader's locale writes them, the year again where it changes", () => {
    // 20 December 2025 is a Saturday: the labels start on the Monday after, not on the period's first day.
    expect(labels('2025-12-20', '2026-01-17')).toEqual([
      written('2025-12-22', true),
      written('2025-12-29'),
      written('2026-01-05', true),
      written('2026-01-12'),
    ]);
  });

  it('labels every other week, and every fourth, from a Monday too', () => {
    const weekdayOf = (tick: number) => new Date(`${dayToIsoDate(tick)}T00:00:00Z`).getUTCDay();
    for (const maxTicks of [2, 3, 4]) {
      const axis = dateAxis(day('2026-02-05'), day('2026-03-31'), SUNDAY, maxTicks);
      expect(axis.ticks.length).toBeGreaterThan(0);
      for (const tick of axis.ticks) expect(weekdayOf(tick)).toBe(1);
    }
  });

  it("labels weeks on the project's own first day of the week: Saturdays for weeks ending on Friday", () => {
    // 20 December 2025 is a Saturday, 22 December a Monday: weeks ending on Friday start on the period's first day.
    expect(labels('2025-12-20', '2026-01-17', 7, 'friday')).toEqual([
      written('2025-12-20', true),
      written('2025-12-27'),
      written('2026-01-03', true),
      written('2026-01-10'),
      written('2026-01-17'),
    ]);
    // Wednesday 4 February to Tuesday 31 March: every step of weeks from Saturday 7 February.
    for (const maxTicks of [2, 3, 4]) {
      const axis = dateAxis(day('2026-02-04'), day('2026-03-31'), 'friday', maxTicks);
      expect(axis.ticks.length).toBeGreaterThan(0);
      expect(axis.ticks[0]).toBe(day('2026-02-07'));
      for (const tick of axis.ticks) expect(new Date(`${dayToIsoDate(tick)}T00:00:00Z`).getUTCDay()).toBe(6);
    }
  });

  it('labels a span of a few days with no Monday in it, and too few labels for each day, on its first day', () => {
    // Wednesday to Sunday with two labels at most: a weekly step, but no week starts within it.
    expect(labels('2026-03-04', '2026-03-08', 2)).toEqual([written('2026-03-04', true)]);
  });

  it('never gives more labels than asked for, and every one inside the period', () => {
    for (const [from, to] of [
      ['2020-01-01', '2026-12-31'],
      ['2026-01-01', '2026-01-01'],
      ['2026-03-01', '2026-04-29'],
    ]) {
      const axis = dateAxis(day(from!), day(to!), SUNDAY, 6);
      expect(axis.ticks.length).toBeGreaterThan(0);
      expect(axis.ticks.length).toBeLessThanOrEqual(6);
      for (const tick of axis.ticks) expect(tick >= day(from!) && tick <= day(to!)).toBe(true);
    }
  });
});

/** Each day from `from` to `to`, or every `step`-th. */
const daysFrom = (from: string, to: string, step = 1) =>
  Array.from({ length: Math.floor((day(to) - day(from)) / step) + 1 }, (_, k) => day(from) + k * step);
const pointLabels = (days: number[], maxTicks?: number, locale?: string, weekEndsOn: WeekdayName = SUNDAY) => {
  const axis = pointAxis(days, weekEndsOn, maxTicks, locale);
  return axis.indices.map(axis.label);
};

describe("the axis of a chart's days, weeks or months", () => {
  it('labels eighteen months of days at quarter starts, with the year on the first label and each January, in en-US and de-DE', () => {
    const days = daysFrom('2025-06-08', '2026-12-06');
    expect(pointLabels(days, 7, 'en-US')).toEqual(['Jul 2025', 'Oct', 'Jan 2026', 'Apr', 'Jul', 'Oct']);
    expect(pointLabels(days, 7, 'de-DE')).toEqual(['Juli 2025', 'Okt', 'Jan. 2026', 'Apr', 'Jul', 'Okt']);
    expect(pointAxis(days, SUNDAY, 7).indices.map((i) => dayToIsoDate(days[i]!))).toEqual([
      '2025-07-01',
      '2025-10-01',
      '2026-01-01',
      '2026-04-01',
      '2026-07-01',
      '2026-10-01',
    ]);
  });

  it('labels a few weeks of days across a new year with the year where it changes', () => {
    expect(pointLabels(daysFrom('2025-12-20', '2026-01-17'), 7, 'en-US')).toEqual(['Dec 22, 2025', 'Dec 29', 'Jan 5, 2026', 'Jan 12']);
    expect(pointLabels(daysFrom('2025-12-20', '2026-01-17'), 7, 'de-DE')).toEqual([
      '22. Dez. 2025',
      '29. Dez.',
      '5. Jan. 2026',
      '12. Jan.',
    ]);
  });

  it('labels 79 weeks every thirteen, from the week that holds the first of a quarter, the year where it changes', () => {
    // Mondays from 2025-06-09 (the first week cut short: the period starts on a Sunday).
    const weeks = [day('2025-06-08'), ...daysFrom('2025-06-09', '2026-12-07', 7)];
    const axis = pointAxis(weeks, SUNDAY, 7, 'en-US');
    const steps = axis.indices.slice(1).map((index, k) => index - axis.indices[k]!);
    expect(new Set(steps)).toEqual(new Set([13]));
    expect(axis.indices.map(axis.label)).toEqual(['Jun 30, 2025', 'Sep 29', 'Dec 29', 'Mar 30, 2026', 'Jun 29', 'Sep 28']);
  });

  it('labels months at quarter starts counted from January, with the year on the first and each January', () => {
    const months = ['2025-06-15', '2025-07-01', '2025-08-01', '2025-09-01', '2025-10-01', '2025-11-01', '2025-12-01', '2026-01-01'];
    const more = ['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01'];
    expect(pointLabels([...months, ...more].map(day), 6, 'en-US')).toEqual(['Jul 2025', 'Oct', 'Jan 2026', 'Apr', 'Jul']);
    expect(pointLabels([...months, ...more].map(day), 6, 'de-DE')).toEqual(['Juli 2025', 'Okt', 'Jan. 2026', 'Apr', 'Jul']);
  });

  it("labels a run of days on the first days of the project's weeks, the days its weekly periods start on", () => {
    // Thirty days from Wednesday 4 November 2026, weeks ending on Friday: labels on the Saturdays.
    const days = daysFrom('2026-11-04', '2026-12-03');
    expect(pointLabels(days, 7, 'en-US', 'friday')).toEqual(['Nov 7, 2026', 'Nov 14', 'Nov 21', 'Nov 28']);
    expect(pointLabels(days, 7, 'en-US', 'sunday')).toEqual(['Nov 9, 2026', 'Nov 16', 'Nov 23', 'Nov 30']);
  });

  it('labels every other week from the first whole one when the first is cut short by the period', () => {
    // Weeks ending on Friday from Wednesday 4 November 2026: the first is cut to three days (Wednesday to Friday).
    const weeks = [day('2026-11-04'), ...daysFrom('2026-11-07', '2027-01-23', 7)];
    const axis = pointAxis(weeks, 'friday', 7, 'en-US');
    expect(axis.indices.slice(1).map((index, k) => index - axis.indices[k]!)).toEqual(Array(axis.indices.length - 1).fill(2));
    expect(axis.indices.map(axis.label)).toEqual(['Nov 7, 2026', 'Nov 21', 'Dec 5', 'Dec 19', 'Jan 2, 2027', 'Jan 16']);
  });

  it('starts from the first whole week even when the cut-short first one holds the first of a month', () => {
    // Weeks ending on Monday from Monday 1 December 2025: the first is that one day, the 1st of the month.
    const weeks = [day('2025-12-01'), ...daysFrom('2025-12-02', '2026-01-20', 7)];
    const axis = pointAxis(weeks, 'monday', 4, 'en-US');
    const labelled = axis.indices.map((i) => weeks[i]!);
    expect(axis.indices.map(axis.label)).toEqual(['Dec 2, 2025', 'Dec 30']);
    expect(new Set(labelled.slice(1).map((d, k) => d - labelled[k]!)).size).toBe(1);
  });

  it('reads weeks with some left out (a trend of the weeks that had pull requests) as weeks, written as days', () => {
    const weeks = ['2026-01-05', '2026-02-09', '2026-03-16', '2026-03-23'].map(day);
    expect(pointLabels(weeks, 7, 'en-US')).toEqual(['Jan 5, 2026', 'Feb 9', 'Mar 16', 'Mar 23']);
  });

  it('never gives more labels than asked for', () => {
    for (const days of [daysFrom('1970-01-01', '2026-12-31'), daysFrom('1970-01-05', '2026-12-28', 7), [day('2026-03-01')]]) {
      for (const maxTicks of [2, 3, 7]) {
        const axis = pointAxis(days, SUNDAY, maxTicks);
        expect(axis.indices.length).toBeGreaterThan(0);
        expect(axis.indices.length).toBeLessThanOrEqual(maxTicks);
      }
    }
  });
});
