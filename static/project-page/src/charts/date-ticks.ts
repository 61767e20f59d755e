import type { DayNumber } from '../../../../src/domain';
import { pointAxis, type PointAxis } from '../views/date-axis';
import { CHARACTER_WIDTH, LABEL_GAP } from './layout';

/** The most date labels an axis carries, however wide: more are hard to tell apart at a glance. */
const MOST_DATE_LABELS = 7;

/**
 * Whether the labels of `axis` stand clear of each other, points `pixelsPerPoint` apart. Each label is
 * centred on its point (`centred`), or, as `Axes` draws a run chart's, the first starts at its point and the
 * last ends at it.
 */
function labelsClear(axis: PointAxis, pixelsPerPoint: number, centred: boolean): boolean {
  const widths = axis.indices.map((index) => axis.label(index).length * CHARACTER_WIDTH);
  const last = widths.length - 1;
  const right = (k: number) => (centred || (k > 0 && k < last) ? widths[k]! / 2 : k === 0 ? widths[k]! : 0);
  const left = (k: number) => (centred || (k > 0 && k < last) ? widths[k]! / 2 : k === last ? widths[k]! : 0);
  return axis.indices.every(
    (index, k) => k === last || (axis.indices[k + 1]! - index) * pixelsPerPoint >= right(k) + left(k + 1) + LABEL_GAP,
  );
}

/**
 * The date labels of a chart whose points stand for `days` (days, or the first days of weeks or months), as
 * many as stand clear of each other with the points `pixelsPerPoint` apart: on calendar boundaries, evenly
 * spaced, with the year where it is new (see `pointAxis`). A label with its year is longer than the others,
 * so the labels are settled on the texts written, not on the longest.
 */
export function dateTicksThatFit(days: readonly DayNumber[], pixelsPerPoint: number, centred = false): PointAxis {
  for (let most = MOST_DATE_LABELS; most > 2; most--) {
    const axis = pointAxis(days, most);
    if (labelsClear(axis, pixelsPerPoint, centred)) return axis;
  }
  return pointAxis(days, 2);
}
