/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import type { BoardWorkflowProposal, WorkflowSettings } from '../../../src/shared/resolver-contract';
import { flowTeamWorkflowData } from '../../../src/shared/testing/workflow-settings-fixtures';
import { failed, ok } from '../../testing/resolver-fixtures';
import { WorkflowEditor } from './WorkflowEditor';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), requestJira: jest.fn() }));

const invokeMock = jest.mocked(invoke);
afterEach(() => invokeMock.mockReset());

const BOARDS = [
  { id: 2, name: 'FLOW board', type: 'kanban' },
  { id: 3, name: 'FLOW delivery', type: 'kanban' },
];
const BOARD_WORKFLOW: WorkflowSettings = {
  stages: [
    { name: 'Backlog', statusIds: ['10000'], active: false },
    { name: 'Doing', statusIds: ['3'], active: true },
    { name: 'Review', statusIds: ['10001'], active: true },
    { name: 'Done', statusIds: ['10002'], active: false },
  ],
  startStage: 'Doing',
  doneStage: 'Done',
};
const proposal = (board: (typeof BOARDS)[number], extra: Partial<NonNullable<BoardWorkflowProposal['proposal']>> = {}) => ({
  boards: BOARDS,
  proposal: { board, workflow: BOARD_WORKFLOW, statusesNotOnBoard: [], emptyColumns: [], ...extra },
  unavailable: null,
});

async function openEditor() {
  invokeMock.mockResolvedValueOnce(ok(flowTeamWorkflowData()));
  render(<WorkflowEditor projectKey="FLOW" onClose={() => undefined} />);
  await screen.findByTestId('workflow-editor');
}

describe("stages from the board's columns", () => {
  it('shows the proposed stages, lets the admin pick another board, and fills the editor only when confirmed', async () => {
    await openEditor();
    invokeMock.mockResolvedValueOnce(ok(proposal(BOARDS[0]!)));
    fireEvent.click(screen.getByRole('button', { name: "Start from the board's columns" }));
    const offer = await screen.findByTestId('board-stages');
    expect(invokeMock).toHaveBeenLastCalledWith('proposeBoardWorkflow', { projectKey: 'FLOW' });
    const list = within(offer).getByRole('list', { name: 'Stages proposed from FLOW board' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Backlog (To Do)', 'Doing (In Progress) · the clock starts', 'Review (In Review)', 'Done (Done) · the clock stops']);
    // Nothing has changed in the editor yet.
    expect(screen.getByLabelText<HTMLInputElement>('Stage 2 name').value).toBe('In Progress');

    invokeMock.mockResolvedValueOnce(ok(proposal(BOARDS[1]!, { emptyColumns: ['Released'], statusesNotOnBoard: ['10001'] })));
    fireEvent.change(within(offer).getByLabelText('Board'), { target: { value: '3' } });
    expect(await screen.findByTestId('board-stages-empty-columns')).toBeTruthy();
    expect(invokeMock).toHaveBeenLastCalledWith('proposeBoardWorkflow', { projectKey: 'FLOW', boardId: 3 });
    expect(screen.getByTestId('board-stages-not-on-board').textContent).toContain('In Review');

    fireEvent.click(screen.getByRole('button', { name: 'Use these stages' }));
    expect(screen.queryByTestId('board-stages')).toBeNull();
    expect(screen.getByTestId('board-stages-used').textContent).toContain('FLOW delivery');
    expect(screen.getByLabelText<HTMLInputElement>('Stage 2 name').value).toBe('Doing');
    expect(screen.getByLabelText<HTMLSelectElement>('Stage of status In Review').selectedOptions[0]!.textContent).toBe('Review');
    // Only Save stores it: no save was sent.
    expect(invokeMock.mock.calls.map(([name]) => name)).not.toContain('saveProjectWorkflow');

    invokeMock.mockResolvedValueOnce(ok(flowTeamWorkflowData({ workflow: BOARD_WORKFLOW, customised: true })));
    fireEvent.click(screen.getByRole('button', { name: 'Save workflow' }));
    expect(await screen.findByTestId('workflow-saved')).toBeTruthy();
    expect(invokeMock).toHaveBeenLastCalledWith(
      'saveProjectWorkflow',
      expect.objectContaining({ projectKey: 'FLOW', workflow: BOARD_WORKFLOW }),
    );
  });

  it('cancelling leaves the editor as it was', async () => {
    await openEditor();
    invokeMock.mockResolvedValueOnce(ok(proposal(BOARDS[0]!)));
    fireEvent.click(screen.getByRole('button', { name: "Start from the board's columns" }));
    await screen.findByTestId('board-stages');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByLabelText<HTMLInputElement>('Stage 2 name').value).toBe('In Progress');
    expect(screen.getByTestId('workflow-unchanged')).toBeTruthy();
  });

  it.each([
    ['no-jira-software', 'no Jira Software'],
    ['no-board', 'no board you can see'],
  ] as const)('says plainly when there is nothing to offer (%s)', async (unavailable, words) => {
    await openEditor();
    invokeMock.mockResolvedValueOnce(ok({ boards: [], proposal: null, unavailable }));
    fireEvent.click(screen.getByRole('button', { name: "Start from the board's columns" }));
    expect((await screen.findByTestId('board-stages-unavailable')).textContent).toContain(words);
    expect(screen.queryByRole('button', { name: 'Use these stages' })).toBeNull();
  });

  it('shows why Jira could not be read', async () => {
    await openEditor();
    invokeMock.mockResolvedValueOnce(failed('UNAVAILABLE', "Jira answered 500 to the project's boards."));
    fireEvent.click(screen.getByRole('button', { name: "Start from the board's columns" }));
    expect((await screen.findByTestId('board-stages-error')).textContent).toContain('Jira answered 500');
  });
});
