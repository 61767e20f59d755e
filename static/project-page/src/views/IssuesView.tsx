import { useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { TIME_SPLIT_PARTS, type ItemTimeSplit, type ReportItem } from '../../../../src/domain';
import { formatDate } from '../../../common/format-date-time';
import { saveFile } from '../../../common/save-file';
import { EmptyView } from './EmptyView';
import { count, unitName } from './format';
import { issueColumnNames, issuesCsv, TIME_SPLIT_COLUMNS } from './issues-csv';
import { type ExportedSelection, itemsFileName, itemsInPeriod, placeInPeriod } from './items-in-period';
import { openIssue } from './open-issue';
import './issue-link.css';
import './IssuesView.css';
import type { PageReport } from '../report-worker-protocol';

export const ISSUES_PER_PAGE = 25;
const HOUR = 3_600_000;

/**
 * Marks the header of a column of numbers, which stands right-aligned over them. The table takes no class
 * for a header cell, only a test id, which it writes on the cell (`…--head--cell`): IssuesView.css aligns by it.
 */
const NUMBER_COLUMN = 'issues-number-column';

/** A column to sort by: a field of the item, or `stage:<name>` for the time spent in a stage. */
export type SortKey = 'key' | 'type' | 'status' | 'place' | 'start' | 'done' | 'cycleTime' | 'age' | `stage:${string}`;
type SortOrder = 'ASC' | 'DESC';

const STAGE_PREFIX = 'stage:';
const collator = new Intl.Collator(undefined, { numeric: true });
const stageTime = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** A column's value for sorting; null where the item has none (no start yet, not done, not in progress). */
const SORT_VALUE: Record<string, (item: ReportItem) => string | number | null> = {
  key: (item) => item.key,
  type: (item) => item.type,
  status: (item) => item.status,
  place: placeInPeriod,
  start: (item) => item.start,
  done: (item) => item.done,
  cycleTime: (item) => item.cycleTime,
  age: (item) => item.age,
};

/**
 * The items in a column's order; ties keep the key order. Items without a value in the column come last in
 * either order: "longest cycle time first" starts with the longest, not with the items still in progress.
 */
function sortItems(items: readonly ReportItem[], key: SortKey, order: SortOrder): ReportItem[] {
  const stage = key.startsWith(STAGE_PREFIX) ? key.slice(STAGE_PREFIX.length) : null;
  const value = stage === null ? SORT_VALUE[key]! : (item: ReportItem) => item.timeInStage[stage] ?? 0;
  const sign = order === 'ASC' ? 1 : -1;
  return [...items].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || collator.compare(a.key, b.key);
    const byValue = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return sign * byValue || collator.compare(a.key, b.key);
  });
}

/**
 * The stages whose time the table shows: up to and including the done stage. An item's clock stops when it
 * is done, so time in the done stage is time an item spent done before it was reopened, and later stages
 * hold only such time too: they are left to the CSV, which has every stage.
 */
function stagesThroughDone(report: PageReport): string[] {
  const { stages, doneStage } = report.generated.workflow;
  return stages.slice(0, stages.indexOf(doneStage) + 1);
}

/**
 * The stage columns the table shows: those through done in which at least one item spent time. A column of
 * zeros says nothing ("Time in Done" on most projects, where no item was reopened); the CSV still has it.
 */
function stageColumns(report: PageReport, items: readonly ReportItem[] = report.items): string[] {
  return stagesThroughDone(report).filter((stage) => items.some((item) => (item.timeInStage[stage] ?? 0) !== 0));
}

/** No filter: the name an export takes when the view is not told which filters chose its items. */
const ALL_ITEMS: ExportedSelection = { issueTypes: [] };

/**
 * The items behind the charts for the filters chosen (finished in the period, and in progress), sortable and
 * paginated, with time per stage and a CSV export named after the filters.
 */
export function IssuesView({
  report,
  projectKey,
  selection = ALL_ITEMS,
  timeSplits,
}: {
  report: PageReport;
  projectKey: string;
  /** The filters the items were chosen by, which the export's file name carries: all items unless said. */
  selection?: ExportedSelection;
  /** Where each finished item's time went around its pull requests (ms), when GitHub is connected: a column per part. */
  timeSplits?: ReadonlyMap<string, ItemTimeSplit>;
}) {
  const unit = unitName(report);
  const names = useMemo(() => issueColumnNames(unit), [unit]);
  const splitParts = useMemo(() => (timeSplits && timeSplits.size > 0 ? TIME_SPLIT_PARTS : []), [timeSplits]);
  const behind = useMemo(() => itemsInPeriod(report), [report]);
  const stages = useMemo(() => stageColumns(report, behind.items), [report, behind]);
  const head = useMemo(
    () => ({
      cells: [
        { key: 'key', content: names.key, isSortable: true },
        { key: 'type', content: names.type, isSortable: true },
        { key: 'status', content: names.status, isSortable: true },
        { key: 'place', content: names.place, isSortable: true },
        { key: 'start', content: names.start, isSortable: true },
        { key: 'done', content: names.done, isSortable: true },
        { key: 'cycleTime', content: names.cycleTime, isSortable: true, testId: NUMBER_COLUMN },
        { key: 'age', content: names.age, isSortable: true, testId: NUMBER_COLUMN },
        ...stages.map((stage) => ({
          key: `${STAGE_PREFIX}${stage}`,
          content: names.timeIn(stage),
          isSortable: true,
          testId: NUMBER_COLUMN,
        })),
        ...splitParts.map((part) => ({ key: `split:${part}`, content: `${TIME_SPLIT_COLUMNS[part]} (hours)`, testId: NUMBER_COLUMN })),
      ],
    }),
    [names, stages, splitParts],
  );
  const [sortKey, setSortKey] = useState<SortKey>('key');
  const [sortOrder, setSortOrder] = useState<SortOrder>('ASC');
  const [page, setPage] = useState(1);
  // A stage column sorted by can leave the table when the filters change: the table then goes back to keys.
  const shownSortKey: SortKey = sortKey.startsWith(STAGE_PREFIX) && !stages.includes(sortKey.slice(STAGE_PREFIX.length)) ? 'key' : sortKey;
  const shownSortOrder: SortOrder = shownSortKey === sortKey ? sortOrder : 'ASC';
  const sorted = useMemo(() => sortItems(behind.items, shownSortKey, shownSortOrder), [behind, shownSortKey, shownSortOrder]);
  const pageCount = Math.max(1, Math.ceil(sorted.length / ISSUES_PER_PAGE));
  const currentPage = Math.min(page, pageCount);
  // Paginated here rather than by the table: the table's own pager injects styles at run time. The table
  // also sorts the rows it is given, by their cells' keys; every cell's key is the row's place in
  // `sortItems`'s order (negated when descending, as the table reverses it), so the order stays ours.
  const rows = useMemo(
    () =>
      sorted.slice((currentPage - 1) * ISSUES_PER_PAGE, currentPage * ISSUES_PER_PAGE).map((item, k) => {
        const place = (currentPage - 1) * ISSUES_PER_PAGE + k;
        const key = shownSortOrder === 'ASC' ? place : -place;
        return {
          key: item.key,
          cells: [
            {
              key,
              content: (
                <a
                  className="fm-issue-link fm-issues-nowrap"
                  href={`/browse/${encodeURIComponent(item.key)}`}
                  onClick={(event) => {
                    // Jira opens it: the page's own frame cannot navigate to an issue.
                    event.preventDefault();
                    openIssue(item.key);
                  }}
                >
                  {item.key}
                </a>
              ),
            },
            { key, content: item.type },
            { key, content: item.status },
            { key, content: placeInPeriod(item) },
            { key, content: <span className="fm-issues-nowrap">{item.start === null ? '–' : formatDate(item.start)}</span> },
            { key, content: <span className="fm-issues-nowrap">{item.done === null ? '–' : formatDate(item.done)}</span> },
            { key, content: <span className="fm-issues-number">{item.cycleTime ?? '–'}</span> },
            { key, content: <span className="fm-issues-number">{item.age ?? '–'}</span> },
            ...stages.map((stage) => ({
              key,
              content: <span className="fm-issues-number">{stageTime.format(item.timeInStage[stage] ?? 0)}</span>,
            })),
            ...splitParts.map((part) => {
              const split = timeSplits?.get(item.key);
              return { key, content: <span className="fm-issues-number">{split ? stageTime.format(split[part] / HOUR) : '–'}</span> };
            }),
          ],
        };
      }),
    [sorted, currentPage, shownSortOrder, stages, splitParts, timeSplits],
  );
  if (sorted.length === 0) return <EmptyView testId="tab-panel-issues" message="No items match the filters." />;
  return (
    <Stack space="space.200" testId="tab-panel-issues">
      <Heading size="small" as="h2">
        Items behind the charts
      </Heading>
      <Inline space="space.200" alignBlock="center" spread="space-between">
        <Text color="color.text.subtle" testId="issues-count">
          {`${count.format(behind.finished)} finished from ${formatDate(report.generated.window.from)} to ${formatDate(report.generated.window.to)}${
            behind.discarded > 0 ? ` (and ${count.format(behind.discarded)} discarded)` : ''
          }, plus ${count.format(behind.inProgress)} in progress now`}
        </Text>
        <Button
          testId="issues-export-csv"
          onClick={() =>
            saveFile(
              new Blob([issuesCsv(report, timeSplits)], { type: 'text/csv;charset=utf-8' }),
              itemsFileName(projectKey, report, selection),
            )
          }
        >
          Export CSV
        </Button>
      </Inline>
      {/* Wider than a narrow page (a column per stage): it scrolls sideways on its own, the page does not. */}
      <div className="fm-issues-scroll" data-testid="issues-scroll">
        <DynamicTable
          label="Items behind the charts"
          head={head}
          rows={rows}
          sortKey={shownSortKey}
          sortOrder={shownSortOrder}
          onSort={({ key, sortOrder: order }: { key: string; sortOrder: SortOrder }) => {
            setSortKey(key as SortKey);
            setSortOrder(order);
            setPage(1);
          }}
          testId="issues-table"
        />
      </div>
      {pageCount > 1 && (
        <Inline space="space.100" alignBlock="center" alignInline="center" testId="issues-pager">
          <Button isDisabled={currentPage === 1} onClick={() => setPage(currentPage - 1)} testId="issues-previous-page">
            Previous
          </Button>
          <Text testId="issues-page">{`Page ${currentPage} of ${pageCount}`}</Text>
          <Button isDisabled={currentPage === pageCount} onClick={() => setPage(currentPage + 1)} testId="issues-next-page">
            Next
          </Button>
        </Inline>
      )}
    </Stack>
  );
}
