import { dayToIsoDate, isoDateToDay } from '../../../../src/domain';
import type { PageReport } from '../report-worker-protocol';

/**
 * Items delivered on each day of the report's period (done, not discarded), every day listed, quiet days
 * with 0: the daily throughput run chart, and the samples a Monte Carlo forecast draws from.
 */
export function dailyThroughput(report: PageReport): Array<{ date: string; count: number }> {
  const from = isoDateToDay(report.generated.window.from);
  const to = isoDateToDay(report.generated.window.to);
  if (from === null || to === null || to < from) return [];
  const counts = new Array<number>(to - from + 1).fill(0);
  for (const item of report.items) {
    if (item.done === null || item.discarded) continue;
    const day = isoDateToDay(item.done);
    if (day !== null && day >= from && day <= to) counts[day - from]!++;
  }
  return counts.map((count, k) => ({ date: dayToIsoDate(from + k), count }));
}
