import type { CycleTimeDotColumns } from '../../../../src/domain';
import type { ScatterDot } from '../charts/ScatterChart';
import { FinishedItemDot } from './finished-item-dot';

/**
 * The kept scatterplot's dots, read from their columns, in the order the chart draws them: by day, then by cycle
 * time. The columns hold them in the report's order (by day, then by the instant each item finished), so only the
 * dots of each day are put in order, and the chart's own ordering then finds them ordered already: on the page's
 * first chart, 14,000 dots are built without a date string each, and not sorted again.
 */
export function keptScatterDots(columns: CycleTimeDotColumns, describe: (day: number, cycleTime: number) => string): ScatterDot[] {
  const { day, cycleTime } = columns;
  const dots: ScatterDot[] = new Array<ScatterDot>(day.length);
  // The figures name no items: every dot's key is empty, and its description reads its day and cycle time.
  const describeDot = (dot: ScatterDot) => describe(dot.x, dot.y);
  let start = 0;
  while (start < day.length) {
    let end = start + 1;
    while (end < day.length && day[end] === day[start]) end++;
    const times = cycleTime.slice(start, end).sort();
    for (let k = start; k < end; k++) dots[k] = new FinishedItemDot('', day[start]!, times[k - start]!, describeDot);
    start = end;
  }
  return dots;
}
