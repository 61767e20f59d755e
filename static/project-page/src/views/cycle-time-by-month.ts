import { percentileOfSorted, type FlowReport, type PercentileMethod } from '../../../../src/domain';

export interface MonthOfCycleTimes {
  /** `YYYY-MM`. */
  month: string;
  items: number;
  p50: number;
  p85: number;
  longest: number;
}

/** As the report rounds its durations: to two decimals. */
const hundredths = (value: number) => Math.round(value * 100) / 100;

/** The report's percentile method; the report carries its conventions as plain JSON. */
function percentileMethodOf(report: FlowReport): PercentileMethod {
  return report.generated.conventions['percentileMethod'] === 'linear' ? 'linear' : 'nearest-rank';
}

/**
 * The scatterplot's cycle times month by month, by the month each item was finished: the text alternative
 * of a chart that may hold thousands of dots, in a dozen rows a screen reader can go through. Percentiles
 * follow the report's own method, so a month's 85th percentile is computed as the report's is.
 */
export function cycleTimeByMonth(report: FlowReport): MonthOfCycleTimes[] {
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
    return {
      month,
      items: sorted.length,
      p50: hundredths(percentileOfSorted(sorted, 50, method)),
      p85: hundredths(percentileOfSorted(sorted, 85, method)),
      longest: sorted[sorted.length - 1]!,
    };
  });
}
