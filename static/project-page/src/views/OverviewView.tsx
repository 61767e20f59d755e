import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { AT_RISK_PERCENTILE, type FlowReport, type HeadlineName } from '../../../../src/domain';
import { count, formatDuration, unitName } from './format';
import { readChange } from './headline-change';

const TONE_COLOUR = { better: 'color.text.success', worse: 'color.text.danger', neutral: 'color.text.subtle' } as const;

const perWeek = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

function Metric({
  testId,
  label,
  value,
  name,
  report,
  detail,
}: {
  testId: string;
  label: string;
  value: string;
  name: HeadlineName;
  report: FlowReport;
  detail?: string;
}) {
  const change = readChange(name, report, unitName(report));
  return (
    <Box padding="space.200" backgroundColor="elevation.surface.sunken" testId={testId}>
      <Stack space="space.050">
        <Text size="small" color="color.text.subtle">
          {label}
        </Text>
        <Text size="large" weight="bold">
          {value}
        </Text>
        {change !== null && (
          <Text size="small" color={TONE_COLOUR[change.tone]} testId={`${testId}-change`}>
            {change.text}
          </Text>
        )}
        {detail !== undefined && (
          <Text size="small" color="color.text.subtle">
            {detail}
          </Text>
        )}
      </Stack>
    </Box>
  );
}

/**
 * The headline numbers of the selected period, each against the period of equal length before it: throughput,
 * cycle time percentiles, WIP and items at risk, as they stood at the period's end.
 */
export function OverviewView({ report }: { report: FlowReport }) {
  const { current, window, previousWindow, days } = report.periodComparison;
  const p85 = current.cycleTime85;
  const items = (n: number | null) => `${count.format(n ?? 0)} items`;
  return (
    <Stack space="space.200" testId="tab-panel-overview">
      <Inline space="space.200" shouldWrap>
        <Metric
          testId="metric-throughput"
          name="throughputPerWeek"
          report={report}
          label="Throughput per week"
          value={`${perWeek.format(current.throughputPerWeek ?? 0)} items`}
        />
        <Metric testId="metric-cycle-time-50" name="cycleTime50" report={report} label="Cycle time, 50th percentile" value={formatDuration(current.cycleTime50, report)} />
        <Metric testId="metric-cycle-time-85" name="cycleTime85" report={report} label="Cycle time, 85th percentile" value={formatDuration(p85, report)} />
        <Metric testId="metric-wip" name="wip" report={report} label="Work in progress" value={items(current.wip)} />
        <Metric
          testId="metric-at-risk"
          name="atRisk"
          report={report}
          label="Items at risk"
          value={items(current.atRisk)}
          detail={
            p85 === null
              ? 'No finished items to compare with yet'
              : `In progress longer than ${formatDuration(p85, report)} (the ${AT_RISK_PERCENTILE}th percentile)`
          }
        />
      </Inline>
      <Text as="p" color="color.text.subtle" testId="overview-window">
        {count.format(report.generated.doneInWindow)} items finished between {window.from} and {window.to}
        {previousWindow === null
          ? `. The history does not go back another ${count.format(days)} days, so there is no earlier period of the same length to compare with; choose a shorter period to see changes.`
          : `; compared with ${previousWindow.from} to ${previousWindow.to}.`}
      </Text>
    </Stack>
  );
}
