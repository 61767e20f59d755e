import { useMemo } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import type { FlowReport } from '../../../../src/domain';
import { ChartFrame } from '../charts/ChartFrame';
import { ScatterChart } from '../charts/ScatterChart';
import { agingChart, itemsOlder } from './aging-chart';
import { EmptyView } from './EmptyView';
import { formatDuration, unitName } from './format';
import { openIssue } from './open-issue';

/** Unfinished items by stage and age, oldest first, against the percentiles of past cycle times. */
export function AgingView({ report }: { report: FlowReport }) {
  const unit = unitName(report);
  // Once per report: the chart redraws its dots only when they change.
  const chart = useMemo(() => agingChart(report, unit), [report, unit]);
  if (report.aging.length === 0) return <EmptyView testId="tab-panel-aging" message="No items are in progress." />;
  const oldestFirst = [...report.aging].sort((a, b) => b.age - a.age || a.key.localeCompare(b.key));
  const oldest = oldestFirst[0]!;
  return (
    <Stack space="space.400" testId="tab-panel-aging">
      <ChartFrame
        testId="chart-aging"
        title="Age of unfinished items by stage"
        summary={`${oldestFirst.length} items in progress; the oldest is ${oldest.key} at ${formatDuration(oldest.age, report)}.${
          chart.top === null ? '' : ` ${itemsOlder(chart.aboveTop)} than ${formatDuration(chart.top, report)} ${chart.aboveTop === 1 ? 'is' : 'are'} drawn at the top of the chart.`
        }`}
        table={{
          caption: 'Unfinished items, oldest first',
          columns: ['Item', 'Stage', 'Status', `Age (${unit})`, 'Older than percentile'],
          rows: oldestFirst.map((item) => [item.key, item.stage, item.status, item.age, item.percentileBand ?? '–']),
        }}
      >
        <ScatterChart
          dots={chart.dots}
          lines={chart.lines}
          xLabel={(x) => chart.stages[Math.round(x)] ?? ''}
          xDomain={[-0.5, chart.stages.length - 0.5]}
          xTicks={chart.stages.map((_, k) => k)}
          yLabel={unit}
          onOpen={openIssue}
        />
      </ChartFrame>
      <table className="fm-table" data-testid="aging-table">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Stage</th>
            <th scope="col">Status</th>
            <th scope="col">Age</th>
            <th scope="col">Older than</th>
          </tr>
        </thead>
        <tbody>
          {oldestFirst.slice(0, 50).map((item) => (
            <tr key={item.key}>
              <td>{item.key}</td>
              <td>{item.stage}</td>
              <td>{item.status}</td>
              <td>{formatDuration(item.age, report)}</td>
              <td>
                {item.percentileBand === null ? (
                  '–'
                ) : (
                  <Lozenge appearance={item.percentileBand >= 85 ? 'removed' : 'moved'}>{`${item.percentileBand}%`}</Lozenge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Stack>
  );
}
