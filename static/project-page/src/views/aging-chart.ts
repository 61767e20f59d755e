import type { FlowReport } from '../../../../src/domain';
import type { ScatterDot } from '../charts/ScatterChart';
import { DEFAULT_LAYOUT, valueScale } from '../charts/layout';
import { count } from './format';

/** The percentile lines teams quote, drawn across the aging chart. */
const LABELLED_PERCENTILES = ['50', '85', '95'];

/** How far the dots of one stage spread to either side of its centre, in stages: clear of the next stage's. */
const SPREAD = 0.35;

/**
 * The chart's top is at least this many times the highest percentile line, so the bands between the lines
 * take a good part of the height however old the oldest item is.
 */
const HEADROOM = 2;

/** The top never hides more than this share of the items: they are drawn at their age. */
const SHOWN_AT_THEIR_AGE = 0.75;

export interface AgingChart {
  /** The stages along the x axis, in workflow order. */
  stages: string[];
  dots: ScatterDot[];
  lines: Array<{ label: string; value: number }>;
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
 * The age the chart reaches up to, or null when the oldest item fits: the round number at or above twice the
 * highest percentile line, raised if needed so that three quarters of the items are drawn at their age. A
 * few very old items would otherwise stretch the axis and squeeze the percentile bands flat at the bottom.
 */
export function agingTop(ages: readonly number[], highestLine: number | null): number | null {
  if (highestLine === null || ages.length === 0) return null;
  const sorted = [...ages].sort((a, b) => a - b);
  const typical = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * SHOWN_AT_THEIR_AGE) - 1)]!;
  const top = valueScale(Math.max(HEADROOM * highestLine, typical), DEFAULT_LAYOUT.plot).domain()[1]!;
  return sorted.at(-1)! > top ? top : null;
}

/** "1 item older", "23 items older". */
export function itemsOlder(count: number): string {
  return `${count} ${count === 1 ? 'item' : 'items'} older`;
}

/** The aging chart of a report: one dot per unfinished item in its stage's column, at its age. */
export function agingChart(report: FlowReport, unit: string): AgingChart {
  const stages = stagesInProgress(report);
  const lines = Object.entries(report.percentiles)
    .filter((entry): entry is [string, number] => entry[1] !== null && LABELLED_PERCENTILES.includes(entry[0]))
    .map(([percentile, value]) => ({ label: `${percentile}%: ${value} ${unit}`, value }));
  const highestLine = lines.length === 0 ? null : Math.max(...lines.map((line) => line.value));
  const top = agingTop(
    report.aging.map((item) => item.age),
    highestLine,
  );
  const aboveTop = top === null ? 0 : report.aging.filter((item) => item.age > top).length;
  const dots = report.aging.map((item) => ({
    key: item.key,
    x: stages.indexOf(item.stage) + spreadOf(item.key) * SPREAD,
    y: top === null ? item.age : Math.min(item.age, top),
    title: `${item.key}: ${item.status}, ${item.age} ${unit}`,
  }));
  // The line along the top says that the dots on it are older than it reads; short enough for the margin
  // beside the plot (the axis gives the age, the summary says it in full).
  const topLine = top === null ? [] : [{ label: `▲ ${count.format(aboveTop)} older`, value: top }];
  return { stages, dots, lines: [...lines, ...topLine], top, aboveTop };
}
