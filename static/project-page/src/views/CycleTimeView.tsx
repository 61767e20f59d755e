import { router } from '@forge/bridge';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { dayToIsoDate, isoDateToDay, type FlowReport } from '../../../../src/domain';
import { BarChart } from '../charts/BarChart';
import { ChartFrame } from '../charts/ChartFrame';
import { ScatterChart } from '../charts/ScatterChart';
import { EmptyView } from './EmptyView';
import { count, formatDuration, shortDate, unitName } from './format';

const LABELLED_PERCENTILES = ['50', '85', '95'];

function openIssue(key: string) {
  void router.open(`/browse/${encodeURIComponent(key)}`).catch(() => undefined);
}

/** Cycle time of finished items: a scatterplot with percentile lines, and a histogram. */
export function CycleTimeView({ report }: { report: FlowReport }) {
  if (report.scatter.length === 0) {
    return <EmptyView testId="tab-panel-cycle-time" message="No items were finished in this period, so there are no cycle times yet." />;
  }
  const unit = unitName(report);
  // The lines teams quote; the 70th sits too close to its neighbours to label legibly.
  const lines = Object.entries(report.percentiles)
    .filter((entry): entry is [string, number] => entry[1] !== null && LABELLED_PERCENTILES.includes(entry[0]))
    .map(([percentile, value]) => ({ label: `${percentile}%: ${value} ${unit}`, value }));
  const typeOf = new Map(report.items.map((item) => [item.key, item]));
  const dots = report.scatter.map((point) => {
    const item = typeOf.get(point.key);
    return {
      key: point.key,
      x: isoDateToDay(point.date) ?? 0,
      y: point.cycleTime,
      title: `${point.key} (${item?.type ?? 'item'}): started ${item?.start ?? '?'}, done ${point.date}, ${point.cycleTime} ${unit}`,
    };
  });
  const p85 = report.percentiles['85'] ?? null;
  return (
    <Stack space="space.400" testId="tab-panel-cycle-time">
      <ChartFrame
        testId="chart-cycle-time-scatter"
        title="Cycle time of finished items"
        summary={`${count.format(dots.length)} items finished between ${report.generated.window.from} and ${report.generated.window.to}. ${
          p85 !== null ? `85% took ${formatDuration(p85, report)} or less.` : ''
        }`}
        table={{
          caption: 'Cycle time per finished item',
          columns: ['Item', 'Done', `Cycle time (${unit})`],
          rows: report.scatter.map((point) => [point.key, point.date, point.cycleTime]),
        }}
      >
        <ScatterChart dots={dots} lines={lines} xLabel={(day) => shortDate(dayToIsoDate(day))} yLabel={unit} onOpen={openIssue} />
      </ChartFrame>
      <ChartFrame
        testId="chart-cycle-time-histogram"
        title="How often each cycle time occurs"
        summary={`Cycle times grouped in bins; the most common is ${mostCommon(report)}.`}
        table={{
          caption: 'Items per cycle time bin',
          columns: [`Cycle time (${unit})`, 'Items'],
          rows: report.histogram.map((bin) => [binLabel(bin), bin.count]),
        }}
      >
        <BarChart bars={report.histogram.map((bin) => ({ label: binLabel(bin), value: bin.count }))} yLabel="items" />
      </ChartFrame>
    </Stack>
  );
}

function binLabel(bin: { from: number; to: number }): string {
  return bin.to - bin.from === 1 ? String(bin.from) : `${bin.from}–${bin.to}`;
}

function mostCommon(report: FlowReport): string {
  const top = report.histogram.reduce<(typeof report.histogram)[number] | null>((best, bin) => (best === null || bin.count > best.count ? bin : best), null);
  return top === null ? 'unknown' : `${binLabel(top)} ${unitName(report)} (${top.count} items)`;
}
