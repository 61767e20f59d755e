import type { BoardColumn } from '../../ports';
import type { ProjectStatus, WorkflowSettings } from '../../shared/resolver-contract';

/** A stage name is at most 60 characters (the settings' own rule); a longer column name is cut. */
const MAX_STAGE_NAME = 60;

export interface BoardWorkflow {
  workflow: WorkflowSettings;
  statusesNotOnBoard: string[];
  emptyColumns: string[];
}

/** Column names made fit for stages: trimmed, cut to the stage limit, and told apart when two read the same. */
function stageNames(columns: readonly BoardColumn[]): string[] {
  const taken = new Set<string>();
  return columns.map((column, index) => {
    const base = (column.name.trim() || `Column ${index + 1}`).slice(0, MAX_STAGE_NAME);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, MAX_STAGE_NAME - 4)} (${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/**
 * A workflow whose stages are a board's columns, in board order: the team already reads its work this way.
 *
 * - A column with none of the project's statuses (a board may span projects, or a column may be empty) is left
 *   out and named, so the admin sees why it is missing.
 * - Every status of the project must be in one stage to be saved, but a board need not show them all: a status
 *   no column shows goes to the first stage when Jira calls it "to do", to the last when "done", and otherwise
 *   to the start stage, and is named so the admin can move it.
 * - The clock starts at the first stage holding an "in progress" status and stops at the first later stage
 *   whose statuses are all "done" (else the last stage); the stages between are active work until the admin
 *   marks queues as waiting.
 *
 * Null when fewer than two columns hold the project's statuses: no workflow can be made of one stage.
 */
export function workflowFromBoardColumns(columns: readonly BoardColumn[], statuses: readonly ProjectStatus[]): BoardWorkflow | null {
  const known = new Map(statuses.map((status) => [status.id, status]));
  const placed = new Set<string>();
  const used: BoardColumn[] = [];
  const emptyColumns: string[] = [];
  for (const column of columns) {
    // A status shown in two columns (Jira allows it only across boards, but a reply is not a promise) stays in the first.
    const statusIds = column.statusIds.filter((id) => known.has(id) && !placed.has(id));
    statusIds.forEach((id) => placed.add(id));
    if (statusIds.length === 0) emptyColumns.push(column.name);
    else used.push({ name: column.name, statusIds });
  }
  if (used.length < 2) return null;

  const names = stageNames(used);
  const categoryOf = (id: string) => known.get(id)?.category ?? null;
  const firstInProgress = used.findIndex((column) => column.statusIds.some((id) => categoryOf(id) === 'indeterminate'));
  // The start stage comes before the done stage, so it is never the last.
  const startIndex = Math.min(firstInProgress >= 0 ? firstInProgress : 1, used.length - 2);
  const firstAllDone = used.findIndex((column, index) => index > startIndex && column.statusIds.every((id) => categoryOf(id) === 'done'));
  const doneIndex = firstAllDone >= 0 ? firstAllDone : used.length - 1;

  const stageStatuses = used.map((column) => [...column.statusIds]);
  const statusesNotOnBoard = statuses.filter((status) => !placed.has(status.id)).map((status) => status.id);
  for (const id of statusesNotOnBoard) {
    const category = categoryOf(id);
    const index = category === 'new' ? 0 : category === 'done' ? used.length - 1 : startIndex;
    stageStatuses[index]!.push(id);
  }

  return {
    workflow: {
      stages: used.map((_, index) => ({
        name: names[index]!,
        statusIds: stageStatuses[index]!,
        active: index >= startIndex && index < doneIndex,
      })),
      startStage: names[startIndex]!,
      doneStage: names[doneIndex]!,
    },
    statusesNotOnBoard,
    emptyColumns,
  };
}
