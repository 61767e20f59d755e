import type { FlowReport } from '../../../../src/domain';
import { csvText } from '../../../../src/shared/csv';
import { unitName } from './format';

/**
 * The items behind the charts as CSV: one row per item, then stage entry dates and the time spent in each
 * stage, both in the workflow's order.
 */
export function issuesCsv(report: FlowReport): string {
  const stages = report.generated.workflow.stages;
  const unit = unitName(report);
  const header = [
    'Key',
    'Type',
    'Status',
    'Start',
    'Done',
    'Cycle time',
    'Age',
    ...stages.map((stage) => `Entered ${stage}`),
    ...stages.map((stage) => `Time in ${stage} (${unit})`),
  ];
  const rows = report.items.map((item) => [
    item.key,
    item.type,
    item.status,
    item.start,
    item.done,
    item.cycleTime,
    item.age,
    ...stages.map((stage) => item.stageDates[stage] ?? null),
    ...stages.map((stage) => item.timeInStage[stage] ?? 0),
  ]);
  return csvText(header, rows);
}
