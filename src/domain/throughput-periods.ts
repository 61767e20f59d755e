import { isoDateToDay } from './calendar-day';
import type { WindowMeasures } from './flow-report';
import { periodName } from './overview-trends';

/** A throughput period of the report, with how many of its days the selected period covers. */
export interface ThroughputPeriod {
  start: string;
  end: string;
  count: number;
  /** Days of the period inside the selected period. */
  days: number;
  /** Days of the whole period (7 for a week, 28 to 31 for a month). */
  fullDays: number;
  /** The selected period covers only part of it (it starts or ends inside it). */
  partial: boolean;
}

const daysInMonth = (isoDate: string) => {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
};

/**
 * The report's throughput periods, the partial ones marked: the selected period rarely starts and ends on a
 * week's (or month's) boundaries, so its first and last periods are often a few days of one. Their counts
 * are not comparable with whole periods' (two days with no item finished is not a bad week), so the charts
 * draw them lighter and leave them out of the moving average and of the distribution of counts, rather than
 * leave them out altogether: their items did finish in the selected period. The per-week headline is a rate
 * over the period's days (`flowHeadlines`), which partial periods do not pull down either.
 */
export function throughputPeriods(report: Pick<WindowMeasures, 'throughput'>): ThroughputPeriod[] {
  const kind = periodName(report);
  return report.throughput.map((period) => {
    const days = (isoDateToDay(period.end) ?? 0) - (isoDateToDay(period.start) ?? 0) + 1;
    // A period of unknown length ("period": the selected period is shorter than one) is taken as whole.
    const fullDays = kind === 'week' ? 7 : kind === 'month' ? daysInMonth(period.start) : kind === 'day' ? 1 : days;
    return { ...period, days, fullDays, partial: days < fullDays };
  });
}

/** What a partial period's tooltip and summary say: "partial week: 2 of 7 days". */
export function partialNote(period: ThroughputPeriod, kind: string): string | undefined {
  return period.partial ? `partial ${kind}: ${period.days} of ${period.fullDays} days` : undefined;
}

/**
 * Moving average of the counts of whole periods, over the previous `width` whole periods (partial ones
 * skipped, so they do not pull it down); null at a partial period and until there are `width` whole ones.
 */
export function wholePeriodMovingAverage(periods: readonly ThroughputPeriod[], width: number): Array<number | null> {
  const window: number[] = [];
  return periods.map((period) => {
    if (period.partial) return null;
    window.push(period.count);
    if (window.length > width) window.shift();
    if (window.length < width) return null;
    return Math.round((window.reduce((sum, c) => sum + c, 0) / width) * 100) / 100;
  });
}
