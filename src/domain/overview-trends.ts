import { MS_PER_DAY } from './calendar-day';
import type { WindowMeasures } from './flow-report';
import { cycleTimeByMonth } from './cycle-time-by-month';
import { partialNote, throughputPeriods, wholePeriodMovingAverage } from './throughput-periods';

/** How many of the latest throughput periods the overview shows: about a quarter in weeks. */
const TREND_PERIODS = 12;
/** How many months of cycle times the overview shows. */
const TREND_MONTHS = 12;
/** How many days of WIP the overview shows: the same twelve weeks. */
const TREND_DAYS = 84;
/** Periods the throughput's moving average spans, as on the Throughput tab. */
export const TREND_AVERAGE_PERIODS = 4;

/** "week", "day" or "month" for the report's throughput periods, by their full length; "period" otherwise. */
export function periodName(report: Pick<WindowMeasures, 'throughput'>): string {
  let longest = 0;
  for (const period of report.throughput) longest = Math.max(longest, (Date.parse(period.end) - Date.parse(period.start)) / MS_PER_DAY + 1);
  if (longest === 1) return 'day';
  if (longest === 7) return 'week';
  return longest >= 28 && longest <= 31 ? 'month' : 'period';
}

/**
 * The overview's small trends, all read off the report (the tabs' own series, their latest stretch): items
 * finished per period with its moving average (over the whole series, so the first bars shown have one
 * too; partial periods marked and left out of it, as on the Throughput tab), the 85th percentile of cycle time by
 * month finished, and WIP per day.
 */
export function overviewTrends(report: Pick<WindowMeasures, 'throughput' | 'scatter' | 'generated' | 'wip'>) {
  const periods = throughputPeriods(report);
  const average = wholePeriodMovingAverage(periods, TREND_AVERAGE_PERIODS);
  const from = Math.max(0, periods.length - TREND_PERIODS);
  const kind = periodName(report);
  return {
    throughput: periods
      .slice(from)
      .map((period, k) => ({ ...period, average: average[from + k] ?? null, partial: partialNote(period, kind) })),
    cycleTime85: cycleTimeByMonth(report)
      .slice(-TREND_MONTHS)
      .map((month) => ({
        month: month.month,
        items: month.items,
        p85: month.p85,
        partial: month.partial ? `partial month: ${month.days} of ${month.fullDays} days` : undefined,
      })),
    wip: report.wip.slice(-TREND_DAYS),
  };
}
