import { useMemo } from 'react';
import { isoDateToDay, periodName, type PullRequestFacts, TIME_SPLIT_PARTS, timeSplitTrend } from '../../../../src/domain';
import { ChartFrame } from '../charts/ChartFrame';
import { StackedAreaChart } from '../charts/StackedAreaChart';
import { shortDate } from '../views/format';
import { PART_LABELS, type FinishedItem } from './pull-request-figures';
import type { PageReport } from '../report-worker-protocol';

const HOUR = 3_600_000;
const hours = (ms: number) => Math.round((ms / HOUR) * 10) / 10;

/**
 * Where the items' time went, period by period: for the items finished in each of the report's weeks or
 * months with a pull request in their cycle, the average hours per item before, inside and after their pull
 * requests, stacked (the stack is their average cycle time).
 */
export function TimeSplitTrend({
  pulls,
  items,
  report,
}: {
  pulls: readonly PullRequestFacts[];
  items: readonly FinishedItem[];
  report: PageReport;
}) {
  const trend = useMemo(() => timeSplitTrend(pulls, items, report.throughput), [pulls, items, report.throughput]);
  // The axis is dated as the run charts' are: on calendar boundaries, with the year where it is new.
  const days = useMemo(() => trend.map((p) => isoDateToDay(p.start)!), [trend]);
  const period = periodName(report);
  const perItem = (periodIndex: number, part: (typeof TIME_SPLIT_PARTS)[number]) => {
    const p = trend[periodIndex]!;
    return p.items === 0 ? 0 : hours(p.totals[part] / p.items);
  };
  return (
    <ChartFrame
      testId="chart-time-split-trend"
      title={`Where the items' time went, by ${period} finished (hours per item, on average)`}
      summary={`${trend.reduce((sum, p) => sum + p.items, 0)} finished items with a pull request, over ${trend.length} ${period}s.`}
      table={{
        caption: `Average hours per finished item with a pull request, by ${period} finished`,
        columns: ['From', 'To', 'Items', ...TIME_SPLIT_PARTS.map((part) => PART_LABELS[part])],
        rows: trend.map((p, k) => [p.start, p.end, p.items, ...TIME_SPLIT_PARTS.map((part) => perItem(k, part))]),
      }}
    >
      <StackedAreaChart
        labels={trend.map((p) => shortDate(p.start))}
        days={days}
        weekEndsOn={report.generated.conventions.weekEndsOn}
        series={TIME_SPLIT_PARTS.map((part) => ({ name: PART_LABELS[part], values: trend.map((_, k) => perItem(k, part)) }))}
        yLabel="hours"
      />
    </ChartFrame>
  );
}
