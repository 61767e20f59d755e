import { Checkbox } from '@atlaskit/checkbox';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { isoDateToDay, periodName } from '../../../../src/domain';
import { ChartFrame } from '../charts/ChartFrame';
import { LineChart } from '../charts/LineChart';
import { seriesColour, StackedAreaChart } from '../charts/StackedAreaChart';
import '../filter-fields.css';
import { EmptyView } from './EmptyView';
import { formatDate } from '../../../common/format-date-time';
import { BarChart } from '../charts/BarChart';
import { NetFlowChart } from '../charts/NetFlowChart';
import { count, counted, formatDuration, rate, unitName } from './format';
import { timeInStages } from './time-in-stage-summary';
import { flowRates, shownBands } from './cumulative-flow-options';
import type { PageReport } from '../report-worker-protocol';
import { useTabOptions, type ChangeTabOptions, type TabOptions } from '../tab-options';

const share = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

/**
 * Each stage's own band of the cumulative flow diagram, done work at the bottom: the report's lines count
 * items that reached a stage or a later one, so a stage's band is its line minus the next stage's.
 */
export function cumulativeFlowBands(report: PageReport): Array<{ name: string; values: number[] }> {
  const stages = report.generated.workflow.stages;
  const line = (k: number) => report.cfd.map((row) => Number(row[stages[k]!] ?? 0));
  return stages
    .map((name, k) => {
      const own = line(k);
      const next = k + 1 < stages.length ? line(k + 1) : own.map(() => 0);
      return { name, values: own.map((v, d) => v - next[d]!) };
    })
    .reverse();
}

/**
 * Where the finished items' time went, stage by stage, with the period's flow efficiency and blocked time:
 * the figures the `flow-metrics` command reports, drawn.
 */
function TimeInStage({ report }: { report: PageReport }) {
  const stages = timeInStages(report);
  if (stages.length === 0) return null;
  const unit = unitName(report);
  const { overall, items } = report.flowEfficiency;
  const blocked = report.blockedTime;
  const slowest = stages.reduce((most, stage) => (stage.median > most.median ? stage : most));
  return (
    <ChartFrame
      testId="chart-time-in-stage"
      title="Time in each stage of the items finished"
      summary={`Median time per stage; the most goes to ${slowest.stage} (${formatDuration(slowest.median, report)}). Flow efficiency ${
        overall === null ? 'not known' : share.format(overall)
      } over ${counted(items, 'item')} (time in active stages against cycle time); ${counted(blocked.itemsBlocked, 'item')} flagged as blocked for ${rate.format(
        blocked.total,
      )} ${unit} in all${blocked.shareOfCycleTime === null ? '' : `, ${share.format(blocked.shareOfCycleTime)} of their cycle time`}.`}
      table={{
        caption: 'Time the items finished in the period spent in each stage',
        columns: ['Stage', `Median (${unit})`, `85th percentile (${unit})`],
        rows: stages.map((stage) => [stage.stage, stage.median, stage.p85]),
      }}
    >
      <BarChart bars={stages.map((stage) => ({ label: stage.stage, value: stage.median }))} yLabel={`${unit}, median`} />
    </ChartFrame>
  );
}

/**
 * The cumulative flow diagram by stage, the WIP run chart and the time in each stage. What the diagram hides is
 * of the page's tab options (written to its URL) when it gives them.
 */
export function FlowView({
  report,
  options: givenOptions,
  onOptionsChange,
}: {
  report: PageReport;
  options?: TabOptions;
  onOptionsChange?: ChangeTabOptions;
}) {
  const [options, setChoices] = useTabOptions(givenOptions, onOptionsChange);
  const choices = { hideBacklog: options.hideBacklog, hideDone: options.hideDone };
  if (report.cfd.length === 0) return <EmptyView testId="tab-panel-flow" message="The selected period has no days to show." />;
  const allBands = cumulativeFlowBands(report);
  const bands = shownBands(report, allBands, choices);
  const rates = flowRates(report);
  const ratesText =
    rates === null
      ? ''
      : `Arrivals ${rate.format(rates.arrivals)} items/day, departures ${rate.format(rates.departures)} items/day over the ${counted(rates.days + 1, 'day')} shown.`;
  const labels = report.cfd.map((row) => formatDate(String(row.date)));
  const stages = report.generated.workflow.stages;
  const lastRow = report.cfd.at(-1)!;
  const wipNow = report.wip.at(-1)?.count ?? 0;
  const wipMax = Math.max(0, ...report.wip.map((day) => day.count));
  return (
    <Stack space="space.400" testId="tab-panel-flow">
      <Inline space="space.300" alignBlock="center" shouldWrap testId="cumulative-flow-options">
        <Checkbox
          label="Hide backlog"
          testId="cumulative-flow-hide-backlog"
          isChecked={choices.hideBacklog}
          onChange={(event) => setChoices({ hideBacklog: event.target.checked })}
        />
        <Checkbox
          label="Hide done"
          testId="cumulative-flow-hide-done"
          isChecked={choices.hideDone}
          onChange={(event) => setChoices({ hideDone: event.target.checked })}
        />
      </Inline>
      <ChartFrame
        testId="chart-cumulative-flow"
        title="Cumulative flow by stage"
        summary={`By ${formatDate(String(lastRow.date))}: ${stages.map((stage) => `${count.format(Number(lastRow[stage] ?? 0))} reached ${stage}`).join(', ')}. ${ratesText}`}
        table={{
          caption: 'Items that reached each stage or a later one, per day',
          columns: ['Date', ...stages],
          rows: report.cfd.map((row) => [formatDate(String(row.date)), ...stages.map((stage) => Number(row[stage] ?? 0))]),
        }}
      >
        {/* The legend under the drawing it keys, before the summary. */}
        <Stack space="space.100">
          {rates !== null && (
            <Text size="small" testId="cumulative-flow-rates">
              {ratesText}
            </Text>
          )}
          <StackedAreaChart
            labels={labels}
            days={report.cfd.map((row) => isoDateToDay(String(row.date))!)}
            weekEndsOn={report.generated.conventions.weekEndsOn}
            series={bands}
            colourOf={(k) => seriesColour(allBands.indexOf(bands[k]!))}
            yLabel="items"
          />
          <Inline space="space.200" shouldWrap testId="cumulative-flow-legend">
            {bands.map((band) => (
              <Inline key={band.name} space="space.050" alignBlock="center">
                <svg width="12" height="12" aria-hidden="true">
                  <rect width="12" height="12" fill={seriesColour(allBands.indexOf(band))} />
                </svg>
                <Text size="small">{band.name}</Text>
              </Inline>
            ))}
          </Inline>
        </Stack>
      </ChartFrame>
      <ChartFrame
        testId="chart-wip-run"
        title="Work in progress per day"
        summary={`${counted(wipNow, 'item')} in progress at the end of ${formatDate(report.wip.at(-1)!.date)}; at most ${count.format(wipMax)} in the period.`}
        table={{
          caption: 'Items in progress per day',
          columns: ['Date', 'Items in progress'],
          rows: report.wip.map((day) => [formatDate(day.date), day.count]),
        }}
      >
        <LineChart
          points={report.wip.map((day) => ({ label: formatDate(day.date), value: day.count }))}
          days={report.wip.map((day) => isoDateToDay(day.date)!)}
          weekEndsOn={report.generated.conventions.weekEndsOn}
          yLabel="items"
        />
      </ChartFrame>
      <NetFlow report={report} />
      <TimeInStage report={report} />
    </Stack>
  );
}

/** Arrivals minus departures per period: above zero work in progress grew, below it shrank. */
function NetFlow({ report }: { report: PageReport }) {
  if (report.netFlow.length === 0) return null;
  const kind = periodName(report);
  const arrived = report.netFlow.reduce((sum, period) => sum + period.arrivals, 0);
  const departed = report.netFlow.reduce((sum, period) => sum + period.departures, 0);
  const grew = report.netFlow.filter((period) => period.net > 0).length;
  return (
    <ChartFrame
      testId="chart-net-flow"
      title={`Net flow per ${kind}: arrivals minus departures`}
      summary={`${counted(arrived, 'item')} arrived (started) and ${counted(departed, 'item')} departed (finished) in the period, net ${arrived - departed > 0 ? '+' : ''}${
        arrived - departed
      }; work in progress grew in ${counted(grew, kind)} of ${report.netFlow.length}. Bars above the line: more arrived than departed.`}
      table={{
        caption: `Arrivals, departures and net flow per ${kind}`,
        columns: ['From', 'To', 'Arrived', 'Departed', 'Net'],
        rows: report.netFlow.map((period) => [
          formatDate(period.start),
          formatDate(period.end),
          period.arrivals,
          period.departures,
          period.net,
        ]),
      }}
    >
      <NetFlowChart
        periods={report.netFlow.map((period) => ({
          label: formatDate(period.start),
          arrivals: period.arrivals,
          departures: period.departures,
        }))}
        days={report.netFlow.map((period) => isoDateToDay(period.start)!)}
        weekEndsOn={report.generated.conventions.weekEndsOn}
      />
    </ChartFrame>
  );
}
