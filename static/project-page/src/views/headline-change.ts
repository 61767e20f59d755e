import type { FlowReport, HeadlineName } from '../../../../src/domain';
import { count } from './format';

type Change = FlowReport['periodComparison']['changes'][number];

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
 * "▲ 12% vs previous 30 days (better)", or why this headline cannot be compared; null when there is no
 * earlier period at all (the overview says so once, not on every headline).
 */
export function readChange(name: HeadlineName, report: FlowReport, durationUnit: string): ChangeReading | null {
  const comparison = report.periodComparison;
  const against = `vs previous ${count.format(comparison.days)} days`;
  if (comparison.previous === null) return null;
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
