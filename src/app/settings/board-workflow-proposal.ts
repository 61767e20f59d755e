import type { ProjectBoards, ProjectStatuses } from '../../ports';
import type { BoardWorkflowPayload, BoardWorkflowProposal } from '../../shared/resolver-contract';
import { AppError } from '../app-error';
import { workflowFromBoardColumns } from './board-workflow';

export interface BoardWorkflowPorts {
  /** As the calling admin: the boards Jira lets them see. */
  boards: ProjectBoards;
  /** As the app: the statuses every stage is made of, as the workflow editor lists them. */
  statuses: ProjectStatuses;
}

/**
 * The stages a project's board suggests, for the workflow editor to offer as a starting point. Reads only:
 * the admin sees the proposal in the editor and saves it (or not) like any other edit.
 */
export async function proposeBoardWorkflow(ports: BoardWorkflowPorts, input: BoardWorkflowPayload): Promise<BoardWorkflowProposal> {
  const statuses = await ports.statuses.list(input.projectKey);
  if (!statuses) throw new AppError('NOT_FOUND', `Project ${input.projectKey} was not found.`);
  const boards = await ports.boards.boardsOf(input.projectKey);
  if (boards === null) return { boards: [], proposal: null, unavailable: 'no-jira-software' };
  if (boards.length === 0) return { boards, proposal: null, unavailable: 'no-board' };

  const board = input.boardId === undefined ? boards[0]! : boards.find((candidate) => candidate.id === input.boardId);
  if (!board) throw new AppError('NOT_FOUND', `Board ${input.boardId} is not one of ${input.projectKey}'s boards.`);
  const columns = await ports.boards.columnsOf(board.id);
  if (columns === null) throw new AppError('NOT_FOUND', `Board ${board.id} was not found; it may have been deleted.`);

  const made = workflowFromBoardColumns(columns, statuses);
  if (!made) return { boards, proposal: null, unavailable: 'too-few-columns' };
  return { boards, proposal: { board, ...made }, unavailable: null };
}
