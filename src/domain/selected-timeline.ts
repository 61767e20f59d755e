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
  const cut = {
    ...timeline,
    included: timeline.included.slice(),
    transitionEnd: timeline.transitionEnd.slice(),
    currentStatus: timeline.currentStatus.slice(),
    currentStage: timeline.currentStage.slice(),
    stageEntry: timeline.stageEntry.slice(),
    reached: timeline.reached.slice(),
    reachedDay: timeline.reachedDay.slice(),
    start: timeline.start.slice(),
    done: timeline.done.slice(),
    createdDay: timeline.createdDay.slice(),
    startDay: timeline.startDay.slice(),
    doneDay: timeline.doneDay.slice(),
    discarded: timeline.discarded.slice(),
    deliveredDay: timeline.deliveredDay.slice(),
  };
  for (let i = 0; i < n; i++) {
    if (cut.included[i] !== 1 || keep(i)) continue;
    cut.included[i] = 0;
    cut.transitionEnd[i] = transitionOffset[i]!;
    cut.currentStatus[i] = -1;
    cut.currentStage[i] = -1;
    cut.stageEntry.fill(NaN, i * stageCount, (i + 1) * stageCount);
    cut.reached.fill(NaN, i * stageCount, (i + 1) * stageCount);
    cut.reachedDay.fill(NO_DAY, i * stageCount, (i + 1) * stageCount);
    cut.start[i] = NaN;
    cut.done[i] = NaN;
    cut.createdDay[i] = NO_DAY;
    cut.startDay[i] = NO_DAY;
    cut.doneDay[i] = NO_DAY;
    cut.discarded[i] = 0;
    cut.deliveredDay[i] = NO_DAY;
  }
  return cut;
}
