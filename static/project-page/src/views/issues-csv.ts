import type { FlowReport } from '../../../../src/domain';
import { csvText } from '../../../../src/shared/csv';
import { unitName } from './format';
import { itemsInPeriod, placeInPeriod } from './items-in-period';

/**
 * The items behind the charts as CSV (those finished in the period and those in progress, as the Issues tab
 * lists them): one row per item, why it is there, then stage entry dates and the time spent in each stage,
 * both in the workflow's order.
 */
export function issuesCsv(report: FlowReport): string {
  const stages = report.generated.workflow.stages;
  const unit = unitName(report);
  const header = [
    'Key',
    'Type',
    'Status',
    'In the period',
    'Start',
    'Done',
    'Cycle time',
    'Age',
    ...stages.map((stage) => `Entered ${stage}`),
    ...stages.map((stage) => `Time in ${stage} (${unit})`),
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
  ]);
  return csvText(header, rows);
}
