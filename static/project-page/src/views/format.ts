import type { FlowReport } from '../../../../src/domain';

export const count = new Intl.NumberFormat();

/** A count with its noun, singular for exactly one: "1 item", "848 items", "1 day". */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${count.format(n)} ${n === 1 ? singular : plural}`;
}

/** A rate such as items per week: one decimal at most, wherever the page shows one. */
export const rate = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/**
 * The items finished a week over the report's period, worked out from their count: the report carries the rate
 * rounded to two decimals, and rounding that again to one would write 10 for 9.945 (carried as 9.95).
 */
export function itemsPerWeek(report: {
  generated: Pick<FlowReport['generated'], 'doneInWindow'>;
  periodComparison: Pick<FlowReport['periodComparison'], 'days' | 'current'>;
}): number {
  const { days, current } = report.periodComparison;
  return days > 0 ? report.generated.doneInWindow / (days / 7) : (current.throughputPerWeek ?? 0);
}

/** What the duration helpers read of a report (or of the overview's figures): its duration unit. */
type WithUnit = { generated: Pick<FlowReport['generated'], 'unit'> };

/** "days" or "hours", from the report's duration unit. */
export function unitName(report: WithUnit): string {
  return report.generated.unit === 'hours' ? 'hours' : 'days';
}

/** A duration's number: hundredths at most, as the report rounds them, written as the reader's locale writes numbers. */
const durationNumber = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** "5 days", "1 day", "1,200 days", "5.75 hours": a duration in the report's unit; a dash for none. */
export function formatDuration(value: number | null, report: WithUnit): string {
  if (value === null) return '–';
  const unit = unitName(report);
  return `${durationNumber.format(value)} ${value === 1 ? unit.slice(0, -1) : unit}`;
}

// One formatter each, made once: `toLocaleDateString` builds a formatter at every call, which costs a
// re-render of the Cycle time tab several milliseconds for a few dozen months.
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** A month (`2026-03`) as the reader's locale writes it: "Mar 2026". */
export function monthName(month: string): string {
  const [year, number] = month.split('-').map(Number);
  if (!year || !number) return month;
  return monthFormat.format(new Date(Date.UTC(year, number - 1, 1)));
}

/** A long ISO date (`2026-03-12`) as a short axis label (`12 Mar`). */
export function shortDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return iso;
  return shortDateFormat.format(new Date(Date.UTC(year, month - 1, day)));
}
