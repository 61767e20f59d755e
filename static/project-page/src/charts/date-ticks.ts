import type { DayNumber } from '../../../../src/domain';
import { pointAxis, type PointAxis } from '../views/date-axis';
import { labelsThatFit, longest } from './layout';

/** The most date labels an axis carries, however wide: more are hard to tell apart at a glance. */
const MOST_DATE_LABELS = 7;

/**
 * The date labels of a chart whose points stand for `days` (days, or the first days of weeks or months), as
 * many as fit side by side across `width` pixels: on calendar boundaries, evenly spaced, with the year where
 * it is new (see `pointAxis`). Labels with a year are longer, so the count is settled on the labels written.
 */
export function dateTicksThatFit(days: readonly DayNumber[], width: number): PointAxis {
  for (let most = MOST_DATE_LABELS; most > 2; most--) {
    const axis = pointAxis(days, most);
    if (axis.indices.length <= labelsThatFit(width, longest(axis.indices.map(axis.label)), MOST_DATE_LABELS)) return axis;
  }
  return pointAxis(days, 2);
}
