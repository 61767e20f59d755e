import type { ScatterDot } from '../charts/ScatterChart';
import type { KeyedScatterColumns } from '../scatter-columns';
import { FinishedItemDot } from './finished-item-dot';

/**
 * A report's scatterplot dots, read from the columns the worker sent, in their order (the report's: by day, then by
 * the instant each item finished). The chart orders its dots by day, then cycle time, then key, so within a day it
 * still sorts them; ordering them here was tried and was slower in the page (see docs/project-page-performance.md,
 * "Filter changes: less drawn for nothing"). Each dot is made straight from its columns, without a point object or
 * a date string read back into a day.
 */
export function reportScatterDots(columns: KeyedScatterColumns, describe: (dot: ScatterDot) => string): ScatterDot[] {
  const { row, day, cycleTime, keys } = columns;
  const dots = new Array<ScatterDot>(day.length);
  for (let k = 0; k < day.length; k++) dots[k] = new FinishedItemDot(keys[row[k]!]!, day[k]!, cycleTime[k]!, describe);
  return dots;
}
