import type { ScatterDot } from '../charts/ScatterChart';

/**
 * A finished item's dot on the cycle-time scatterplot: its item's key (empty where the figures name no items, as
 * those kept with the Overview's), the day it finished and its cycle time. Its `title` is a getter on the class,
 * not on each dot: only the dot under the pointer or the keyboard is ever described, and 15,000 objects of one
 * class are built in a fraction of the time object literals with their own getters take. Every kind of figures
 * makes its dots of this one class, so the chart's code sees one shape of dot.
 */
export class FinishedItemDot implements ScatterDot {
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
