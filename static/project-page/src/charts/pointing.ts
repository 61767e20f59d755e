import type { DrawingPoint } from './ChartTooltip';

/** How far from a dot, in viewBox units, the pointer still picks it: dots are drawn a few units wide. */
const PICK_RADIUS = 12;

/** The index of the mark nearest to `at` within `radius`, or null when none is that close. */
export function nearestMark(marks: readonly DrawingPoint[], at: DrawingPoint, radius = PICK_RADIUS): number | null {
  let best: number | null = null;
  let bestDistance = radius * radius;
  marks.forEach((mark, index) => {
    const distance = (mark.x - at.x) ** 2 + (mark.y - at.y) ** 2;
    if (distance <= bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}

/**
 * The index of the column (day, period, bar) whose position is nearest to `x`, or null when there are
 * none: charts over time answer for the whole column, wherever the pointer is in it.
 */
export function nearestColumn(positions: readonly number[], x: number): number | null {
  let best: number | null = null;
  positions.forEach((position, index) => {
    if (best === null || Math.abs(position - x) < Math.abs(positions[best]! - x)) best = index;
  });
  return best;
}
