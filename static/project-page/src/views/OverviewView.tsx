import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { FlowReport } from '../../../../src/domain';
import { count, formatDuration, percentileOf } from './format';

function Metric({ testId, label, value, detail }: { testId: string; label: string; value: string; detail?: string }) {
  return (
    <Box padding="space.200" backgroundColor="elevation.surface.sunken" testId={testId}>
      <Stack space="space.050">
        <Text size="small" color="color.text.subtle">
          {label}
        </Text>
        <Text size="large" weight="bold">
          {value}
        </Text>
        {detail !== undefined && (
          <Text size="small" color="color.text.subtle">
            {detail}
          </Text>
        )}
      </Stack>
    </Box>
  );
}

function change(current: number, previous: number): string {
  const delta = current - previous;
  if (delta === 0) return 'same as the period before';
  return `${delta > 0 ? '+' : '−'}${count.format(Math.abs(delta))} against the period before`;
}

/** Items older than the 85th percentile of cycle time: they already took longer than most finished work. */
export function itemsAtRisk(report: FlowReport): FlowReport['aging'] {
  const p85 = percentileOf(report, 85);
  return p85 === null ? [] : report.aging.filter((item) => item.age > p85);
}

/** The headline numbers: throughput, cycle time percentiles, WIP, items at risk. */
export function OverviewView({ report }: { report: FlowReport }) {
  // The last period runs to today and is partial: the headline uses the last complete one.
  const periods = report.throughput;
  const complete = periods.length >= 2 ? periods.slice(0, -1) : periods;
  const last = complete.at(-1);
  const before = complete.at(-2);
  const p50 = percentileOf(report, 50);
  const p85 = percentileOf(report, 85);
  const risk = itemsAtRisk(report);
  return (
    <Stack space="space.200" testId="tab-panel-overview">
      <Inline space="space.200" shouldWrap>
        <Metric
          testId="metric-throughput"
          label={`Throughput, ${last ? `${last.start} to ${last.end}` : 'last period'}`}
          value={last ? `${count.format(last.count)} items` : '–'}
          detail={last && before ? change(last.count, before.count) : undefined}
        />
        <Metric testId="metric-cycle-time-50" label="Cycle time, 50th percentile" value={formatDuration(p50, report)} />
        <Metric testId="metric-cycle-time-85" label="Cycle time, 85th percentile" value={formatDuration(p85, report)} />
        <Metric testId="metric-wip" label="Work in progress" value={`${count.format(report.generated.inProgress)} items`} />
        <Metric
          testId="metric-at-risk"
          label="Items at risk"
          value={`${count.format(risk.length)} items`}
          detail={p85 === null ? 'No finished items to compare with yet' : `In progress longer than ${formatDuration(p85, report)}`}
        />
      </Inline>
      <Text as="p" color="color.text.subtle" testId="overview-window">
        {count.format(report.generated.doneInWindow)} items finished between {report.generated.window.from} and{' '}
        {report.generated.window.to}.
      </Text>
    </Stack>
  );
}
