import type { DayNumber, WeekdayName } from '../../../../src/domain';
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
 * The dates of a chart's points, for its axis: the day each point stands for (a day, or the first day of its
 * week or month), and the last day of the project's week (its `weekEndsOn` convention, as the report gives
 * it), so that weekly labels fall on the days its weeks start, where the report's weekly periods start.
 * A chart given no days labels its points by their own labels.
 */
export type PointDates = { days: readonly DayNumber[]; weekEndsOn: WeekdayName } | { days?: undefined; weekEndsOn?: undefined };

/**
 * The date labels of a chart whose points stand for `days` (days, or the first days of weeks or months), as
 * many as stand clear of each other with the points `pixelsPerPoint` apart: on calendar boundaries, evenly
 * spaced, weeks from the day after `weekEndsOn`, with the year where it is new (see `pointAxis`). A label with
 * its year is longer than the others, so the labels are settled on the texts written, not on the longest.
 */
export function dateTicksThatFit(days: readonly DayNumber[], weekEndsOn: WeekdayName, pixelsPerPoint: number, centred = false): PointAxis {
  for (let most = MOST_DATE_LABELS; most > 2; most--) {
    const axis = pointAxis(days, weekEndsOn, most);
    if (labelsClear(axis, pixelsPerPoint, centred)) return axis;
  }
  return pointAxis(days, weekEndsOn, 2);
}

/** The date labels of a chart's points (see `dateTicksThatFit`), or null when it was given no days. */
export function pointDateTicks(
  { days, weekEndsOn }: { days?: readonly DayNumber[]; weekEndsOn?: WeekdayName },
  pixelsPerPoint: number,
  centred = false,
): PointAxis | null {
  return days === undefined || weekEndsOn === undefined ? null : dateTicksThatFit(days, weekEndsOn, pixelsPerPoint, centred);
}
