import type { FlowReport } from '../../../../src/domain';

export const count = new Intl.NumberFormat();

/** A rate such as items per week: one decimal at most, wherever the page shows one. */
export const rate = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** "days" or "hours", from the report's duration unit. */
export function unitName(report: FlowReport): string {
  return report.generated.unit === 'hours' ? 'hours' : 'days';
}

export function formatDuration(value: number | null, report: FlowReport): string {
  return value === null ? '–' : `${value} ${unitName(report)}`;
}

/** A long ISO date (`2026-03-12`) as a short axis label (`12 Mar`). */
export function shortDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return iso;
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}
