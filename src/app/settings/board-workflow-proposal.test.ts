import { expect } from '@jest/globals';
import { WITHOUT_QUOTAS } from '../../../dev/kvs';
import { SyncHarness } from '../../../dev/testing/local-sync-harness';
import { dataOf } from '../../../dev/testing/settings-test-site';
import type { ProjectBoards, ProjectStatuses } from '../../ports';
import { proposeBoardWorkflow } from './board-workflow-proposal';

/**
 * Board stages through the settings resolver, on the real Forge SDKs and the simulated Jira Software boards,
 * and the answers for sites and projects without boards.
 */
describe('stages proposed from a board, on the simulated site', () => {
  const harness = new SyncHarness({ kvsLimits: WITHOUT_QUOTAS });
  afterAll(() => harness.close());
  const admin = harness.settingsAs('admin');

  it("offers FLOW's boards and its first board's columns as stages, storing nothing", async () => {
    const before = JSON.stringify(harness.kvs.listPlain());
    const answer = dataOf(await admin('proposeBoardWorkflow', { projectKey: 'FLOW' }));
    expect(answer.boards.map((board) => board.name)).toEqual(['FLOW board', 'FLOW delivery']);
    expect(answer.unavailable).toBeNull();
    expect(answer.proposal!.board.name).toBe('FLOW board');
    expect(answer.proposal!.workflow.stages.map((stage) => stage.name)).toEqual([
      'Backlog',
      'Ready',
      'In Progress',
      'In Review',
      'QA',
      'Done',
    ]);
    expect([answer.proposal!.workflow.startStage, answer.proposal!.workflow.doneStage]).toEqual(['In Progress', 'Done']);
    expect(JSON.stringify(harness.kvs.listPlain())).toBe(before);
  });

  it('reads the board the admin picks, naming its empty column', async () => {
    const { boards } = dataOf(await admin('proposeBoardWorkflow', { projectKey: 'FLOW' }));
    const delivery = boards.find((board) => board.name === 'FLOW delivery')!;
    const answer = dataOf(await admin('proposeBoardWorkflow', { projectKey: 'FLOW', boardId: delivery.id }));
    expect(answer.proposal!.workflow.stages.map((stage) => [stage.name, stage.statusIds.length])).toEqual([
      ['To Do', 2],
      ['Doing', 2],
      ['Testing', 1],
      ['Done', 1],
    ]);
    expect(answer.proposal!.emptyColumns).toEqual(['Released']);
  });

  it('says a service project has no board, and refuses a board of another project', async () => {
    expect(dataOf(await admin('proposeBoardWorkflow', { projectKey: 'BUG' }))).toEqual({
      boards: [],
      proposal: null,
      unavailable: 'no-board',
    });
    const spr = dataOf(await admin('proposeBoardWorkflow', { projectKey: 'SPR' }));
    const answer = await admin('proposeBoardWorkflow', { projectKey: 'FLOW', boardId: spr.boards[0]!.id });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a member before reading anything, and bad input with a typed error', async () => {
    await expect(harness.settingsAs('member')('proposeBoardWorkflow', { projectKey: 'FLOW' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await expect(admin('proposeBoardWorkflow', { projectKey: 'FLOW', boardId: 'one' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('stages proposed from a board, without one', () => {
  const statuses: ProjectStatuses = { list: () => Promise.resolve([{ id: '1', name: 'To Do', category: 'new' }]) };
  const boards = (answer: Awaited<ReturnType<ProjectBoards['boardsOf']>>): ProjectBoards => ({
    boardsOf: () => Promise.resolve(answer),
    columnsOf: () => Promise.resolve([]),
  });

  it('says so when the site has no Jira Software (Jira answers 404 to the agile API)', async () => {
    await expect(proposeBoardWorkflow({ statuses, boards: boards(null) }, { projectKey: 'OPS' })).resolves.toEqual({
      boards: [],
      proposal: null,
      unavailable: 'no-jira-software',
    });
  });

  it('says so when a board has fewer than two columns of the project’s statuses', async () => {
    const one = boards([{ id: 7, name: 'Ops', type: 'kanban' }]);
    await expect(proposeBoardWorkflow({ statuses, boards: one }, { projectKey: 'OPS' })).resolves.toMatchObject({
      proposal: null,
      unavailable: 'too-few-columns',
    });
  });
});
