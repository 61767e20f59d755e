/**
 * A stage range: measure flow between two other commitment points than the workflow's, "from Review to Done"
 * to see how long review and testing take, or "from In Progress to Review" for the time to a first review.
 *
 * The range moves the workflow's start stage to `from` and its done stage to `to`: cycle time runs from
 * entering `from` to entering `to` (leaving the stage before it), an item is in progress between the two,
 * and throughput counts the items that reached `to`. Every metric reads the workflow's two points, so every
 * metric computed on the ranged workflow honours the range.
 *
 * Discarded statuses only mean "finished, not delivered" from the done stage on: those that fall before a
 * later `to` are left out, and an item resting in one is simply not done yet on the ranged workflow.
 */
import type { Workflow } from './workflow';

export interface StageRange {
  /** The stage whose entry starts the clock. */
  from: string;
  /** The stage whose entry stops it: a later stage than `from`. */
  to: string;
}

/**
 * The workflow measured from entering `range.from` to entering `range.to`.
 * @throws RangeError when a stage is not one of the workflow's, or `to` does not come after `from`.
 */
export function withStageRange(workflow: Workflow, range: StageRange): Workflow {
  const names = workflow.stages.map((stage) => stage.name);
  const from = names.indexOf(range.from);
  const to = names.indexOf(range.to);
  if (from < 0) throw new RangeError(`"${range.from}" is not a stage of the workflow`);
  if (to < 0) throw new RangeError(`"${range.to}" is not a stage of the workflow`);
  if (to <= from) throw new RangeError(`the range must end at a stage after "${range.from}"`);
  const doneOn = new Set(workflow.stages.slice(to).flatMap((stage) => stage.statuses.map((status) => status.trim().toLowerCase())));
  const discarded = (workflow.discardedStatuses ?? []).filter((status) => doneOn.has(status.trim().toLowerCase()));
  return {
    ...workflow,
    startStage: range.from,
    doneStage: range.to,
    ...(workflow.discardedStatuses === undefined ? {} : { discardedStatuses: discarded }),
  };
}

/** Whether a range is the workflow's own commitment points (no range at all). */
export function isWholeWorkflow(workflow: Workflow, range: StageRange): boolean {
  return range.from === workflow.startStage && range.to === workflow.doneStage;
}
