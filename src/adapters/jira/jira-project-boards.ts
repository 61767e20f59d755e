import { route } from '@forge/api';
import type { BoardColumn, ProjectBoards } from '../../ports';
import type { ProjectBoard } from '../../shared/resolver-contract';
import { readJiraJson, type RequestJira } from './jira-request';

/** `GET /rest/agile/1.0/board`: one page of boards. */
interface BoardPage {
  isLast?: boolean;
  startAt?: number;
  values?: Array<{ id: number; name?: string; type?: string }>;
}

/** `GET /rest/agile/1.0/board/{boardId}/configuration`: only the columns are read. */
interface BoardConfiguration {
  columnConfig?: { columns?: Array<{ name?: string; statuses?: Array<{ id?: string }> }> };
}

/** Jira answers at most 50 boards a page; a project with more is unusual, and a few pages cover it. */
const BOARDS_PER_PAGE = 50;
const MAX_BOARD_PAGES = 10;

/**
 * A project's Jira Software boards and their columns, through the agile REST API (Jira Software's own, beside
 * the platform API). Asked as the calling admin: they choose among the boards Jira lets them see. A site
 * without Jira Software has no agile API and answers 404, as does a board that is gone or hidden.
 */
export class JiraProjectBoards implements ProjectBoards {
  constructor(private readonly requestJira: RequestJira) {}

  async boardsOf(projectKey: string): Promise<ProjectBoard[] | null> {
    const boards: ProjectBoard[] = [];
    for (let page = 0, startAt = 0; page < MAX_BOARD_PAGES; page++) {
      const response = await this.requestJira(
        route`/rest/agile/1.0/board?projectKeyOrId=${projectKey}&startAt=${startAt}&maxResults=${BOARDS_PER_PAGE}`,
      );
      if (response.status === 404) return null;
      const answer = await readJiraJson<BoardPage>(response, "the project's boards");
      const values = answer.values ?? [];
      for (const board of values) boards.push({ id: board.id, name: board.name ?? `Board ${board.id}`, type: board.type ?? 'kanban' });
      if (answer.isLast !== false || values.length === 0) break;
      startAt += values.length;
    }
    return boards;
  }

  async columnsOf(boardId: number): Promise<BoardColumn[] | null> {
    const response = await this.requestJira(route`/rest/agile/1.0/board/${boardId}/configuration`);
    if (response.status === 404) return null;
    const configuration = await readJiraJson<BoardConfiguration>(response, "the board's configuration");
    return (configuration.columnConfig?.columns ?? []).map((column) => ({
      name: column.name ?? '',
      statusIds: (column.statuses ?? []).map((status) => status.id).filter((id): id is string => typeof id === 'string'),
    }));
  }
}
