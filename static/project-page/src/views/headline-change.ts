import type { FlowReport, HeadlineName } from '../../../../src/domain';
import { count, rate } from './format';

type Comparison = FlowReport['periodComparison'];
/** What a change is read from: the report's comparisons (the overview's figures carry the same). */
type Comparisons = Pick<FlowReport, 'periodComparison' | 'recentComparison'>;
type Change = Comparison['changes'][number];

/**
 * The comparison the overview shows: the period against the period of equal length before it, or, when the
 * history does not reach that far back (the whole history is the period, say), the period's last days
 * against the days before them, so the default view still answers "are we getting faster?". Null when
 * neither is possible.
 */
export function shownComparison(report: Comparisons): { comparison: Comparison; recent: boolean } | null {
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

/** A headline's value as its card writes it. */
function headlineValue(name: HeadlineName, value: number | null, durationUnit: string): string {
  if (value === null) return '–';
  if (name === 'throughputPerWeek') return `${rate.format(value)} ${value === 1 ? 'item' : 'items'}`;
  if (name === 'cycleTime50' || name === 'cycleTime85')
    return `${decimals.format(value)} ${value === 1 ? durationUnit.replace(/s$/, '') : durationUnit}`;
  return `${count.format(value)} ${value === 1 ? 'item' : 'items'}`;
}

/**
 * "▲ 12% vs previous 30 days (better)", or why this headline cannot be compared; null when there is no
 * earlier period at all (the overview says so once, not on every headline).
 *
 * When the change is measured on the period's last days (see `shownComparison`), it is not a change of the
 * headline above it, which describes the whole period: it then carries its own value and window, "Last 30
 * days: 11 items, ▲ 12% vs the 30 before (better)", so a number and its change always describe one window.
 */
export function readChange(name: HeadlineName, report: Comparisons, durationUnit: string): ChangeReading | null {
  const shown = shownComparison(report);
  if (shown === null) return null;
  const { comparison, recent } = shown;
  const days = count.format(comparison.days);
  const against = recent ? `vs the ${days} before` : `vs previous ${days} days`;
  const lead = recent ? `Last ${days} days: ${headlineValue(name, comparison.current[name], durationUnit)}, ` : '';
  const change: Change | undefined = comparison.changes.find((c) => c.name === name);
  if (change === undefined) return { text: 'Not compared: one of the two periods has no finished items', tone: 'neutral' };
  if (change.verdict === 'unchanged') return { text: `${lead}${lead ? 'no' : 'No'} change ${against}`, tone: 'neutral' };
  const arrow = change.difference > 0 ? '▲' : '▼';
  const size =
    change.relative === null
      ? `${change.difference > 0 ? '+' : '−'}${decimals.format(Math.abs(change.difference))} ${differenceUnit(name, durationUnit)}`
      : percent.format(Math.abs(change.relative));
  if (change.verdict === 'not-judged') return { text: `${lead}${arrow} ${size} ${against}`, tone: 'neutral' };
  return { text: `${lead}${arrow} ${size} ${against} (${change.verdict})`, tone: change.verdict };
}
