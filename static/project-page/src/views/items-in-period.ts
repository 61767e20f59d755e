import type { ReportItem } from '../../../../src/domain';
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

/** The file name of the export: the project, the period and the issue types chosen, so two exports never mix up. */
export function itemsFileName(projectKey: string, report: PageReport, issueTypes: readonly string[]): string {
  const { from, to } = report.generated.window;
  const types =
    issueTypes.length === 0
      ? 'all-types'
      : [...issueTypes]
          .sort()
          .map((type) => type.replace(/[^A-Za-z0-9]+/g, '-'))
          .join('+');
  return `${projectKey}-flow-items-${from}-to-${to}-${types}.csv`;
}
