import { countedIssueTypes, DEFAULT_EXCLUDED_ISSUE_TYPES, isValidTimeZone } from '../../../src/domain';
import type {
  ConventionSettings,
  ProjectWorkflowData,
  SaveProjectWorkflowPayload,
  WorkflowSettings,
} from '../../../src/shared/resolver-contract';

/**
 * A workflow being edited. Stages are known by a local id, not their name, so renaming a stage keeps its
 * statuses and its role as start or done stage.
 */
interface DraftStage {
  id: number;
  name: string;
  active: boolean;
}

export interface WorkflowDraft {
  stages: DraftStage[];
  /** Status id → local stage id, or null while unmapped. */
  stageOfStatus: Record<string, number | null>;
  startStage: number | null;
  doneStage: number | null;
  /** Status ids marked "discarded"; only those in the done stage or later are saved as such. */
  discardedStatusIds: string[];
  /** The issue types left out by default, as typed: names separated by commas. */
  excludedIssueTypes: string;
  /** The resolutions that mean "discarded, not delivered", as typed: names separated by commas. */
  discardedResolutions: string;
  conventions: ConventionSettings;
}

/** The issue types typed into the editor, as a list: trimmed, no empty names, no repeats. */
function issueTypeList(typed: string): string[] {
  const names = typed
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return names.filter((name, k) => countedIssueTypes(names.slice(0, k), [name]).length === k);
}

/** The resolutions typed into the editor, as a list: trimmed, no empty names, each once whatever its case. */
function resolutionList(typed: string): string[] {
  const names = typed
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return names.filter((name, k) => !names.slice(0, k).some((earlier) => earlier.toLowerCase() === name.toLowerCase()));
}

export type ConventionField = 'serviceLevelPercentile' | 'timeZone' | 'workingDays';

/**
 * What is wrong with the conventions, per field, in plain words: shown beside the field as it is typed, rather
 * than as the resolver's validation message after Save. The resolver checks the same rules.
 */
export function conventionProblems(conventions: ConventionSettings): Partial<Record<ConventionField, string>> {
  const problems: Partial<Record<ConventionField, string>> = {};
  const sle = conventions.serviceLevelPercentile;
  if (!Number.isFinite(sle)) problems.serviceLevelPercentile = 'Enter a percentile, such as 85.';
  else if (!(sle > 0 && sle < 100)) problems.serviceLevelPercentile = `A percentile is above 0 and below 100; ${sle} is not.`;
  if (conventions.timeZone.trim() === '') problems.timeZone = 'Enter a time zone, such as Europe/Berlin.';
  else if (!isValidTimeZone(conventions.timeZone))
    problems.timeZone = `"${conventions.timeZone}" is not a time zone name; use one such as Europe/Berlin or America/New_York.`;
  if (conventions.workingDays.length === 0) problems.workingDays = 'Tick at least one working day.';
  return problems;
}

export function draftFrom(data: ProjectWorkflowData): WorkflowDraft {
  const stages = data.workflow.stages.map((stage, index) => ({ id: index + 1, name: stage.name, active: stage.active }));
  const stageOfStatus: Record<string, number | null> = {};
  for (const status of data.statuses) stageOfStatus[status.id] = null;
  data.workflow.stages.forEach((stage, index) => {
    for (const id of stage.statusIds) stageOfStatus[id] = index + 1;
  });
  const idOf = (name: string) => stages.find((stage) => stage.name === name)?.id ?? null;
  return {
    stages,
    stageOfStatus,
    startStage: idOf(data.workflow.startStage),
    doneStage: idOf(data.workflow.doneStage),
    discardedStatusIds: [...(data.workflow.discardedStatusIds ?? [])],
    excludedIssueTypes: (data.excludedIssueTypes ?? DEFAULT_EXCLUDED_ISSUE_TYPES).join(', '),
    discardedResolutions: (data.workflow.discardedResolutions ?? []).join(', '),
    conventions: { ...data.conventions, workingDays: [...data.conventions.workingDays] },
  };
}

/** What is wrong with a draft, in the order an admin would fix it; empty when it can be saved. */
export function draftProblems(draft: WorkflowDraft, statusNames: Record<string, string>): string[] {
  const problems: string[] = [];
  if (draft.stages.length < 2) problems.push('A workflow needs at least two stages.');
  const names = draft.stages.map((stage) => stage.name.trim());
  if (names.some((name) => name === '')) problems.push('Every stage needs a name.');
  if (new Set(names).size !== names.length) problems.push('Two stages have the same name.');
  const start = draft.stages.findIndex((stage) => stage.id === draft.startStage);
  const done = draft.stages.findIndex((stage) => stage.id === draft.doneStage);
  if (start < 0 || done < 0) problems.push('Choose a start stage and a done stage.');
  else if (start >= done) problems.push('The start stage must come before the done stage.');
  const unmapped = Object.entries(draft.stageOfStatus)
    .filter(([, stage]) => stage === null || !draft.stages.some((s) => s.id === stage))
    .map(([id]) => statusNames[id] ?? id);
  if (unmapped.length > 0) problems.push(`Put every status in a stage: ${unmapped.join(', ')}.`);
  problems.push(...Object.values(conventionProblems(draft.conventions)));
  return problems;
}

/** Whether time in the stage at `index` can count as active work: only stages from start up to done can. */
export function canBeActive(draft: WorkflowDraft, index: number): boolean {
  const start = draft.stages.findIndex((stage) => stage.id === draft.startStage);
  const done = draft.stages.findIndex((stage) => stage.id === draft.doneStage);
  return start >= 0 && done >= 0 && index >= start && index < done;
}

/** Whether a status sits in the done stage or a later one: only such a status can mean "discarded". */
export function isFinishedStatus(draft: WorkflowDraft, statusId: string): boolean {
  const done = draft.stages.findIndex((stage) => stage.id === draft.doneStage);
  const at = draft.stages.findIndex((stage) => stage.id === draft.stageOfStatus[statusId]);
  return done >= 0 && at >= done;
}

export function payloadOf(projectKey: string, draft: WorkflowDraft): SaveProjectWorkflowPayload {
  const nameOf = (id: number | null) => draft.stages.find((stage) => stage.id === id)?.name.trim() ?? '';
  const discarded = draft.discardedStatusIds.filter((id) => isFinishedStatus(draft, id));
  const excluded = issueTypeList(draft.excludedIssueTypes);
  const discardedResolutions = resolutionList(draft.discardedResolutions);
  const defaultsExcluded = JSON.stringify(excluded) === JSON.stringify(DEFAULT_EXCLUDED_ISSUE_TYPES);
  return {
    projectKey,
    workflow: {
      stages: draft.stages.map((stage, index) => ({
        name: stage.name.trim(),
        statusIds: Object.entries(draft.stageOfStatus)
          .filter(([, id]) => id === stage.id)
          .map(([statusId]) => statusId),
        active: canBeActive(draft, index) && stage.active,
      })),
      startStage: nameOf(draft.startStage),
      doneStage: nameOf(draft.doneStage),
      ...(discarded.length > 0 ? { discardedStatusIds: discarded } : {}),
      ...(discardedResolutions.length > 0 ? { discardedResolutions } : {}),
    },
    conventions: draft.conventions,
    // Absent means the defaults: a project on them follows any later change of the defaults.
    ...(defaultsExcluded ? {} : { excludedIssueTypes: excluded }),
  };
}

/**
 * Whether saving the draft would store anything other than `saved`. What the resolver would receive is
 * compared, not the draft itself: local ids, untrimmed names and a ticked box on a stage that cannot be active
 * change nothing, nor does the order the working days were ticked in.
 */
export function draftDiffersFrom(draft: WorkflowDraft, saved: ProjectWorkflowData): boolean {
  return JSON.stringify(whatWouldBeSaved(draft)) !== JSON.stringify(whatWouldBeSaved(draftFrom(saved)));
}

function whatWouldBeSaved(draft: WorkflowDraft) {
  const { workflow, conventions, excludedIssueTypes } = payloadOf('', draft);
  return { workflow, conventions: { ...conventions, workingDays: [...conventions.workingDays].sort() }, excludedIssueTypes };
}

const NEW_STAGE = 'New stage';

/** "New stage", else "New stage 2", "New stage 3"…: the first name no stage has, so adding never makes two alike. */
function newStageName(stages: readonly DraftStage[]): string {
  const taken = new Set(stages.map((stage) => stage.name.trim().toLowerCase()));
  for (let n = 1; ; n++) {
    const name = n === 1 ? NEW_STAGE : `${NEW_STAGE} ${n}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

export function addStage(draft: WorkflowDraft): WorkflowDraft {
  const id = Math.max(0, ...draft.stages.map((stage) => stage.id)) + 1;
  // A new stage goes just before the done stage, where finer stages (Review, QA) usually belong.
  const done = draft.stages.findIndex((stage) => stage.id === draft.doneStage);
  const at = done < 0 ? draft.stages.length : done;
  const stages = [...draft.stages];
  stages.splice(at, 0, { id, name: newStageName(draft.stages), active: true });
  return { ...draft, stages };
}

export function removeStage(draft: WorkflowDraft, id: number): WorkflowDraft {
  const stageOfStatus = Object.fromEntries(
    Object.entries(draft.stageOfStatus).map(([status, stage]) => [status, stage === id ? null : stage]),
  );
  return {
    ...draft,
    stages: draft.stages.filter((stage) => stage.id !== id),
    stageOfStatus,
    startStage: draft.startStage === id ? null : draft.startStage,
    doneStage: draft.doneStage === id ? null : draft.doneStage,
  };
}

export function moveStage(draft: WorkflowDraft, id: number, by: -1 | 1): WorkflowDraft {
  const from = draft.stages.findIndex((stage) => stage.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= draft.stages.length) return draft;
  const stages = [...draft.stages];
  [stages[from], stages[to]] = [stages[to]!, stages[from]!];
  return { ...draft, stages };
}

/**
 * The draft with its stages replaced by a proposed workflow (a board's columns), keeping the conventions,
 * the issue types and the discarded statuses the admin has chosen. Nothing is saved: the admin saves the draft.
 */
export function draftWithStages(draft: WorkflowDraft, data: ProjectWorkflowData, workflow: WorkflowSettings): WorkflowDraft {
  const proposed = draftFrom({ ...data, workflow });
  return {
    ...proposed,
    discardedStatusIds: draft.discardedStatusIds,
    excludedIssueTypes: draft.excludedIssueTypes,
    conventions: draft.conventions,
  };
}
