import { TIME_SPLIT_PARTS, type ItemTimeSplit, type TimeSplitPart } from '../../../../src/domain';
import { csvText } from '../../../../src/shared/csv';
import { unitName } from './format';
import { itemsInPeriod, placeInPeriod } from './items-in-period';
import type { PageReport } from '../report-worker-protocol';

/**
 * The items behind the charts as CSV (those finished in the period and those in progress, as the Issues tab
 * lists them): one row per item, why it is there, then stage entry dates and the time spent in each stage,
 * both in the workflow's order.
 */
/** The time-split columns' names, in the table and the CSV (hours). */
export const TIME_SPLIT_COLUMNS: Record<TimeSplitPart, string> = {
  before: 'Before first pull request',
  coding: 'Coding',
  pickup: 'Waiting for review',
  review: 'In review',
  merge: 'Approved until merged',
  between: 'Between pull requests',
  after: 'After last merge',
};

/**
 * The names of the columns the Issues table and its CSV share: every duration says its unit (the report's,
 * days or hours), so "Cycle time" in a spreadsheet is not read in the wrong one.
 */
export function issueColumnNames(unit: string) {
  return {
    key: 'Key',
    type: 'Type',
    status: 'Status',
    place: 'In the period',
    start: 'Start',
    done: 'Done',
    cycleTime: `Cycle time (${unit})`,
    age: `Age (${unit})`,
    entered: (stage: string) => `Entered ${stage}`,
    timeIn: (stage: string) => `Time in ${stage} (${unit})`,
  };
}

const hours = (ms: number) => Math.round((ms / 3_600_000) * 100) / 100;

/**
 * With `timeSplits` (GitHub connected), each item's time split around its pull requests follows, in hours:
 * empty for an item without a pull request in its cycle.
 */
export function issuesCsv(report: PageReport, timeSplits?: ReadonlyMap<string, ItemTimeSplit>): string {
  const splitParts = timeSplits && timeSplits.size > 0 ? TIME_SPLIT_PARTS : [];
  const stages = report.generated.workflow.stages;
  const names = issueColumnNames(unitName(report));
  const header = [
    names.key,
    names.type,
    names.status,
    names.place,
    names.start,
    names.done,
    names.cycleTime,
    names.age,
    ...stages.map(names.entered),
    ...stages.map(names.timeIn),
    ...splitParts.map((part) => `${TIME_SPLIT_COLUMNS[part]} (hours)`),
  ];
  const rows = itemsInPeriod(report).items.map((item) => [
    item.key,
    item.type,
    item.status,
    placeInPeriod(item),
    item.start,
    item.done,
    item.cycleTime,
    item.age,
    ...stages.map((stage) => item.stageDates[stage] ?? null),
    ...stages.map((stage) => item.timeInStage[stage] ?? 0),
    ...splitParts.map((part) => {
      const split = timeSplits?.get(item.key);
      return split ? hours(split[part]) : null;
    }),
  ]);
  return csvText(header, rows);
}
