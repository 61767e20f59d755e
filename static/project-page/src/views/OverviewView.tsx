import { Box } from '@atlaskit/primitives/compiled/box';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import Heading from '@atlaskit/heading';
import {
  AT_RISK_LISTED,
  isoDateToDay,
  AT_RISK_PERCENTILE,
  type HeadlineName,
  type OverviewFigures,
  TREND_AVERAGE_PERIODS,
} from '../../../../src/domain';
import { formatDate } from '../../../common/format-date-time';
import { todayIn } from '../date-range';
import { BarChart } from '../charts/BarChart';
import { ChartFrame } from '../charts/ChartFrame';
import { LineChart } from '../charts/LineChart';
import { count, counted, formatDuration, itemsPerWeek, monthName, rate, unitName } from './format';
import { readChange, shownComparison } from './headline-change';
import { openIssue } from './open-issue';
import './issue-link.css';
import './OverviewView.css';

const TONE_COLOUR = { better: 'color.text.success', worse: 'color.text.danger', neutral: 'color.text.subtle' } as const;

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
  report: OverviewFigures;
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

const span = (window: { from: string; to: string }) => `${formatDate(window.from)} to ${formatDate(window.to)}`;

/** What the changes under the headlines compare, said once. */
function comparisonSentence(report: OverviewFigures): string {
  const { window, days } = report.periodComparison;
  const finished = `${counted(report.generated.doneInWindow, 'item')} finished between ${formatDate(window.from)} and ${formatDate(window.to)}`;
  const shown = shownComparison(report);
  if (shown === null) {
    return `${finished}. The history does not go back another ${count.format(days)} days, so there is no earlier period of the same length to compare with; choose a shorter period to see changes.`;
  }
  const { comparison, recent } = shown;
  if (!recent) return `${finished}; compared with ${span(comparison.previousWindow!)}.`;
  return `${finished}. The history does not go back another ${count.format(days)} days, so the changes compare the last ${count.format(
    comparison.days,
  )} days (${span(comparison.window)}) with the ${count.format(comparison.days)} days before (${span(comparison.previousWindow!)}).`;
}

/** The items finished without being delivered, which every figure above leaves out. */
function discardedSentence(report: Pick<OverviewFigures, 'discarded'>): string {
  const { items, byStatus } = report.discarded;
  const statuses = byStatus.map((entry) => `${count.format(entry.items)} ${entry.status}`).join(', ');
  return `${count.format(items)} ${items === 1 ? 'item was' : 'items were'} discarded in the period (${statuses}): closed without being delivered, they are left out of throughput and cycle time.`;
}

/**
 * The oldest items in progress longer than the 85th percentile of the period's cycle times. The items and
 * their ages are today's (the Aging tab's): for a period that ended earlier, the list says so, since the
 * headline counts the items at risk on the period's last day.
 */
function AtRiskItems({ report }: { report: OverviewFigures }) {
  const p85 = report.periodComparison.current.cycleTime85;
  if (p85 === null || report.atRisk === null) return null;
  const { count: atRiskCount, oldest } = report.atRisk;
  const periodEnd = report.generated.window.to;
  const endedEarlier = periodEnd < todayIn(report.generated.timeZone, Date.parse(report.generated.now));
  const inProgress = endedEarlier ? 'in progress today' : 'in progress';
  return (
    <Stack space="space.100" testId="overview-at-risk">
      <Heading size="small" as="h2">
        {endedEarlier ? 'Oldest items at risk today' : 'Oldest items at risk'}
      </Heading>
      {atRiskCount === 0 ? (
        <Text as="p" color="color.text.subtle">
          No item {endedEarlier ? 'in progress today ' : ''}has been in progress longer than {formatDuration(p85, report)}.
        </Text>
      ) : (
        <>
          <Text as="p" size="small" color="color.text.subtle">
            {atRiskCount > AT_RISK_LISTED ? `The oldest ${AT_RISK_LISTED} of ${count.format(atRiskCount)}` : `All ${atRiskCount}`}{' '}
            {inProgress} longer than {formatDuration(p85, report)}
            {endedEarlier ? ` (the period's 85th percentile; the headline above counts those at risk on ${formatDate(periodEnd)})` : ''};
            the Aging tab shows them all.
          </Text>
          <ol className="fm-at-risk-list" data-testid="overview-at-risk-list">
            {oldest.map((item) => (
              <li key={item.key}>
                <a
                  className="fm-issue-link"
                  href={`/browse/${encodeURIComponent(item.key)}`}
                  onClick={(event) => {
                    // Jira opens it: the page's own frame cannot navigate to an issue.
                    event.preventDefault();
                    openIssue(item.key);
                  }}
                >
                  {item.key}
                </a>{' '}
                <Text color="color.text.subtle">
                  {formatDuration(item.age, report)} in progress · {item.status}
                  {item.status === item.stage ? '' : ` (${item.stage} stage)`}
                </Text>
              </li>
            ))}
          </ol>
        </>
      )}
    </Stack>
  );
}

/** Small charts of the latest stretch of the tabs' series: is throughput rising, cycle time falling, WIP steady? */
function Trends({ report }: { report: OverviewFigures }) {
  const trends = report.trends;
  const unit = unitName(report);
  const period = report.period;
  // "Dec ’25": short enough for six labels across a small chart, and not to be read as 25 December.
  const monthLabel = (month: string) =>
    `${new Date(`${month}-01T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', timeZone: 'UTC' })} ’${month.slice(2, 4)}`;
  return (
    <div className="fm-overview-trends" data-testid="overview-trends">
      {trends.throughput.length > 0 && (
        <ChartFrame
          compact
          testId="chart-overview-throughput"
          title={`Items finished per ${period}, last ${trends.throughput.length}`}
          summary={`The line is the moving average over ${TREND_AVERAGE_PERIODS} whole ${period}s; partial ${period}s are lighter.`}
          table={{
            caption: `Items finished per ${period}`,
            columns: ['From', 'To', 'Items', `Moving average (${TREND_AVERAGE_PERIODS})`],
            rows: trends.throughput.map((p) => [formatDate(p.start), formatDate(p.end), p.count, p.average ?? '–']),
          }}
        >
          <BarChart
            bars={trends.throughput.map((p) => ({ label: formatDate(p.start), value: p.count, partial: p.partial }))}
            days={trends.throughput.map((p) => isoDateToDay(p.start)!)}
            weekEndsOn={report.generated.conventions.weekEndsOn}
            line={trends.throughput.map((p) => p.average)}
            lineLabel={`Moving average (${TREND_AVERAGE_PERIODS})`}
            yLabel="items"
          />
        </ChartFrame>
      )}
      {trends.cycleTime85.length > 0 && (
        <ChartFrame
          compact
          testId="chart-overview-cycle-time"
          title="Cycle time, 85th percentile by month"
          summary={`Of the items finished each month; lower is faster.${
            trends.cycleTime85.some((m) => m.partial)
              ? ` Hollow dots, off the line: ${trends.cycleTime85
                  .filter((m) => m.partial)
                  .map((m) => `${monthLabel(m.month)} (${m.partial})`)
                  .join(', ')}.`
              : ''
          }`}
          table={{
            caption: 'Cycle time, 85th percentile, by month finished',
            columns: ['Month finished', 'Items', `85th percentile (${unit})`, 'Days in the period'],
            rows: trends.cycleTime85.map((m) => [monthName(m.month), m.items, m.p85, m.partial ?? 'whole month']),
          }}
        >
          <LineChart
            points={trends.cycleTime85.map((m) => ({ label: monthLabel(m.month), value: m.p85, partial: m.partial }))}
            days={trends.cycleTime85.map((m) => isoDateToDay(`${m.month}-01`)!)}
            weekEndsOn={report.generated.conventions.weekEndsOn}
            yLabel={unit}
          />
        </ChartFrame>
      )}
      {trends.wip.length > 0 && (
        <ChartFrame
          compact
          testId="chart-overview-wip"
          title={`Work in progress, last ${count.format(trends.wip.length)} days`}
          summary={`${counted(trends.wip.at(-1)!.count, 'item')} in progress on ${formatDate(trends.wip.at(-1)!.date)}.`}
          table={{
            caption: 'Items in progress per day',
            columns: ['Date', 'Items in progress'],
            rows: trends.wip.map((day) => [formatDate(day.date), day.count]),
          }}
        >
          <LineChart
            points={trends.wip.map((day) => ({ label: formatDate(day.date), value: day.count }))}
            days={trends.wip.map((day) => isoDateToDay(day.date)!)}
            weekEndsOn={report.generated.conventions.weekEndsOn}
            yLabel="items"
          />
        </ChartFrame>
      )}
    </div>
  );
}

/**
 * The headline numbers of the selected period, each against the period of equal length before it (or, when
 * the history does not reach that far, the period's last 30 days against the 30 before them): throughput,
 * cycle time percentiles, WIP and items at risk, as they stood at the period's end; then their recent trends
 * and the oldest items at risk.
 */
export function OverviewView({ figures: report }: { figures: OverviewFigures }) {
  const { current } = report.periodComparison;
  const p85 = current.cycleTime85;
  const items = (n: number | null) => counted(n ?? 0, 'item');
  const perWeek = rate.format(itemsPerWeek(report));
  return (
    <Stack space="space.300" testId="tab-panel-overview">
      <Stack space="space.150">
        {/* Equal cards in a grid: as many to a row as fit, every row as wide and as tall as the others. */}
        <div className="fm-overview-headlines">
          <Metric
            testId="metric-throughput"
            name="throughputPerWeek"
            report={report}
            label="Throughput per week"
            value={`${perWeek} ${perWeek === '1' ? 'item' : 'items'}`}
          />
          <Metric
            testId="metric-cycle-time-50"
            name="cycleTime50"
            report={report}
            label="Cycle time, 50th percentile"
            value={formatDuration(current.cycleTime50, report)}
          />
          <Metric
            testId="metric-cycle-time-85"
            name="cycleTime85"
            report={report}
            label="Cycle time, 85th percentile"
            value={formatDuration(p85, report)}
          />
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
        </div>
        <Text as="p" color="color.text.subtle" testId="overview-window">
          {comparisonSentence(report)}
        </Text>
        {report.discarded.items > 0 && (
          <Text as="p" color="color.text.subtle" testId="overview-discarded">
            {discardedSentence(report)}
          </Text>
        )}
      </Stack>
      <Trends report={report} />
      <AtRiskItems report={report} />
    </Stack>
  );
}
