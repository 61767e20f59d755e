import { NO_DAY } from './calendar-day';
import type { FlowTimeline } from './flow-timeline';

/**
 * The timeline of some of a history's items, cut from the timeline of all of them: an item left out is in the
 * state `buildFlowTimeline` gives an item created after `now` (not included, never started nor done), which
 * every metric already skips. So a report on the cut timeline counts exactly what a report on the history
 * filtered to the same items counts, item for item in the same order, and a page that changes which issue
 * types or facets it shows copies a few columns instead of filtering the history and walking every
 * transition again. What each item measures (its cycle time, time in each status…) depends on that item
 * alone, so the facts of the whole timeline serve the cut one as they are (see `selectedItemFacts`).
 */
export function selectedTimeline(timeline: FlowTimeline, keep: (item: number) => boolean): FlowTimeline {
  const { itemCount: n, stageCount } = timeline;
  const { transitionOffset } = timeline.history;
  // Each column in a variable of its own: the loop below runs once per item of the history, and reading a column
  // from a local is quicker than from an object of twenty, before the engine has compiled the loop as much as later.
  const included = timeline.included.slice();
  const transitionEnd = timeline.transitionEnd.slice();
  const currentStatus = timeline.currentStatus.slice();
  const currentStage = timeline.currentStage.slice();
  const stageEntry = timeline.stageEntry.slice();
  const reached = timeline.reached.slice();
  const reachedDay = timeline.reachedDay.slice();
  const start = timeline.start.slice();
  const done = timeline.done.slice();
  const createdDay = timeline.createdDay.slice();
  const startDay = timeline.startDay.slice();
  const doneDay = timeline.doneDay.slice();
  const discarded = timeline.discarded.slice();
  const deliveredDay = timeline.deliveredDay.slice();
  for (let i = 0; i < n; i++) {
    if (included[i] !== 1 || keep(i)) continue;
    included[i] = 0;
    transitionEnd[i] = transitionOffset[i]!;
    currentStatus[i] = -1;
    currentStage[i] = -1;
    // A loop of a few stages rather than `fill`: a call of the engine's built-in per item left out costs more than its stores.
    for (let at = i * stageCount, end = at + stageCount; at < end; at++) {
      stageEntry[at] = NaN;
      reached[at] = NaN;
      reachedDay[at] = NO_DAY;
    }
    start[i] = NaN;
    done[i] = NaN;
    createdDay[i] = NO_DAY;
    startDay[i] = NO_DAY;
    doneDay[i] = NO_DAY;
    discarded[i] = 0;
    deliveredDay[i] = NO_DAY;
  }
  return {
    ...timeline,
    included,
    transitionEnd,
    currentStatus,
    currentStage,
    stageEntry,
    reached,
    reachedDay,
    start,
    done,
    createdDay,
    startDay,
    doneDay,
    discarded,
    deliveredDay,
  };
}
