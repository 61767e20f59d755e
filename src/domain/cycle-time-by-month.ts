import { MS_PER_DAY } from './calendar-day';
import type { PercentileMethod } from './conventions';
import type { CycleTimeReport } from './cycle-time-figures';
import { percentileOfSorted } from './percentiles';

export interface MonthOfCycleTimes {
  /** `YYYY-MM`. */
  month: string;
  items: number;
  p50: number;
  p85: number;
  longest: number;
  /** Days of the month inside the selected period, and of the whole month. */
  days: number;
  fullDays: number;
  /** The period covers only part of the month: its few items are no month's worth, and the charts say so. */
  partial: boolean;
}

/** Days of the month `YYYY-MM` within the window (both `YYYY-MM-DD`, inclusive), and of the whole month. */
function monthCoverage(month: string, window: { from: string; to: string }): { days: number; fullDays: number } {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const fullDays = new Date(Date.UTC(year, number, 0)).getUTCDate();
  const first = `${month}-01`;
  const last = `${month}-${String(fullDays).padStart(2, '0')}`;
  const from = window.from > first ? window.from : first;
  const to = window.to < last ? window.to : last;
  const days = to < from ? 0 : Math.round((Date.parse(to) - Date.parse(from)) / MS_PER_DAY) + 1;
  return { days, fullDays };
}

/** As the report rounds its durations: to two decimals. */
const hundredths = (value: number) => Math.round(value * 100) / 100;

/** The report's percentile method; the report carries its conventions as plain JSON. */
function percentileMethodOf(report: Pick<CycleTimeReport, 'generated'>): PercentileMethod {
  return report.generated.conventions['percentileMethod'] === 'linear' ? 'linear' : 'nearest-rank';
}

/**
 * The scatterplot's cycle times month by month, by the month each item was finished: the text alternative
 * of a chart that may hold thousands of dots, in a dozen rows a screen reader can go through. Percentiles
 * follow the report's own method, so a month's 85th percentile is computed as the report's is.
 */
export function cycleTimeByMonth(report: Pick<CycleTimeReport, 'generated' | 'scatter'>): MonthOfCycleTimes[] {
  const byMonth = new Map<string, number[]>();
  for (const point of report.scatter) {
    const month = point.date.slice(0, 7);
    const times = byMonth.get(month);
    if (times === undefined) byMonth.set(month, [point.cycleTime]);
    else times.push(point.cycleTime);
  }
  const method = percentileMethodOf(report);
  return [...byMonth.keys()].sort().map((month) => {
    const sorted = Float64Array.from(byMonth.get(month)!).sort();
    const { days, fullDays } = monthCoverage(month, report.generated.window);
    return {
      days,
      fullDays,
      partial: days < fullDays,
      month,
      items: sorted.length,
      p50: hundredths(percentileOfSorted(sorted, 50, method)),
      p85: hundredths(percentileOfSorted(sorted, 85, method)),
      longest: sorted[sorted.length - 1]!,
    };
  });
}
