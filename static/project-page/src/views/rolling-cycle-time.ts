import { type CycleTimeReport, isoDateToDay, rollingPercentile, type PercentileMethod } from '../../../../src/domain';

/** The rolling windows a reader can choose for the scatterplot, in items. */
export const ROLLING_WINDOWS = [10, 20, 50] as const;

/** The percentile the rolling line follows: the one teams quote for a single item. */
export const ROLLING_PERCENTILE = 85;

/**
 * The scatterplot's rolling 85th percentile: for each finished item from the `size`-th on, in the order they
 * finished, the 85th percentile of the last `size` items' cycle times, at the day it finished.
 */
export function rollingCycleTime(
  report: Pick<CycleTimeReport, 'generated' | 'scatter'>,
  size: number,
): { label: string; points: Array<{ x: number; y: number }> } {
  const method = (report.generated.conventions.percentileMethod as PercentileMethod | undefined) ?? 'nearest-rank';
  const values = rollingPercentile(
    report.scatter.map((point) => point.cycleTime),
    size,
    ROLLING_PERCENTILE,
    method,
  );
  const points: Array<{ x: number; y: number }> = [];
  report.scatter.forEach((point, k) => {
    if (!Number.isNaN(values[k]!)) points.push({ x: isoDateToDay(point.date) ?? 0, y: values[k]! });
  });
  return { label: `${ROLLING_PERCENTILE}%, last ${size}`, points };
}
