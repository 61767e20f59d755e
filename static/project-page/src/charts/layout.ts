import { createContext, useContext } from 'react';
import { scaleLinear, scaleSymlog } from '@visx/scale';

/**
 * Every chart is drawn at the width its container gives it, one viewBox unit to one CSS pixel, so its text
 * keeps the page's size (11px labels) on a wide page, a narrow one, or in a small overview chart. A drawing
 * scaled to fit instead would shrink or grow its text with the page. The margins hold the value labels
 * (left), the date or category labels (bottom) and the unit above the value axis (top), in pixels.
 */
export const MARGIN = { left: 48, right: 24, top: 28, bottom: 36 } as const;

/** The widest a drawing is laid out, in CSS pixels: wider, a chart's lines get too long to follow. */
const DRAWING_MAX_WIDTH = 1040;

/** Charts are about 2.6 times as wide as high, within these heights (an overview's small chart still has room to plot). */
const HEIGHT_PER_WIDTH = 280 / 720;
const MIN_HEIGHT = 200;
const MAX_HEIGHT = 360;

/** The size of a drawing and its plot area (inside the margins), in CSS pixels. */
export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
}

/** The layout of a drawing `width` pixels wide (at most `DRAWING_MAX_WIDTH`). */
export function chartLayout(width: number): ChartLayout {
  const drawn = Math.max(MARGIN.left + MARGIN.right + 1, Math.min(DRAWING_MAX_WIDTH, Math.round(width)));
  const height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, drawn * HEIGHT_PER_WIDTH)));
  return {
    width: drawn,
    height,
    plot: { left: MARGIN.left, right: drawn - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom },
  };
}

/** The layout before the container is measured, or where nothing can measure it (tests without layout). */
export const DEFAULT_LAYOUT = chartLayout(720);

/** The layout of the drawing being rendered: `ChartFrame` measures its width and provides it. */
export const ChartLayoutContext = createContext<ChartLayout>(DEFAULT_LAYOUT);

export function useChartLayout(): ChartLayout {
  return useContext(ChartLayoutContext);
}

/**
 * How many value labels to ask the scale for: it picks round steps, so this yields four to eight labels,
 * far enough apart at the chart's height.
 */
export const VALUE_TICKS = 4;

/**
 * The value axis, from zero up to a round number at or above `maxValue` (at least 1, so a chart of zeros
 * still has an axis).
 */
export function valueScale(maxValue: number, plot: ChartLayout['plot']) {
  return scaleLinear<number>({ domain: [0, Math.max(1, maxValue)], range: [plot.bottom, plot.top], nice: VALUE_TICKS });
}

/** About how wide a label is, in pixels per character of the charts' 11px text. */
export const CHARACTER_WIDTH = 6.2;
/**
 * The height a browser gives a line of the charts' 11px text, ascent to descent: 12 to 15 pixels in the
 * common sans-serif fonts (up to 1.36 em), so labels stacked closer than this cover each other's boxes.
 */
export const LINE_HEIGHT = 15;
/** From the centre line of the charts' 11px text to its baseline: a label level with a mark is written this far below it. */
export const CENTRE_TO_BASELINE = 4;
/** The least space between two labels side by side. */
export const LABEL_GAP = 16;

/**
 * How many labels of `characters` characters fit side by side across `width` pixels: at most `most`, at
 * least two (the first and the last). Text keeps its size on a narrow chart, so a narrow chart has fewer.
 */
export function labelsThatFit(width: number, characters: number, most = 6): number {
  return Math.max(2, Math.min(most, Math.floor(width / (characters * CHARACTER_WIDTH + LABEL_GAP))));
}

/** The length of the longest of `labels`. */
export function longest(labels: Iterable<string>): number {
  let max = 0;
  for (const label of labels) if (label.length > max) max = label.length;
  return max;
}

/**
 * Evenly spaced indices of `length` labels, at most `count` of them, from the first: every `step`-th, the
 * same whole step throughout, so labelled weeks or days are equally far apart (a rounded fractional step
 * labels weeks 0, 16, 32, 47, 63: uneven). The last is labelled when the step lands on it.
 */
export function labelIndices(length: number, count = 6): number[] {
  if (length <= 0) return [];
  if (length <= count) return Array.from({ length }, (_, i) => i);
  const step = Math.ceil((length - 1) / (count - 1));
  return Array.from({ length: Math.floor((length - 1) / step) + 1 }, (_, i) => i * step);
}

/** Steps of a number line a reader counts in without effort: 1, 2, 5, 10, 20, 50… times the bars' spacing. */
function roundStep(minimum: number): number {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const multiple of [1, 2, 5]) if (multiple * magnitude >= minimum) return multiple * magnitude;
  }
}

/**
 * Which of `positions` (the numbers bars stand for, ascending and evenly spaced: counts, or the lower edges of
 * histogram bins) to label, at most `count` of them: those at round multiples of the spacing (0, 10, 20…
 * rather than 1, 35, 68…), as on a ruler.
 */
export function roundLabelIndices(positions: readonly number[], count = 6): number[] {
  if (positions.length <= 1) return positions.map((_, i) => i);
  const spacing = positions[1]! - positions[0]!;
  if (!(spacing > 0)) return labelIndices(positions.length, count);
  const slots = positions.map((position) => Math.round(position / spacing));
  const span = slots.at(-1)! - slots[0]!;
  // The smallest round step whose multiples between the first and the last slot fit in `count`.
  let step = roundStep(Math.max(1, span / count));
  while (slots.filter((slot) => slot % step === 0).length > count) step = roundStep(step + 1);
  return slots.flatMap((slot, i) => (slot % step === 0 ? [i] : []));
}

/** The largest of `values`, or 0 when there are none (without spreading thousands of arguments). */
export function largest(values: Iterable<number>): number {
  let max = 0;
  for (const value of values) if (value > max) max = value;
  return max;
}

/** Round steps of a logarithmic value axis: 0, 1, 2, 5, 10, 20, 50, … */
export function logTicks(maxValue: number): number[] {
  const ticks = [0];
  for (let decade = 1; decade <= Math.max(1, maxValue) * 10; decade *= 10) {
    for (const step of [1, 2, 5]) if (step * decade <= maxValue) ticks.push(step * decade);
  }
  return ticks;
}

/**
 * A logarithmic value axis from zero (symmetric-log: linear below 1, so a cycle time of 0 still has a place)
 * up to the round step at or above `maxValue`: short and long cycle times both get room to be read.
 */
export function logValueScale(maxValue: number, plot: ChartLayout['plot']) {
  const steps = logTicks(Math.max(1, maxValue) * 10);
  const top = steps.find((step) => step >= maxValue) ?? Math.max(1, maxValue);
  return scaleSymlog<number>({ domain: [0, Math.max(1, top)], range: [plot.bottom, plot.top], constant: 1 });
}

/** A value axis: linear (`valueScale`) or logarithmic (`logValueScale`). */
export type ValueScale = ReturnType<typeof valueScale> | ReturnType<typeof logValueScale>;
