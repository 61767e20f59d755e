import type { ScatterDot } from '../charts/ScatterChart';
import type { KeyedScatterColumns } from '../scatter-columns';

/**
 * A dot of a report's scatterplot: its item's key, the day it finished and its cycle time. Its `title` is a getter
 * on the class, worked out only for the dot under the pointer or the keyboard.
 */
class ItemDot implements ScatterDot {
  constructor(
    readonly key: string,
    readonly x: number,
    readonly y: number,
    private readonly describe: (dot: ScatterDot) => string,
  ) {}

  get title(): string {
    return this.describe(this);
  }
}

/**
 * A report's scatterplot dots, read from the columns the worker sent, in their order (the report's: by day, then by
 * the instant each item finished), which the chart's own ordering takes as runs already in order. Each dot is made
 * straight from its columns, without a point object or a date string read back into a day.
 */
export function reportScatterDots(columns: KeyedScatterColumns, describe: (dot: ScatterDot) => string): ScatterDot[] {
  const { row, day, cycleTime, keys } = columns;
  const dots = new Array<ScatterDot>(day.length);
  for (let k = 0; k < day.length; k++) dots[k] = new ItemDot(keys[row[k]!]!, day[k]!, cycleTime[k]!, describe);
  return dots;
}
