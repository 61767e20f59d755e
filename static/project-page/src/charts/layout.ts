import { scaleLinear } from '@visx/scale';

/**
 * Every chart draws into the same viewBox and scales with its container, so text keeps one size relative
 * to the drawing. The margins hold the value labels (left), the date or category labels (bottom) and the
 * unit above the value axis (top).
 */
export const CHART = { width: 720, height: 280, left: 48, right: 24, top: 28, bottom: 36 } as const;

/** The plot area inside the margins, in viewBox units. */
export const PLOT = {
  left: CHART.left,
  right: CHART.width - CHART.right,
  top: CHART.top,
  bottom: CHART.height - CHART.bottom,
} as const;

/**
 * How many value labels to ask the scale for: it picks round steps, so this yields four to eight labels,
 * far enough apart at the chart's height.
 */
export const VALUE_TICKS = 4;

/**
 * The value axis, from zero up to a round number at or above `maxValue` (at least 1, so a chart of zeros
 * still has an axis).
 */
export function valueScale(maxValue: number) {
  return scaleLinear<number>({ domain: [0, Math.max(1, maxValue)], range: [PLOT.bottom, PLOT.top], nice: VALUE_TICKS });
}

/** Evenly spaced indices of `length` labels, at most `count` of them, always including the first and last. */
export function labelIndices(length: number, count = 6): number[] {
  if (length <= 0) return [];
  if (length <= count) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (count - 1);
  return Array.from({ length: count }, (_, i) => Math.round(i * step));
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
