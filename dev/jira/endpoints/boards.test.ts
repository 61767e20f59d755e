import { expect } from '@jest/globals';
import { createJiraSite, type JiraSite } from '../jira-site';
import { TEST_ANCHOR, call } from '../site-test-kit';

/** The simulated Jira Software boards: which boards each caller sees, and columns made of the project's statuses. */
let site: JiraSite;
beforeAll(() => {
  site = createJiraSite({ now: TEST_ANCHOR });
});

interface BoardPage {
  total: number;
  isLast: boolean;
  values: Array<{ id: number; name: string; type: string; location: Record<string, unknown> }>;
}
interface BoardConfiguration {
  columnConfig: { columns: Array<{ name: string; statuses: Array<{ id: string }> }> };
}

const boardsOf = async (caller: Parameters<typeof call>[1], projectKey: string) =>
  call<BoardPage>(site, caller, 'GET', `/rest/agile/1.0/board?projectKeyOrId=${projectKey}`);

describe('boards', () => {
  it("lists a project's boards with their location, and none for a service project", async () => {
    const flow = await boardsOf('member', 'FLOW');
    expect(flow.status).toBe(200);
    expect(flow.body.values.map((board) => [board.name, board.type])).toEqual([
      ['FLOW board', 'kanban'],
      ['FLOW delivery', 'kanban'],
    ]);
    expect(flow.body.values[0]!.location).toMatchObject({ projectKey: 'FLOW', projectTypeKey: 'software' });
    expect((await boardsOf('member', 'SPR')).body.values).toEqual([expect.objectContaining({ id: 1, type: 'scrum' })]);
    expect((await boardsOf('admin', 'BUG')).body).toMatchObject({ total: 0, isLast: true, values: [] });
  });

  it("shows each column's statuses, every one a status of the project", async () => {
    const board = (await boardsOf('app', 'FLOW')).body.values[0]!;
    const configuration = await call<BoardConfiguration>(site, 'app', 'GET', `/rest/agile/1.0/board/${board.id}/configuration`);
    const statuses = await call<Array<{ statuses: Array<{ id: string }> }>>(site, 'app', 'GET', '/rest/api/3/project/FLOW/statuses');
    const projectStatusIds = new Set(statuses.body[0]!.statuses.map((status) => status.id));
    const columns = configuration.body.columnConfig.columns;
    expect(columns.map((column) => column.name)).toEqual(['Backlog', 'Ready', 'In Progress', 'In Review', 'QA', 'Done']);
    expect(columns.flatMap((column) => column.statuses.map((status) => projectStatusIds.has(status.id)))).not.toContain(false);
  });

  it('hides the boards of a project the caller may not browse, as Jira does', async () => {
    expect((await boardsOf('outsider', 'BUG')).status).toBe(400);
    const board = (await boardsOf('app', 'FLOW')).body.values[0]!;
    expect((await call(site, 'member', 'GET', `/rest/agile/1.0/board/999/configuration`)).status).toBe(404);
    expect((await call(site, 'member', 'GET', `/rest/agile/1.0/board/${board.id}/configuration`)).status).toBe(200);
  });
});
