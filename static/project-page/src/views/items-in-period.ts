import { type ItemSelection, NO_FACET_VALUE, type ReportFilters, type ReportItem } from '../../../../src/domain';
import { FACET_PARAMETERS } from '../page-url';
import type { PageReport } from '../report-worker-protocol';

/** Why an item is behind the charts of a period. */
export type PlaceInPeriod = 'Finished' | 'Discarded' | 'In progress';

/** Whether an item was finished in the report's period (its done date within it). */
function finishedIn(item: ReportItem, window: PageReport['generated']['window']): boolean {
  // ISO dates compare as text.
  return item.done !== null && item.done >= window.from && item.done <= window.to;
}

/**
 * The items behind the charts for the filters chosen: those finished in the period (what the cycle-time,
 * throughput and forecast views count), those discarded in it (finished without being delivered, counted
 * apart) and those in progress now (what the aging view shows). Items finished before the period, or not
 * started, are behind none of the charts.
 */
export function itemsInPeriod(report: PageReport): { items: ReportItem[]; finished: number; discarded: number; inProgress: number } {
  const window = report.generated.window;
  const items: ReportItem[] = [];
  let finished = 0;
  let discarded = 0;
  let inProgress = 0;
  for (const item of report.items) {
    if (finishedIn(item, window)) {
      if (item.discarded) discarded++;
      else finished++;
    } else if (item.age !== null) inProgress++;
    else continue;
    items.push(item);
  }
  return { items, finished, discarded, inProgress };
}

/** What an item of `itemsInPeriod` is doing there. */
export function placeInPeriod(item: ReportItem): PlaceInPeriod {
  if (item.done === null) return 'In progress';
  return item.discarded ? 'Discarded' : 'Finished';
}

/** What the export's name says of the filters: the issue types, the facets and the stage range chosen. */
export type ExportedSelection = ItemSelection & Pick<ReportFilters, 'stageRange'>;

/** A name or value as a file name holds it: letters and digits, anything else a hyphen. */
const inFileName = (text: string) => text.replace(/[^A-Za-z0-9]+/g, '-');

/**
 * The file name of the export: the project, the period, the issue types, then each facet chosen (as its URL
 * parameter, "none" for items without one) and the stage range, so two exports never mix up.
 */
export function itemsFileName(projectKey: string, report: PageReport, filters: ExportedSelection): string {
  const { from, to } = report.generated.window;
  const types = filters.issueTypes.length === 0 ? 'all-types' : [...filters.issueTypes].sort().map(inFileName).join('+');
  const facets = FACET_PARAMETERS.flatMap(({ facet, parameter }) => {
    const chosen = filters[facet] ?? [];
    return chosen.length === 0
      ? []
      : [`-${parameter}-${chosen.map((value) => (value === NO_FACET_VALUE ? 'none' : inFileName(value))).join('+')}`];
  }).join('');
  const range = filters.stageRange ? `-from-${inFileName(filters.stageRange.from)}-to-${inFileName(filters.stageRange.to)}` : '';
  return `${projectKey}-flow-items-${from}-to-${to}-${types}${facets}${range}.csv`;
}
