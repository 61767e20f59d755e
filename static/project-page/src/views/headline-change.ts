import type { FlowReport, HeadlineName } from '../../../../src/domain';
import { count } from './format';

type Comparison = FlowReport['periodComparison'];
type Change = Comparison['changes'][number];

/**
 * The comparison the overview shows: the period against the period of equal length before it, or, when the
 * history does not reach that far back (the whole history is the period, say), the period's last days
 * against the days before them, so the default view still answers "are we getting faster?". Null when
 * neither is possible.
 */
export function shownComparison(report: FlowReport): { comparison: Comparison; recent: boolean } | null {
  if (report.periodComparison.previous !== null) return { comparison: report.periodComparison, recent: false };
  const recent = report.recentComparison ?? null;
  return recent !== null && recent.previous !== null ? { comparison: recent, recent: true } : null;
}

/** How a change reads next to its headline: the words, and whether it is good news, bad news or neither. */
export interface ChangeReading {
  text: string;
  tone: 'better' | 'worse' | 'neutral';
}

const decimals = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

/** The unit a difference is counted in when there is no ratio (the earlier value was zero). */
function differenceUnit(name: HeadlineName, durationUnit: string): string {
  if (name === 'throughputPerWeek') return 'items per week';
  if (name === 'cycleTime50' || name === 'cycleTime85') return durationUnit;
  return 'items';
}

/**
 * "▲ 12% vs previous 30 days (better)" (or "▲ 12% in the last 30 days vs the 30 before (better)" for the
 * period's last days, see `shownComparison`), or why this headline cannot be compared; null when there is no
 * earlier period at all (the overview says so once, not on every headline).
 */
export function readChange(name: HeadlineName, report: FlowReport, durationUnit: string): ChangeReading | null {
  const shown = shownComparison(report);
  if (shown === null) return null;
  const { comparison, recent } = shown;
  const days = count.format(comparison.days);
  const against = recent ? `in the last ${days} days vs the ${days} before` : `vs previous ${days} days`;
  const change: Change | undefined = comparison.changes.find((c) => c.name === name);
  if (change === undefined) return { text: 'Not compared: one of the two periods has no finished items', tone: 'neutral' };
  if (change.verdict === 'unchanged') return { text: `No change ${against}`, tone: 'neutral' };
  const arrow = change.difference > 0 ? '▲' : '▼';
  const size =
    change.relative === null
      ? `${change.difference > 0 ? '+' : '−'}${decimals.format(Math.abs(change.difference))} ${differenceUnit(name, durationUnit)}`
      : percent.format(Math.abs(change.relative));
  if (change.verdict === 'not-judged') return { text: `${arrow} ${size} ${against}`, tone: 'neutral' };
  return { text: `${arrow} ${size} ${against} (${change.verdict})`, tone: change.verdict };
}
