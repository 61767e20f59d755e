/**
 * A workflow: Jira statuses grouped into ordered stages, with a start stage and a done stage.
 *
 * Jira workflows have many statuses and no order; flow metrics need an order ("is Review after In
 * Progress?") and two commitment points: the start stage (work has started: the clock starts) and the done
 * stage (work is finished: the clock stops). An item is started once it reaches the start stage or any later
 * stage, and done while it is in the done stage or any later one.
 *
 * Without configuration the workflow comes from Jira's status categories (To Do → In Progress → Done), which
 * every status has. Admins can split stages finer (Ready, In Progress, Review, QA, Done) and map each status,
 * by id or by name, to one of them.
 */
import type { CompactStatus } from './compact-history';

export interface WorkflowStage {
  name: string;
  /** Status ids or names (names match case-insensitively). */
  statuses: readonly string[];
  /**
   * For flow efficiency: whether time in this stage is active work (true) or waiting (false). Only stages
   * from the start stage up to, not including, the done stage can be active; they are by default.
   */
  active?: boolean;
}

export interface Workflow {
  stages: readonly WorkflowStage[];
  startStage: string;
  doneStage: string;
  /**
   * Statuses of the done stage or later (ids or names) that mean "finished, but not delivered": Won't Fix,
   * Duplicate, Cancelled. Items that end in one leave work in progress like any finished item, but their
   * time is not a cycle time and they are not throughput (see `discarded-work.ts`). None by default.
   */
  discardedStatuses?: readonly string[];
  /**
   * Resolutions (names, any case) that mean "finished, but not delivered", whatever the done status: Won't
   * Fix, Duplicate. An item done with one is discarded like one in a discarded status. Read from the issue's
   * facets; a history without facets discards by status only. None by default.
   */
  discardedResolutions?: readonly string[];
}

const DEFAULT_STAGE_NAMES = Object.freeze({ new: 'To Do', indeterminate: 'In Progress', done: 'Done' });

/** To Do / In Progress / Done from Jira's status categories; statuses without a known category are left out. */
export function defaultWorkflow(statuses: readonly CompactStatus[]): Workflow {
  const byCategory = { new: [] as string[], indeterminate: [] as string[], done: [] as string[] };
  for (const status of statuses) {
    if (status.category !== null) byCategory[status.category].push(status.id ?? status.name);
  }
  return {
    stages: [
      { name: DEFAULT_STAGE_NAMES.new, statuses: byCategory.new },
      { name: DEFAULT_STAGE_NAMES.indeterminate, statuses: byCategory.indeterminate },
      { name: DEFAULT_STAGE_NAMES.done, statuses: byCategory.done },
    ],
    startStage: DEFAULT_STAGE_NAMES.indeterminate,
    doneStage: DEFAULT_STAGE_NAMES.done,
  };
}

/** A workflow applied to a status dictionary: what the metrics read. */
export interface ResolvedWorkflow {
  readonly stageNames: readonly string[];
  readonly startStage: number;
  readonly doneStage: number;
  /** Per status dictionary index: its stage index, or -1 when no stage lists it. */
  readonly stageOfStatus: Int16Array;
  /** Per stage: counts as active work for flow efficiency. */
  readonly activeStages: readonly boolean[];
  /** Per status dictionary index: 1 when the status means the work was discarded, not delivered. */
  readonly discardedStatus: Uint8Array;
  /** Resolution names (in lower case) that mean the work was discarded, not delivered. */
  readonly discardedResolutions: ReadonlySet<string>;
}

export class WorkflowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowError';
  }
}

/** Problems with a workflow's own structure (no status dictionary needed); empty when it is usable. */
export function workflowProblems(workflow: Workflow): string[] {
  const problems: string[] = [];
  const names = workflow.stages.map((stage) => stage.name);
  if (names.length < 2) problems.push('a workflow needs at least two stages');
  const seen = new Set<string>();
  for (const name of names) {
    if (name.trim() === '') problems.push('a stage has an empty name');
    if (seen.has(name)) problems.push(`stage "${name}" appears twice`);
    seen.add(name);
  }
  const start = names.indexOf(workflow.startStage);
  const done = names.indexOf(workflow.doneStage);
  if (start < 0) problems.push(`the start stage "${workflow.startStage}" is not one of the stages`);
  if (done < 0) problems.push(`the done stage "${workflow.doneStage}" is not one of the stages`);
  if (start >= 0 && done >= 0 && start >= done) problems.push('the start stage must come before the done stage');
  const owner = new Map<string, string>();
  for (const stage of workflow.stages) {
    for (const status of stage.statuses) {
      const match = status.trim().toLowerCase();
      const other = owner.get(match);
      if (other !== undefined && other !== stage.name) problems.push(`status "${status}" is in both "${other}" and "${stage.name}"`);
      owner.set(match, stage.name);
    }
  }
  // Only a finished item can be discarded: its status must be in the done stage or after it.
  const finishedStages = new Set(done < 0 ? [] : names.slice(done));
  for (const status of workflow.discardedStatuses ?? []) {
    const stage = owner.get(status.trim().toLowerCase());
    if (stage === undefined) problems.push(`discarded status "${status}" is not in any stage`);
    else if (!finishedStages.has(stage)) problems.push(`discarded status "${status}" is in "${stage}", before the done stage`);
  }
  const resolutions = new Set<string>();
  for (const resolution of workflow.discardedResolutions ?? []) {
    const name = resolution.trim().toLowerCase();
    if (name === '') problems.push('a discarded resolution has no name');
    else if (resolutions.has(name)) problems.push(`discarded resolution "${resolution}" is listed twice`);
    resolutions.add(name);
  }
  return problems;
}

/**
 * Applies a workflow to a status dictionary.
 * @throws WorkflowError when the workflow is malformed or maps one status to two stages.
 */
export function resolveWorkflow(workflow: Workflow, statuses: readonly CompactStatus[]): ResolvedWorkflow {
  const problems = workflowProblems(workflow);
  if (problems.length > 0) throw new WorkflowError(problems.join('; '));
  const stageByEntry = new Map<string, number>();
  workflow.stages.forEach((stage, index) => {
    for (const entry of stage.statuses) stageByEntry.set(entry.trim().toLowerCase(), index);
  });
  const stageOfStatus = new Int16Array(statuses.length).fill(-1);
  statuses.forEach((status, index) => {
    const byId = status.id === null ? undefined : stageByEntry.get(status.id.toLowerCase());
    const byName = stageByEntry.get(status.name.trim().toLowerCase());
    if (byId !== undefined && byName !== undefined && byId !== byName) {
      throw new WorkflowError(
        `status "${status.name}" (id ${status.id}) is mapped by id to "${workflow.stages[byId]!.name}" ` +
          `and by name to "${workflow.stages[byName]!.name}"`,
      );
    }
    stageOfStatus[index] = byId ?? byName ?? -1;
  });
  const startStage = workflow.stages.findIndex((stage) => stage.name === workflow.startStage);
  const doneStage = workflow.stages.findIndex((stage) => stage.name === workflow.doneStage);
  const discarded = new Set((workflow.discardedStatuses ?? []).map((entry) => entry.trim().toLowerCase()));
  const discardedStatus = Uint8Array.from(statuses, (status) =>
    discarded.has(status.name.trim().toLowerCase()) || (status.id !== null && discarded.has(status.id.toLowerCase())) ? 1 : 0,
  );
  return {
    stageNames: workflow.stages.map((stage) => stage.name),
    startStage,
    doneStage,
    stageOfStatus,
    activeStages: workflow.stages.map((stage, index) => index >= startStage && index < doneStage && stage.active !== false),
    discardedStatus,
    discardedResolutions: new Set((workflow.discardedResolutions ?? []).map((name) => name.trim().toLowerCase())),
  };
}

/** Dictionary indices of statuses no stage lists. */
export function unmappedStatuses(workflow: ResolvedWorkflow): number[] {
  const unmapped: number[] = [];
  workflow.stageOfStatus.forEach((stage, index) => {
    if (stage < 0) unmapped.push(index);
  });
  return unmapped;
}
