import type { FlowTimeline } from './flow-timeline';
import type { ResolvedWorkflow } from './workflow';

/**
 * The timeline of the same history on a workflow that differs only in its start stage, read from a timeline
 * already built: a stage range that starts the clock at another stage ("from the first stage") but stops it
 * where the workflow does needs no new pass over 20,000 items' transitions.
 *
 * Every stage's entry, the dates each stage was reached, done and discarded depend on the stages, the done
 * stage and the discarded statuses, never on the start stage (see `buildFlowTimeline`): an item's start is
 * the day it reached the start stage, one column of what every item reached. So the moved timeline shares
 * every column but `start` and `startDay`, and `workflow`, whose active stages follow the start.
 * @returns null when `workflow` differs from the timeline's in more than its start stage.
 */
export function movedStartTimeline(timeline: FlowTimeline, workflow: ResolvedWorkflow): FlowTimeline | null {
  if (!differsOnlyInStart(timeline.workflow, workflow)) return null;
  const { itemCount: n, stageCount, reached, reachedDay } = timeline;
  const stage = workflow.startStage;
  const start = new Float64Array(n);
  const startDay = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    start[i] = reached[i * stageCount + stage]!;
    startDay[i] = reachedDay[i * stageCount + stage]!;
  }
  return { ...timeline, workflow, start, startDay };
}

/** Whether the two workflows place every status alike and end alike, whatever stage each starts at. */
function differsOnlyInStart(a: ResolvedWorkflow, b: ResolvedWorkflow): boolean {
  return (
    a.doneStage === b.doneStage &&
    sameList(a.stageNames, b.stageNames) &&
    sameList(a.stageOfStatus, b.stageOfStatus) &&
    sameList(a.discardedStatus, b.discardedStatus) &&
    a.discardedResolutions.size === b.discardedResolutions.size &&
    [...a.discardedResolutions].every((resolution) => b.discardedResolutions.has(resolution))
  );
}

function sameList<T>(a: ArrayLike<T>, b: ArrayLike<T>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
