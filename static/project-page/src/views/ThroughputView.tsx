import { Stack } from '@atlaskit/primitives/compiled/stack';
import { BarChart } from '../charts/BarChart';
import { ChartFrame } from '../charts/ChartFrame';
import { LineChart } from '../charts/LineChart';
import { dailyThroughput } from './daily-throughput';
import { EmptyView } from './EmptyView';
import { formatDate } from '../../../common/format-date-time';
import { counted, itemsPerWeek, rate } from './format';
import { isoDateToDay, partialNote, periodName, throughputPeriods, wholePeriodMovingAverage } from '../../../../src/domain';
import type { PageReport } from '../report-worker-protocol';

/** Periods the moving average spans. */
const MOVING_AVERAGE_PERIODS = 4;

/**
 * Items finished per period (a week, unless configured otherwise), with a moving average, and how often each
 * count occurs. The average per week is the overview's headline, over the whole period: the first and last
 * weeks of a period are often partial, so an average over the bars would read lower than the headline. For
 * the same reason partial periods are drawn lighter and left out of the moving average and of the counts'
 * distribution (see `throughputPeriods`).
 */
export function ThroughputView({ report }: { report: PageReport }) {
  const periods = throughputPeriods(report);
  if (periods.length === 0) return <EmptyView testId="tab-panel-throughput" message="The selected period has no days to count." />;
  const kind = periodName(report);
  const average = wholePeriodMovingAverage(periods, MOVING_AVERAGE_PERIODS);
  const total = periods.reduce((sum, period) => sum + period.count, 0);
  const whole = periods.filter((period) => !period.partial);
  const partial = periods.filter((period) => period.partial);
  const frequency = new Map<number, number>();
  for (const period of whole) frequency.set(period.count, (frequency.get(period.count) ?? 0) + 1);
  const distribution = [...frequency.entries()].sort((a, b) => a[0] - b[0]);
  const kinds = `${kind[0]!.toUpperCase()}${kind.slice(1)}s`;
  // The rate is over the period's days, not its calendar periods (the first and last may be partial): the
  // summary says both, so its arithmetic can be checked.
  const perWeek = rate.format(itemsPerWeek(report));
  const days = report.periodComparison.days;
  // Every count from the lowest to the highest, none left out, so the bars stand on a number line and a
  // count that never happened shows as a gap.
  const lowest = distribution[0]?.[0] ?? 0;
  const everyCount = distribution.length === 0 ? [] : Array.from({ length: distribution.at(-1)![0] - lowest + 1 }, (_, k) => lowest + k);
  const partialSentence =
    partial.length === 0
      ? ''
      : ` Drawn lighter and left out of the moving average: ${partial.map((period) => `${formatDate(period.start)} (${partialNote(period, kind)})`).join(', ')}.`;
  return (
    <Stack space="space.400" testId="tab-panel-throughput">
      <ChartFrame
        testId="chart-throughput-run"
        title={`Items finished per ${kind}`}
        summary={`${counted(total, 'item')} finished over ${counted(days, 'day')} (${rate.format(days / 7)} weeks): ${perWeek} per week on average, drawn in ${counted(periods.length, kind)}. The line is the moving average over ${MOVING_AVERAGE_PERIODS} whole ${kind}s.${partialSentence}`}
        table={{
          caption: `Items finished per ${kind}`,
          columns: ['From', 'To', 'Days', 'Items', `Moving average (${MOVING_AVERAGE_PERIODS})`],
          rows: periods.map((period, i) => [
            formatDate(period.start),
            formatDate(period.end),
            `${period.days} of ${period.fullDays}`,
            period.count,
            average[i] ?? '–',
          ]),
        }}
      >
        <BarChart
          bars={periods.map((period) => ({ label: formatDate(period.start), value: period.count, partial: partialNote(period, kind) }))}
          days={periods.map((period) => isoDateToDay(period.start)!)}
          weekEndsOn={report.generated.conventions.weekEndsOn}
          line={average}
          lineLabel={`Moving average (${MOVING_AVERAGE_PERIODS})`}
          yLabel="items"
        />
      </ChartFrame>
      <DailyThroughput report={report} />
      <ChartFrame
        testId="chart-throughput-histogram"
        title="How often each count occurs"
        summary={
          distribution.length === 0
            ? `No whole ${kind} in the selected period to count.`
            : `Whole ${kind}s by the number of items finished in them, from ${distribution[0]![0]} to ${distribution.at(-1)![0]} items${
                partial.length > 0 ? ` (partial ${kind}s left out)` : ''
              }.`
        }
        table={{ caption: `${kinds} per count of finished items`, columns: ['Items finished', kinds], rows: distribution }}
      >
        <BarChart bars={everyCount.map((c) => ({ label: String(c), value: frequency.get(c) ?? 0 }))} yLabel={`${kind}s`} />
      </ChartFrame>
    </Stack>
  );
}

/** Items finished each day of the period, quiet days included: the run chart a forecast samples from. */
function DailyThroughput({ report }: { report: PageReport }) {
  const days = dailyThroughput(report);
  const total = days.reduce((sum, day) => sum + day.count, 0);
  const busiest = days.reduce<(typeof days)[number] | null>((best, day) => (best === null || day.count > best.count ? day : best), null);
  const quiet = days.filter((day) => day.count === 0).length;
  return (
    <ChartFrame
      testId="chart-throughput-daily"
      title="Items finished per day"
      summary={`${counted(total, 'item')} over ${counted(days.length, 'day')}, ${rate.format(total / Math.max(1, days.length))} per day; ${counted(quiet, 'day')} with none${
        busiest === null || busiest.count === 0 ? '' : `; the most on ${formatDate(busiest.date)} (${counted(busiest.count, 'item')})`
      }.`}
      table={{ caption: 'Items finished per day', columns: ['Date', 'Items'], rows: days.map((day) => [formatDate(day.date), day.count]) }}
    >
      <LineChart
        points={days.map((day) => ({ label: formatDate(day.date), value: day.count }))}
        days={days.map((day) => isoDateToDay(day.date)!)}
        weekEndsOn={report.generated.conventions.weekEndsOn}
        yLabel="items"
      />
    </ChartFrame>
  );
}
