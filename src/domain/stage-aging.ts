/**
 * Aging by workflow stage, as ActionableAgile draws it: one column per in-progress stage, the items in it at
 * their age, and percentile bands that say how old items usually were when they *left* that stage.
 *
 * An item's age is measured as cycle time is (from its start to the day the aging is seen), so it can be set
 * against how old past items were when they moved on from the stage it sits in: an item in Review aged 9 days
 * when 85% of past items had left Review by 6 days is behind pace, even if 9 days is a fine cycle time.
 *
 * - A stage's exits are the items that reached a later stage (for the first time, `reached`) within the
 *   window, up to the day seen: their age on that day is the sample. Discarded items are left out, as they
 *   are of cycle time: their short times would flatter every band.
 * - A stage with fewer than `MIN_STAGE_EXITS` exits has too few for its own bands; its column uses the
 *   percentiles of the window's cycle times instead, and says so (`basis`).
 * - An item's pace is the share of the column's sample younger than it: "older than 85% of items that left
 *   Review".
 * - The columns are the stages from the start stage up to the done stage, and any other stage an unfinished
 *   item sits in (moved back before the start), so that no item is left off.
 *
 * Seeing the aging "as of" a past day is a timeline built as of that day's end: every transition after it is
 * ignored, so the stages and ages are what the board showed then (see `flow-timeline.ts`).
 */
import { NO_DAY } from './calendar-day';
import type { PercentileMethod } from './conventions';
import { cycleTimes } from './cycle-time';
import type { DurationMeasure } from './duration-unit';
import type { FlowTimeline } from './flow-timeline';
import { percentilesOfSorted, sortedSample, type PercentileValue } from './percentiles';
import { itemsDoneIn, type ReportWindow } from './report-window';
import { workItemAges } from './work-item-age';

/** Fewer exits than this and a stage's own percentiles would swing with every item: cycle times stand in. */
export const MIN_STAGE_EXITS = 20;

/** Where a column's bands come from. */
export type StageAgingBasis = 'stage-exits' | 'cycle-times';

export interface StageAgingColumn {
  /** Stage index in the workflow. */
  stage: number;
  basis: StageAgingBasis;
  /** How many past items the bands are computed from (exits of the stage, or finished items). */
  samples: number;
  /** The bands' upper edges, ascending by percentile; NaN when the sample is empty. */
  percentiles: PercentileValue[];
  /** Items in the stage, oldest first (item indices of the timeline). */
  items: number[];
  /** Age per entry of `items`. */
  ages: number[];
  /** Pace per entry of `items`: the share of the sample younger than it, 0..100; null with an empty sample. */
  paces: Array<number | null>;
}

/** The ages each stage's items had when they left it, within the window: indexed by stage, each ascending. */
export function stageExitAges(timeline: FlowTimeline, measure: DurationMeasure, window: ReportWindow): Float64Array[] {
  const { stageCount, reached, reachedDay, start, startDay, discarded } = timeline;
  const exits: number[][] = Array.from({ length: stageCount }, () => []);
  for (let i = 0; i < timeline.itemCount; i++) {
    if (startDay[i] === NO_DAY || discarded[i] === 1) continue;
    const base = i * stageCount;
    // Leaving stage k is reaching stage k + 1 or any later one: `reached` is that instant.
    for (let k = timeline.workflow.startStage; k < stageCount - 1; k++) {
      const leftDay = reachedDay[base + k + 1]!;
      if (leftDay === NO_DAY || leftDay < window.from || leftDay > window.to) continue;
      exits[k]!.push(measure.between(start[i]!, reached[base + k + 1]!, startDay[i]!, leftDay));
    }
  }
  return exits.map((ages) => Float64Array.from(ages).sort());
}

/** The share (0..100, rounded down) of an ascending sample strictly below `age`; null for an empty sample. */
export function paceOf(age: number, sorted: ArrayLike<number>): number | null {
  if (sorted.length === 0) return null;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < age) low = mid + 1;
    else high = mid;
  }
  return Math.floor((low * 100) / sorted.length);
}

/** The stages shown as columns: start stage up to (not including) done, and any other stage holding an item. */
function agingStages(timeline: FlowTimeline, items: ArrayLike<number>): number[] {
  const { startStage, doneStage } = timeline.workflow;
  const holding = new Set<number>();
  for (let k = 0; k < items.length; k++) holding.add(timeline.currentStage[items[k]!]!);
  const stages: number[] = [];
  for (let s = 0; s < timeline.stageCount; s++) if ((s >= startStage && s < doneStage) || holding.has(s)) stages.push(s);
  return stages;
}

/**
 * The aging of the timeline's unfinished items by stage, as of the timeline's `now`, with bands from the
 * window's exits (the window is cut at the day of `now`: nothing later exists on this timeline).
 */
export function stageAging(
  timeline: FlowTimeline,
  measure: DurationMeasure,
  window: ReportWindow,
  percentiles: readonly number[],
  method: PercentileMethod,
  minimumExits = MIN_STAGE_EXITS,
): StageAgingColumn[] {
  const seen: ReportWindow = { from: window.from, to: Math.min(window.to, timeline.nowDay) };
  const ages = workItemAges(timeline, measure);
  const exits = stageExitAges(timeline, measure, seen);
  const cycle = sortedSample(cycleTimes(timeline, measure), itemsDoneIn(timeline, seen));
  return agingStages(timeline, ages.items).map((stage) => {
    const own = exits[stage]!;
    const basis: StageAgingBasis = own.length >= minimumExits ? 'stage-exits' : 'cycle-times';
    const sample = basis === 'stage-exits' ? own : cycle;
    const items: number[] = [];
    const itemAges: number[] = [];
    ages.items.forEach((item, k) => {
      if (timeline.currentStage[item] !== stage) return;
      items.push(item);
      itemAges.push(ages.ages[k]!);
    });
    return {
      stage,
      basis,
      samples: sample.length,
      percentiles: percentilesOfSorted(sample, percentiles, method),
      items,
      ages: itemAges,
      paces: itemAges.map((age) => paceOf(age, sample)),
    };
  });
}
