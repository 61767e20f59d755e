import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { useMemo, useState } from 'react';
import { isoDateToDay, periodName, PHASE_PERCENTILES, phaseTrend, type PullRequestFacts } from '../../../../src/domain';
import { ChartFrame } from '../charts/ChartFrame';
import { LineChart } from '../charts/LineChart';
import { shortDate } from '../views/format';
import type { PageReport } from '../report-worker-protocol';

const PHASE_TITLES = { coding: 'Coding', pickup: 'Pickup', review: 'Review', merge: 'Merge' } as const;
const HOUR = 3_600_000;
/** Hours with one decimal: what the charts plot and the tables list. */
const hours = (ms: number) => Math.round((ms / HOUR) * 10) / 10;

/**
 * Each phase's percentile over time: one small line chart per phase, a point per reporting period (the
 * report's weeks or months) in which a merged pull request had the phase. The percentile shown can be changed;
 * each chart's table lists all three.
 */
export function PhaseTrend({ pulls, report }: { pulls: readonly PullRequestFacts[]; report: PageReport }) {
  const [percentileIndex, setPercentileIndex] = useState(0);
  const trend = useMemo(() => phaseTrend(pulls, report.throughput), [pulls, report.throughput]);
  const period = periodName(report);
  const percentile = PHASE_PERCENTILES[percentileIndex]!;
  return (
    <Stack space="space.100" testId="pull-requests-phase-trend">
      <Inline space="space.100" alignBlock="center" spread="space-between">
        <Text as="p" weight="medium">
          Phase times by {period} merged, {percentile}th percentile
        </Text>
        <Inline space="space.050">
          {PHASE_PERCENTILES.map((p, k) => (
            <Button key={p} isSelected={k === percentileIndex} onClick={() => setPercentileIndex(k)} aria-pressed={k === percentileIndex}>
              {p}th
            </Button>
          ))}
        </Inline>
      </Inline>
      <div className="fm-pr-trends">
        {trend[0]!.phases.map(({ phase }, phaseIndex) => {
          const rows = trend.map((p) => ({ ...p, row: p.phases[phaseIndex]! }));
          const shown = rows.filter((p) => p.row.count > 0);
          const points = shown.map((p) => ({ label: shortDate(p.start), value: hours(p.row.values[percentileIndex]!) }));
          // The axis is dated as the run charts' are: on calendar boundaries, with the year where it is new.
          const days = shown.map((p) => isoDateToDay(p.start)!);
          return (
            <ChartFrame
              compact
              key={phase}
              testId={`chart-phase-trend-${phase}`}
              title={`${PHASE_TITLES[phase]}, hours`}
              summary={
                points.length === 0
                  ? `No merged pull request had a ${phase} phase in these ${period}s.`
                  : `${points.length} of ${trend.length} ${period}s had merged pull requests with a ${phase} phase.`
              }
              table={{
                caption: `${PHASE_TITLES[phase]} time of the pull requests merged each ${period}, in hours`,
                columns: ['From', 'To', 'Pull requests', ...PHASE_PERCENTILES.map((p) => `${p}th percentile`)],
                rows: rows.map((p) => [
                  p.start,
                  p.end,
                  p.row.count,
                  ...p.row.values.map((value) => (p.row.count === 0 ? '–' : hours(value))),
                ]),
              }}
            >
              {points.length > 0 && (
                <LineChart points={points} days={days} weekEndsOn={report.generated.conventions.weekEndsOn} yLabel="hours" />
              )}
            </ChartFrame>
          );
        })}
      </div>
    </Stack>
  );
}
