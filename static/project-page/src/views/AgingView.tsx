import { useEffect, useMemo, useState } from 'react';
import SectionMessage from '@atlaskit/section-message';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { DayInput } from '../DayInput';
import type { StageAgingResult } from '../../../../src/domain';
import { formatDate } from '../../../common/format-date-time';
import { LoadingState } from '../../../common/LoadingState';
import { ChartFrame } from '../charts/ChartFrame';
import { bandColour } from '../charts/StageAgingChart';
import { StageAgingChart } from '../charts/StageAgingChart';
import { itemsOlder } from './aging-chart';
import { EmptyView } from './EmptyView';
import { count, formatDuration, unitName } from './format';
import { openIssue } from './open-issue';
import { type AgingBand, basisReading, paceReading, stageAgingChart } from './stage-aging-chart';
import './issue-link.css';
import './AgingView.css';
import type { PageReport } from '../report-worker-protocol';
import { useTabOptions, type ChangeTabOptions, type TabOptions } from '../tab-options';

/** The rows the table under the chart lists, oldest first; the chart's own data table has every item. */
const AGING_ROWS = 100;

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

/**
 * An item's pace as the chart colours it: the band behind its dot, in that band's colour and named in words, so
 * the colour is never the only way to read it.
 */
function PaceBand({ placed }: { placed: { band: AgingBand; of: number } | undefined }) {
  if (placed === undefined) return '–';
  return (
    <span
      className="fm-aging-pace-band"
      data-testid="aging-pace-band"
      data-rank={placed.band.rank}
      style={{ backgroundColor: bandColour(placed.band.rank, placed.of) }}
    >
      {placed.band.label}
    </span>
  );
}

/** The day the aging is seen on: empty for today. A native date input, as the period filter's. */
function AsOfInput({ value, today, first, onChange }: { value: string; today: string; first: string; onChange: (value: string) => void }) {
  return (
    <label className="fm-filter">
      <Text size="small" weight="medium">
        As it stood on
      </Text>
      <DayInput testId="aging-as-of" value={value} min={first} max={today} onChange={onChange} />
    </label>
  );
}

/** The aging asked for, once computed; the last one stays shown while the next is computed. */
function useAgingAsOf(agingAsOf: (asOfDate: string | null) => Promise<StageAgingResult>, day: string | null): StageAgingResult | null {
  const [shown, setShown] = useState<StageAgingResult | null>(null);
  useEffect(() => {
    let wanted = true;
    agingAsOf(day).then(
      (result) => wanted && setShown(result),
      (cause: unknown) =>
        wanted && setShown({ ok: false, message: cause instanceof Error ? cause.message : 'The aging could not be computed.' }),
    );
    return () => {
      wanted = false;
    };
  }, [agingAsOf, day]);
  return shown;
}

/** A whole date before today, which the aging can be seen on; null for a partly typed or cleared one. */
const pastDay = (value: string, today: string) => (/^\d{4}-\d\d-\d\d$/.test(value) && value < today ? value : null);

/**
 * Unfinished items by stage and age, against how old past items were when they left each stage, as of
 * today or the end of a chosen day. The day is of the page's tab options (written to its URL) when it gives them.
 */
export function AgingView({
  report,
  agingAsOf,
  today,
  options: givenOptions,
  onOptionsChange,
}: {
  report: PageReport;
  /** Aging by stage as of the end of a day (`YYYY-MM-DD`, in the project's time zone), or now: computed off the page's thread. */
  agingAsOf: (asOfDate: string | null) => Promise<StageAgingResult>;
  today: string;
  options?: TabOptions;
  onOptionsChange?: ChangeTabOptions;
}) {
  const unit = unitName(report);
  const [options, changeOptions] = useTabOptions(givenOptions, onOptionsChange);
  // What the input holds; the day shown is the last whole one, as the URL keeps it.
  const [asOfDate, setAsOfDate] = useState(options.agingDay ?? '');
  const editAsOf = (value: string) => {
    setAsOfDate(value);
    if (value === '' || pastDay(value, today) !== null) changeOptions({ agingDay: pastDay(value, today) });
  };
  // A partly typed or cleared date shows today's aging.
  const day = pastDay(asOfDate, today);
  const result = useAgingAsOf(agingAsOf, day);
  const inProgressStages = useMemo(() => {
    const { stages, startStage, doneStage } = report.generated.workflow;
    return stages.slice(stages.indexOf(startStage), stages.indexOf(doneStage));
  }, [report.generated.workflow]);
  // The SLE is the period's: it says the same of an item today and on a past day.
  const chart = useMemo(
    () => (result?.ok ? stageAgingChart(result.aging, report.serviceLevelExpectation, inProgressStages) : null),
    [result, report.serviceLevelExpectation, inProgressStages],
  );
  const picker = <AsOfInput value={asOfDate} today={today} first={report.generated.window.from} onChange={editAsOf} />;
  if (result === null) {
    return (
      <Stack space="space.200" testId="tab-panel-aging">
        {picker}
        <LoadingState label="Computing the aging" />
      </Stack>
    );
  }
  if (!result.ok || chart === null) {
    return (
      <Stack space="space.200" testId="tab-panel-aging">
        {picker}
        <SectionMessage appearance="error" testId="aging-error">
          <Text as="p">{result.ok ? 'The aging could not be drawn.' : result.message}</Text>
        </SectionMessage>
      </Stack>
    );
  }
  const aging = result.aging;
  const when = day === null ? 'today' : `at the end of ${formatDate(aging.asOfDate)}`;
  const rows = aging.columns
    .flatMap((column) => column.items.map((item) => ({ ...item, stage: column.stage, paceText: paceReading(item.pace, column) })))
    .sort((a, b) => b.age - a.age || a.key.localeCompare(b.key));
  if (rows.length === 0) {
    return (
      <Stack space="space.200" testId="tab-panel-aging">
        {picker}
        <EmptyView testId="tab-panel-aging-none" message={`No items were in progress ${when}.`} />
      </Stack>
    );
  }
  const oldest = rows[0]!;
  const bases = aging.columns.map((column) => basisReading(column, aging.minimumExits, inProgressStages.includes(column.stage))).join('. ');
  return (
    <Stack space="space.400" testId="tab-panel-aging">
      {picker}
      <ChartFrame
        testId="chart-aging"
        title={`Age of unfinished items by ${chart.byStatus ? 'status' : 'stage'}, ${when}`}
        summary={`${count.format(rows.length)} ${rows.length === 1 ? 'item' : 'items'} in progress ${when}; the oldest is ${oldest.key} at ${formatDuration(oldest.age, report)}.${
          chart.byStatus ? ` The workflow has one in-progress stage (${inProgressStages[0]!}), so each status has a column.` : ''
        } Behind each column, coloured bands from green to red: how old past items were when they moved on. ${bases}.${
          chart.top === null
            ? ''
            : ` ${itemsOlder(chart.aboveTop)} than ${formatDuration(chart.top, report)} ${chart.aboveTop === 1 ? 'is' : 'are'} drawn on the line at the top.`
        } A number beside a dot counts the items of that age${chart.top === null ? '' : ' (on the top line, the items older than it)'}.`}
        table={{
          caption: `Unfinished items ${when}, oldest first`,
          columns: ['Item', 'Stage', 'Status', `Age (${unit})`, 'Pace'],
          rows: rows.map((item) => [item.key, item.stage, item.status, item.age, item.paceText ?? '–']),
        }}
      >
        <StageAgingChart chart={chart} unit={unit} onOpen={openIssue} />
      </ChartFrame>
      <Inline space="space.150" shouldWrap testId="aging-legend">
        {(chart.columns.find((column) => column.bands.length > 0)?.bands ?? []).map((band, _, bands) => (
          <span key={band.label} className="fm-aging-legend-item">
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" fill={bandColour(band.rank, bands.length)} />
            </svg>
            <Text size="small">{band.label}</Text>
          </span>
        ))}
      </Inline>
      <table className="fm-table" data-testid="aging-table">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Stage</th>
            <th scope="col">Status</th>
            <th scope="col">Age</th>
            <th scope="col">Pace band</th>
            <th scope="col">Pace</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, AGING_ROWS).map((item) => (
            <tr key={item.key}>
              <td>
                <IssueLink issueKey={item.key} />
              </td>
              <td>{item.stage}</td>
              <td>{item.status}</td>
              <td>{formatDuration(item.age, report)}</td>
              <td>
                <PaceBand placed={chart.itemBands.get(item.key)} />
              </td>
              <td>{item.paceText ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > AGING_ROWS && (
        <Text as="p" size="small" color="color.text.subtle" testId="aging-table-cut">
          {`The oldest ${count.format(AGING_ROWS)} of ${count.format(rows.length)} items in progress; the chart's data table and the Issues tab list them all.`}
        </Text>
      )}
    </Stack>
  );
}
