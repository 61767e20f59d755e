import type { FlowReport } from '../../../../src/domain';

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The items behind the charts as CSV: one row per item, stage entry dates in the workflow's order. */
export function issuesCsv(report: FlowReport): string {
  const stages = report.generated.workflow.stages;
  const header = ['Key', 'Type', 'Status', 'Start', 'Done', 'Cycle time', 'Age', ...stages.map((stage) => `Entered ${stage}`)];
  const lines = [header.map(cell).join(',')];
  for (const item of report.items) {
    lines.push(
      [item.key, item.type, item.status, item.start, item.done, item.cycleTime, item.age, ...stages.map((stage) => item.stageDates[stage] ?? null)]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
