import type { FlowReport } from '../../../../src/domain';
import type { ScatterDot } from '../charts/ScatterChart';
import { DEFAULT_LAYOUT, valueScale } from '../charts/layout';
import { count } from './format';

/** How far the dots of one stage spread to either side of its centre, in stages: clear of the next stage's. */
const SPREAD = 0.35;

/**
 * The chart's top is at least this many times the highest percentile line: room to see items pass it, while
 * the bands between the lines keep most of the height however old the oldest item is.
 */
const HEADROOM = 1.25;

/** The chart is cut only when its oldest item is this many times older than the top would be. */
const WORTH_CUTTING = 1.5;

/** The top never hides more than this share of the items: they are drawn at their age. */
const SHOWN_AT_THEIR_AGE = 0.5;

export interface AgingChart {
  /** The columns along the x axis: stages in workflow order, or the statuses of the one in-progress stage. */
  stages: string[];
  /** Whether the columns are statuses: the workflow has a single in-progress stage, which one column would hide. */
  byStatus: boolean;
  /** The workflow's in-progress stages, named for the summary. */
  stagesOfWorkflow: string;
  dots: ScatterDot[];
  /** The percentile lines (every percentile the table's bands name), the SLE's among them. */
  lines: Array<{ label: string; value: number }>;
  /** The line the too-old items are drawn on, apart from the percentile lines; null when there is none. */
  cap: { label: string; value: number } | null;
  /** Where older items are drawn, or null when every item is drawn at its age. */
  top: number | null;
  /** How many items are older than the top. */
  aboveTop: number;
}

/**
 * The stages where work is in progress: from the start stage up to the done stage, not including it. A stage
 * outside them still shows when an unfinished item sits in it, so that no item is left off the chart.
 */
export function stagesInProgress(report: FlowReport): string[] {
  const { stages, startStage, doneStage } = report.generated.workflow;
  const first = stages.indexOf(startStage);
  const done = stages.indexOf(doneStage);
  const holding = new Set(report.aging.map((item) => item.stage));
  return stages.filter((stage, k) => (k >= first && k < done) || holding.has(stage));
}

/**
 * Where an item sits within its stage's column, from -1 to 1: a hash of its key, so it stays put from one
 * render (and one filter) to the next, and items of equal age scatter without the stripes a spread by rank
 * draws. FNV-1a, then a finaliser that spreads keys differing only in their last digit across the range.
 */
export function spreadOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  hash ^= hash >>> 16;
  return ((hash >>> 0) / 0x1_0000_0000) * 2 - 1;
}

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

/**
 * The statuses of the items in progress, youngest first by median age (a stand-in for workflow order, which
 * statuses within one stage do not have): the columns when the workflow has one in-progress stage.
 */
function statusColumns(report: FlowReport): string[] {
  const ages = new Map<string, number[]>();
  for (const item of report.aging) ages.set(item.status, [...(ages.get(item.status) ?? []), item.age]);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
  return [...ages].sort((a, b) => median(a[1]) - median(b[1]) || a[0].localeCompare(b[0])).map(([status]) => status);
}

/** "5 days" or "1 day" (or hours). */
const duration = (value: number, unit: string) => `${value} ${value === 1 ? unit.replace(/s$/, '') : unit}`;

/**
 * Whether an item in progress will breach the service-level expectation, in its tooltip: how long it has
 * left before it reaches the SLE's age, or by how much it has passed it.
 */
export function sleReading(age: number, sle: FlowReport['serviceLevelExpectation'], unit: string): string | null {
  if (sle.value === null) return null;
  const rounded = (value: number) => Math.round(value * 10) / 10;
  if (age > sle.value) return `past the SLE (${sle.percentile}%: ${duration(sle.value, unit)}) by ${duration(rounded(age - sle.value), unit)}`;
  return `${duration(rounded(sle.value - age), unit)} left before the SLE (${sle.percentile}%: ${duration(sle.value, unit)})`;
}

/**
 * The report's percentile lines (those of `only`, when given), the service-level expectation's named as such
 * and drawn whether or not it is among them.
 */
export function percentileLines(report: FlowReport, unit: string, only?: readonly string[]): Array<{ label: string; value: number }> {
  const sle = report.serviceLevelExpectation ?? { percentile: NaN, value: null };
  const lines = Object.entries(report.percentiles)
    .filter((entry): entry is [string, number] => entry[1] !== null && (only === undefined || only.includes(entry[0])))
    .map(([percentile, value]) => ({ label: `${Number(percentile) === sle.percentile ? 'SLE ' : ''}${percentile}%: ${duration(value, unit)}`, value }));
  if (sle.value !== null && !lines.some((line) => line.label.startsWith('SLE '))) lines.push({ label: `SLE ${sle.percentile}%: ${duration(sle.value, unit)}`, value: sle.value });
  return lines.sort((a, b) => a.value - b.value);
}

/**
 * The aging chart of a report: one dot per unfinished item in its stage's column (its status's, when the
 * workflow has a single in-progress stage), at its age.
 */
export function agingChart(report: FlowReport, unit: string): AgingChart {
  const stagesShown = stagesInProgress(report);
  const byStatus = stagesShown.length === 1 && report.aging.length > 0;
  const stages = byStatus ? statusColumns(report) : stagesShown;
  const lines = percentileLines(report, unit);
  const highestLine = lines.length === 0 ? null : Math.max(...lines.map((line) => line.value));
  const top = agingTop(
    report.aging.map((item) => item.age),
    highestLine,
  );
  const aboveTop = top === null ? 0 : report.aging.filter((item) => item.age > top).length;
  const sle = report.serviceLevelExpectation;
  const dots = report.aging.map((item) => {
    const breach = sle === undefined ? null : sleReading(item.age, sle, unit);
    return {
      key: item.key,
      x: stages.indexOf(byStatus ? item.status : item.stage) + spreadOf(item.key) * SPREAD,
      y: top === null ? item.age : Math.min(item.age, top),
      title: `${item.key}: ${item.status}, ${duration(item.age, unit)}${breach === null ? '' : `; ${breach}`}`,
    };
  });
  // The line along the top says that the dots on it are older than it reads; short enough for the margin
  // beside the plot (the axis gives the age, the summary says it in full). It is drawn unlike a percentile.
  const cap = top === null ? null : { label: `▲ ${count.format(aboveTop)} older`, value: top };
  return { stages, byStatus, stagesOfWorkflow: stagesShown.join(', '), dots, lines, cap, top, aboveTop };
}
