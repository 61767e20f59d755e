/**
 * A zoom into a date range of the scatterplot: days (day numbers) from `from` to `to`, both included,
 * always inside the report's period and at least `MIN_ZOOM_DAYS` long. Null is the whole period.
 */
export interface DayRange {
  from: number;
  to: number;
}

/** A week: a narrower range has too few dots to read, and a drag that short is more likely a slipped click. */
export const MIN_ZOOM_DAYS = 7;

/** `range` moved and cut to lie inside `period`, at least `MIN_ZOOM_DAYS` long; null when it covers the period. */
export function clampRange(range: DayRange, period: DayRange): DayRange | null {
  const periodDays = period.to - period.from + 1;
  const days = Math.min(periodDays, Math.max(MIN_ZOOM_DAYS, Math.round(range.to) - Math.round(range.from) + 1));
  if (days >= periodDays) return null;
  const from = Math.min(Math.max(period.from, Math.round(range.from)), period.to - days + 1);
  return { from, to: from + days - 1 };
}

/** The range between two points of a drag (in days, either order); what lies outside the period is cut off. */
export function dragRange(start: number, end: number, period: DayRange): DayRange | null {
  const from = Math.max(period.from, Math.min(start, end));
  const to = Math.min(period.to, Math.max(start, end));
  return clampRange({ from, to: Math.max(from, to) }, period);
}

const spanOf = (range: DayRange) => range.to - range.from + 1;

/** Half as many days, around the same middle. */
export function zoomIn(shown: DayRange | null, period: DayRange): DayRange | null {
  const current = shown ?? period;
  const days = Math.max(MIN_ZOOM_DAYS, Math.round(spanOf(current) / 2));
  const from = Math.round(current.from + (spanOf(current) - days) / 2);
  return clampRange({ from, to: from + days - 1 }, period);
}

/** Twice as many days, around the same middle; the whole period once it would cover it. */
export function zoomOut(shown: DayRange | null, period: DayRange): DayRange | null {
  if (shown === null) return null;
  const days = spanOf(shown) * 2;
  const from = Math.round(shown.from - spanOf(shown) / 2);
  return clampRange({ from, to: from + days - 1 }, period);
}

/** Half the range's days earlier (-1) or later (1), stopping at the period's ends. */
export function pan(shown: DayRange | null, period: DayRange, direction: -1 | 1): DayRange | null {
  if (shown === null) return null;
  const by = Math.max(1, Math.round(spanOf(shown) / 2)) * direction;
  return clampRange({ from: shown.from + by, to: shown.to + by }, period);
}
