import Lozenge from '@atlaskit/lozenge';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import type { FlowReport } from '../../../../src/domain';
import { ChartFrame } from '../charts/ChartFrame';
import { ScatterChart } from '../charts/ScatterChart';
import { EmptyView } from './EmptyView';
import { formatDuration, unitName } from './format';

/** Unfinished items by stage and age, oldest first, against the percentiles of past cycle times. */
export function AgingView({ report }: { report: FlowReport }) {
  if (report.aging.length === 0) return <EmptyView testId="tab-panel-aging" message="No items are in progress." />;
  const unit = unitName(report);
  const stages = report.generated.workflow.stages;
  const oldestFirst = [...report.aging].sort((a, b) => b.age - a.age || a.key.localeCompare(b.key));
  const lines = Object.entries(report.percentiles)
    .filter((entry): entry is [string, number] => entry[1] !== null && ['50', '85', '95'].includes(entry[0]))
    .map(([percentile, value]) => ({ label: `${percentile}%`, value }));
  const dots = oldestFirst.map((item, rank) => ({
    key: item.key,
    // Spread the items of one stage a little, so equal ages stay visible.
    x: stages.indexOf(item.stage) + ((rank % 9) - 4) * 0.06,
    y: item.age,
    title: `${item.key}: ${item.status}, ${item.age} ${unit}`,
  }));
  const oldest = oldestFirst[0]!;
  return (
    <Stack space="space.400" testId="tab-panel-aging">
      <ChartFrame
        testId="chart-aging"
        title="Age of unfinished items by stage"
        summary={`${oldestFirst.length} items in progress; the oldest is ${oldest.key} at ${formatDuration(oldest.age, report)}.`}
        table={{
          caption: 'Unfinished items, oldest first',
          columns: ['Item', 'Stage', 'Status', `Age (${unit})`, 'Older than percentile'],
          rows: oldestFirst.map((item) => [item.key, item.stage, item.status, item.age, item.percentileBand ?? '–']),
        }}
      >
        <ScatterChart
          dots={dots}
          lines={lines}
          xLabel={(x) => stages[Math.round(x)] ?? ''}
          xDomain={[-0.5, stages.length - 0.5]}
          xTicks={stages.map((_, k) => k)}
          yLabel={unit}
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
