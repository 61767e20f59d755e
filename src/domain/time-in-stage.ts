/**
 * Time in stage: for each item, how long it spent in each stage of the workflow.
 *
 * The time-in-status figures added up by the stage each status belongs to, so both answer "where did this
 * item wait?" with the same clock: exact elapsed time from creation until the item was done, or until `now`
 * if it is not. A stage an item never visited has zero time. Statuses that no stage lists add to no stage.
 */
import type { FlowTimeline } from './flow-timeline';
import { timeInStatus, type TimeInStatus } from './time-in-status';

/** Milliseconds per item and stage: item i, stage k is at `i * stageCount + k`. */
export function timeInStage(timeline: FlowTimeline, statusTimes: TimeInStatus = timeInStatus(timeline)): Float64Array {
  const { stageCount, itemCount } = timeline;
  const { stageOfStatus } = timeline.workflow;
  const { offsets, status, ms } = statusTimes;
  const perStage = new Float64Array(itemCount * stageCount);
  for (let i = 0; i < itemCount; i++) {
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const stage = stageOfStatus[status[e]!]!;
      if (stage >= 0) perStage[i * stageCount + stage]! += ms[e]!;
    }
  }
  return perStage;
}
