import { STATUSES } from './catalogue';
import type { SiteProject } from './site-project';

/**
 * The site's Jira Software boards, derived from the projects rather than stored. Every Kanban and Scrum
 * project has its team's board, one column per status of its workflow in board order; a service project has
 * queues, not boards. FLOW has a second board, as teams often do: a coarser delivery view whose columns group
 * several statuses, with a "Released" column nothing is mapped to (Jira lets a column hold no status).
 */
export interface SiteBoard {
  id: number;
  name: string;
  type: 'kanban' | 'scrum';
  projectIndex: number;
  /** Column name and the indices into `STATUSES` it shows. */
  columns: ReadonlyArray<{ name: string; statuses: readonly number[] }>;
}

/** The sprints of the Scrum project name board 1 (sprints.ts); the other boards follow. */
const SCRUM_BOARD_ID = 1;

const byName = (name: string) => STATUSES.findIndex((status) => status.name === name);

/** Boards beyond each project's own, by project key: columns by status name. */
const EXTRA_BOARDS: Record<string, ReadonlyArray<{ name: string; columns: ReadonlyArray<[string, readonly string[]]> }>> = {
  FLOW: [
    {
      name: 'FLOW delivery',
      columns: [
        ['To Do', ['Backlog', 'Ready']],
        ['Doing', ['In Progress', 'In Review']],
        ['Testing', ['QA']],
        ['Released', []],
        ['Done', ['Done']],
      ],
    },
  ],
};

export function siteBoards(projects: readonly SiteProject[]): SiteBoard[] {
  const boards: SiteBoard[] = [];
  let nextId = SCRUM_BOARD_ID + 1;
  projects.forEach((project, projectIndex) => {
    if (project.style === 'queue') return;
    boards.push({
      id: project.style === 'scrum' && !boards.some((board) => board.id === SCRUM_BOARD_ID) ? SCRUM_BOARD_ID : nextId++,
      name: `${project.key} board`,
      type: project.style,
      projectIndex,
      columns: project.statuses.map((status) => ({ name: STATUSES[status]!.name, statuses: [status] })),
    });
    for (const extra of EXTRA_BOARDS[project.key] ?? []) {
      boards.push({
        id: nextId++,
        name: extra.name,
        type: 'kanban',
        projectIndex,
        columns: extra.columns.map(([name, statuses]) => ({ name, statuses: statuses.map(byName) })),
      });
    }
  });
  return boards;
}
