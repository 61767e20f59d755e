import { DEFAULT_LAYOUT, valueScale } from '../charts/layout';
import type { PageReport } from '../report-worker-protocol';

/**
 * The chart's top is at least this many times the highest percentile line: room to see items pass it, while
 * the bands between the lines keep most of the height however old the oldest item is.
 */
const HEADROOM = 1.25;

/** The chart is cut only when its oldest item is this many times older than the top would be. */
const WORTH_CUTTING = 1.5;

/** The top never hides more than this share of the items: they are drawn at their age. */
const SHOWN_AT_THEIR_AGE = 0.5;

/**
 * The age the chart reaches up to, or null when the oldest item fits: the round number at or above a quarter
 * more than the highest percentile line, raised if needed so that half of the items are drawn at their age.
 * A few very old items would otherwise stretch the axis and squeeze the percentile bands flat at the bottom.
 */
export function agingTop(ages: readonly number[], highestLine: number | null): number | null {
  if (highestLine === null || ages.length === 0) return null;
  const sorted = [...ages].sort((a, b) => a - b);
  const typical = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * SHOWN_AT_THEIR_AGE) - 1)]!;
  const top = valueScale(Math.max(HEADROOM * highestLine, typical), DEFAULT_LAYOUT.plot).domain()[1]!;
  // Cut only where it saves real height: an oldest item a little above the top is drawn at its age.
  return sorted.at(-1)! > top * WORTH_CUTTING ? top : null;
}

/** "1 item older", "23 items older". */
export function itemsOlder(count: number): string {
  return `${count} ${count === 1 ? 'item' : 'items'} older`;
}

/** "5 days" or "1 day" (or hours). */
const duration = (value: number, unit: string) => `${value} ${value === 1 ? unit.replace(/s$/, '') : unit}`;

/**
 * Whether an item in progress will breach the service-level expectation, in its tooltip: how long it has
 * left before it reaches the SLE's age, or by how much it has passed it.
 */
export function sleReading(age: number, sle: PageReport['serviceLevelExpectation'], unit: string): string | null {
  if (sle.value === null) return null;
  const rounded = (value: number) => Math.round(value * 10) / 10;
  if (age > sle.value)
    return `past the SLE (${sle.percentile}%: ${duration(sle.value, unit)}) by ${duration(rounded(age - sle.value), unit)}`;
  return `${duration(rounded(sle.value - age), unit)} left before the SLE (${sle.percentile}%: ${duration(sle.value, unit)})`;
}

/**
 * The report's percentile lines (those of `only`, when given), the service-level expectation's named as such
 * and drawn whether or not it is among them.
 */
export function percentileLines(
  report: Pick<PageReport, 'percentiles' | 'serviceLevelExpectation'>,
  unit: string,
  only?: readonly string[],
): Array<{ label: string; value: number }> {
  const sle = report.serviceLevelExpectation ?? { percentile: NaN, value: null };
  const lines = Object.entries(report.percentiles)
    .filter((entry): entry is [string, number] => entry[1] !== null && (only === undefined || only.includes(entry[0])))
    .map(([percentile, value]) => ({
      label: `${Number(percentile) === sle.percentile ? 'SLE ' : ''}${percentile}%: ${duration(value, unit)}`,
      value,
    }));
  if (sle.value !== null && !lines.some((line) => line.label.startsWith('SLE ')))
    lines.push({ label: `SLE ${sle.percentile}%: ${duration(sle.value, unit)}`, value: sle.value });
  return lines.sort((a, b) => a.value - b.value);
}
