import { useMemo } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { FlowReport } from '../../../../src/domain';
import { ChartFrame } from '../charts/ChartFrame';
import { ScatterChart } from '../charts/ScatterChart';
import { agingChart, itemsOlder } from './aging-chart';
import { EmptyView } from './EmptyView';
import { count, formatDuration, unitName } from './format';
import { openIssue } from './open-issue';
import './issue-link.css';

/** The rows the table under the chart lists, oldest first; the chart's own data table has every item. */
export const AGING_ROWS = 100;

/** An issue key that Jira opens: the page's own frame cannot navigate to an issue. */
function IssueLink({ issueKey }: { issueKey: string }) {
  return (
    <a
      className="fm-issue-link"
      href={`/browse/${encodeURIComponent(issueKey)}`}
      onClick={(event) => {
        event.preventDefault();
        openIssue(issueKey);
      }}
    >
      {issueKey}
    </a>
  );
}

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
        title={chart.byStatus ? 'Age of unfinished items by status' : 'Age of unfinished items by stage'}
        summary={`${count.format(oldestFirst.length)} ${oldestFirst.length === 1 ? 'item' : 'items'} in progress; the oldest is ${oldest.key} at ${formatDuration(oldest.age, report)}.${
          chart.byStatus ? ` The workflow has one in-progress stage (${chart.stagesOfWorkflow}), so each of its statuses has a column, youngest first.` : ''
        } The dashed lines are the percentiles of the period's cycle times.${
          chart.top === null ? '' : ` ${itemsOlder(chart.aboveTop)} than ${formatDuration(chart.top, report)} ${chart.aboveTop === 1 ? 'is' : 'are'} drawn on the solid line at the top.`
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
          cap={chart.cap}
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
          {oldestFirst.slice(0, AGING_ROWS).map((item) => (
            <tr key={item.key}>
              <td>
                <IssueLink issueKey={item.key} />
              </td>
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
      {oldestFirst.length > AGING_ROWS && (
        <Text as="p" size="small" color="color.text.subtle" testId="aging-table-cut">
          {`The oldest ${count.format(AGING_ROWS)} of ${count.format(oldestFirst.length)} items in progress; the chart's data table and the Issues tab list them all.`}
        </Text>
      )}
    </Stack>
  );
}
