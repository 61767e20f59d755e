import type { FlowMeasures, WindowMeasures } from './flow-report';
import { overviewTrends, periodName } from './overview-trends';

/** The items at risk the overview names: the oldest first. */
export const AT_RISK_LISTED = 5;

/**
 * Everything the Overview tab shows, and nothing else: the headlines and their comparison, the discarded
 * work, the trends' latest stretch and the oldest items at risk. A few kilobytes whatever the project's size,
 * so it can be computed once where the whole history is at hand (the sync) and sent alone to a reader who
 * has not loaded the history (see src/app/project-page/overview-summary.ts), or computed in the browser from the report.
 */
export interface OverviewFigures {
  /** With the one convention its charts read: where a week ends, so their weekly labels fall where weeks start. */
  generated: Pick<FlowMeasures['generated'], 'now' | 'timeZone' | 'window' | 'unit' | 'doneInWindow'> & {
    conventions: Pick<FlowMeasures['generated']['conventions'], 'weekEndsOn'>;
  };
  periodComparison: FlowMeasures['periodComparison'];
  recentComparison: FlowMeasures['recentComparison'];
  discarded: FlowMeasures['discarded'];
  /** "week", "day", "month" or "period": what one throughput bar covers. */
  period: string;
  trends: ReturnType<typeof overviewTrends>;
  /**
   * Items in progress longer than the period's 85th percentile of cycle time, oldest first: how many, and the
   * first `AT_RISK_LISTED`; null when nothing finished in the period to compare with.
   */
  atRisk: { count: number; oldest: FlowMeasures['aging'] } | null;
}

export function overviewFigures(report: WindowMeasures): OverviewFigures {
  const { now, timeZone, window, unit, doneInWindow, conventions } = report.generated;
  const p85 = report.periodComparison.current.cycleTime85;
  const atRisk =
    p85 === null ? null : report.aging.filter((item) => item.age > p85).sort((a, b) => b.age - a.age || a.key.localeCompare(b.key));
  return {
    generated: { now, timeZone, window, unit, doneInWindow, conventions: { weekEndsOn: conventions.weekEndsOn } },
    periodComparison: report.periodComparison,
    recentComparison: report.recentComparison,
    discarded: report.discarded,
    period: periodName(report),
    trends: overviewTrends(report),
    atRisk: atRisk === null ? null : { count: atRisk.length, oldest: atRisk.slice(0, AT_RISK_LISTED) },
  };
}
