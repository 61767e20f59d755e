/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { flowTeamWorkflowData, FLOW_TEAM_WITH_REVIEW_STAGE } from '../../../src/shared/testing/workflow-settings-fixtures';
import { failed, ok } from '../../testing/resolver-fixtures';
import { WorkflowEditor } from './WorkflowEditor';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), requestJira: jest.fn() }));

const invokeMock = jest.mocked(invoke);
afterEach(() => invokeMock.mockReset());

const DEFAULTS = flowTeamWorkflowData();

async function openEditor() {
  invokeMock.mockResolvedValueOnce(ok(DEFAULTS));
  render(<WorkflowEditor projectKey="FLOW" onClose={() => undefined} />);
  return screen.findByTestId('workflow-editor');
}

describe('the workflow editor', () => {
  it("shows the defaults from Jira's status categories and the engine's conventions, explained", async () => {
    await openEditor();
    expect(invokeMock).toHaveBeenCalledWith('getProjectWorkflow', { projectKey: 'FLOW' });
    expect(screen.getByLabelText<HTMLSelectElement>('Stage of status In Review').selectedOptions[0]!.textContent).toBe('In Progress');
    expect(screen.getByLabelText<HTMLSelectElement>(/Start stage/).selectedOptions[0]!.textContent).toBe('In Progress');
    expect(screen.getByTestId('conventions').textContent).toContain('The first time an item entered a stage is its date for that stage.');
    expect(screen.getByText('Defaults')).toBeTruthy();
  });

  it('splits out a review stage as waiting time and saves it', async () => {
    await openEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Add stage' }));
    fireEvent.change(screen.getByLabelText('Stage 3 name'), { target: { value: 'Review' } });
    fireEvent.click(screen.getByLabelText('Review is active work'));
    const reviewOption = within(screen.getByLabelText('Stage of status In Review')).getByRole<HTMLOptionElement>('option', {
      name: 'Review',
    });
    fireEvent.change(screen.getByLabelText('Stage of status In Review'), { target: { value: reviewOption.value } });
    fireEvent.change(screen.getByLabelText(/Unit of cycle time/), { target: { value: 'hours' } });

    invokeMock.mockResolvedValueOnce(ok({ ...DEFAULTS, customised: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Save workflow' }));
    expect(await screen.findByTestId('workflow-saved')).toBeTruthy();
    expect(invokeMock).toHaveBeenLastCalledWith('saveProjectWorkflow', {
      projectKey: 'FLOW',
      workflow: FLOW_TEAM_WITH_REVIEW_STAGE,
      conventions: { ...DEFAULTS.conventions, unit: 'hours' },
    });
  });

  it('offers no save until something differs from what is saved, and none again once it is back', async () => {
    await openEditor();
    const save = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Save workflow' });
    expect(save().disabled).toBe(true);
    expect(screen.getByTestId('workflow-unchanged').textContent).toBe('No changes to save');
    expect(save().getAttribute('aria-describedby')).toBe(screen.getByTestId('workflow-unchanged').id);

    fireEvent.change(screen.getByLabelText(/Unit of cycle time/), { target: { value: 'hours' } });
    expect(save().disabled).toBe(false);
    expect(screen.queryByTestId('workflow-unchanged')).toBeNull();
    fireEvent.change(screen.getByLabelText(/Unit of cycle time/), { target: { value: DEFAULTS.conventions.unit } });
    expect(save().disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Add stage' }));
    expect(screen.getByLabelText<HTMLInputElement>('Stage 3 name').value).toBe('New stage');
    fireEvent.click(screen.getByRole('button', { name: 'Add stage' }));
    expect(screen.getByLabelText<HTMLInputElement>('Stage 4 name').value).toBe('New stage 2');
  });

  it('offers no save again once the workflow is saved', async () => {
    await openEditor();
    fireEvent.change(screen.getByLabelText(/Unit of cycle time/), { target: { value: 'hours' } });
    invokeMock.mockResolvedValueOnce(ok({ ...DEFAULTS, customised: true, conventions: { ...DEFAULTS.conventions, unit: 'hours' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Save workflow' }));
    expect(await screen.findByTestId('workflow-saved')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save workflow' }).disabled).toBe(true);
    expect(screen.getByTestId('workflow-unchanged').textContent).toBe('No changes to save');
  });

  it('will not save while a status is in no stage', async () => {
    await openEditor();
    fireEvent.change(screen.getByLabelText('Stage of status Done'), { target: { value: '' } });
    expect(screen.getByTestId('workflow-problems').textContent).toContain('Put every status in a stage: Done.');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save workflow' }).disabled).toBe(true);
  });

  it("shows the resolver's reason when a save is refused", async () => {
    await openEditor();
    fireEvent.change(screen.getByLabelText(/Unit of cycle time/), { target: { value: 'hours' } });
    invokeMock.mockResolvedValueOnce(failed('INVALID_INPUT', 'The workflow cannot be saved: status "Done" is not in any stage.'));
    fireEvent.click(screen.getByRole('button', { name: 'Save workflow' }));
    expect((await screen.findByTestId('action-error')).textContent).toContain('is not in any stage');
  });

  it('says what is wrong with a convention beside its field, in plain words, before any save', async () => {
    await openEditor();
    const save = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Save workflow' });
    const sle = screen.getByLabelText<HTMLInputElement>(/Service-level expectation/);
    fireEvent.change(sle, { target: { value: '150' } });
    expect(screen.getByTestId('convention-serviceLevelPercentile-problem').textContent).toBe(
      'A percentile is above 0 and below 100; 150 is not.',
    );
    expect(sle.getAttribute('aria-describedby')).toBe('convention-serviceLevelPercentile-problem');
    expect(save().disabled).toBe(true);
    // Emptied, the field is missing a value, not silently 0.
    fireEvent.change(sle, { target: { value: '' } });
    expect(sle.value).toBe('');
    expect(screen.getByTestId('convention-serviceLevelPercentile-problem').textContent).toBe('Enter a percentile, such as 85.');
    fireEvent.change(sle, { target: { value: '90' } });
    expect(screen.queryByTestId('convention-serviceLevelPercentile-problem')).toBeNull();
    expect(save().disabled).toBe(false);

    fireEvent.change(screen.getByLabelText(/Time zone of dates/), { target: { value: 'Mars/Olympus' } });
    expect(screen.getByTestId('convention-timeZone-problem').textContent).toBe(
      '"Mars/Olympus" is not a time zone name; use one such as Europe/Berlin or America/New_York.',
    );
    fireEvent.change(screen.getByLabelText(/Time zone of dates/), { target: { value: 'Europe/Berlin' } });
    expect(screen.queryByTestId('convention-timeZone-problem')).toBeNull();

    for (const day of ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'])
      fireEvent.click(screen.getByLabelText(day));
    expect(screen.getByTestId('convention-workingDays-problem').textContent).toBe('Tick at least one working day.');
    expect(save().disabled).toBe(true);
  });

  it('marks a done status as discarded and chooses the issue types left out by default', async () => {
    await openEditor();
    const inProgress = screen.getByLabelText<HTMLInputElement>('In Progress means discarded, not delivered');
    expect(inProgress.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Done means discarded, not delivered'));
    const types = screen.getByLabelText<HTMLInputElement>('Issue types left out by default');
    expect(types.value).toBe('Epic, Sub-task, Subtask');
    fireEvent.change(types, { target: { value: 'Epic, Initiative, epic' } });

    invokeMock.mockResolvedValueOnce(ok({ ...DEFAULTS, customised: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Save workflow' }));
    expect(await screen.findByTestId('workflow-saved')).toBeTruthy();
    expect(invokeMock).toHaveBeenLastCalledWith('saveProjectWorkflow', {
      projectKey: 'FLOW',
      workflow: { ...DEFAULTS.workflow, discardedStatusIds: ['10002'] },
      conventions: DEFAULTS.conventions,
      excludedIssueTypes: ['Epic', 'Initiative'],
    });
  });

  it('saves the resolutions that mean discarded, each once, and shows the saved ones again', async () => {
    await openEditor();
    const resolutions = screen.getByLabelText<HTMLInputElement>('Resolutions that mean discarded, not delivered');
    expect(resolutions.value).toBe('');
    fireEvent.change(resolutions, { target: { value: " Won't Fix, Duplicate,, won't fix " } });

    const saved = { ...DEFAULTS, customised: true, workflow: { ...DEFAULTS.workflow, discardedResolutions: ["Won't Fix", 'Duplicate'] } };
    invokeMock.mockResolvedValueOnce(ok(saved));
    fireEvent.click(screen.getByRole('button', { name: 'Save workflow' }));
    expect(await screen.findByTestId('workflow-saved')).toBeTruthy();
    expect(invokeMock).toHaveBeenLastCalledWith('saveProjectWorkflow', {
      projectKey: 'FLOW',
      workflow: { ...DEFAULTS.workflow, discardedResolutions: ["Won't Fix", 'Duplicate'] },
      conventions: DEFAULTS.conventions,
    });
    expect(screen.getByLabelText<HTMLInputElement>('Resolutions that mean discarded, not delivered').value).toBe("Won't Fix, Duplicate");
  });

  it('resets a customised workflow', async () => {
    invokeMock.mockResolvedValueOnce(ok({ ...DEFAULTS, customised: true })).mockResolvedValueOnce(ok(DEFAULTS));
    render(<WorkflowEditor projectKey="FLOW" onClose={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Reset to defaults' }));
    await waitFor(() => expect(invokeMock).toHaveBeenLastCalledWith('resetProjectWorkflow', { projectKey: 'FLOW' }));
    expect(await screen.findByText('Defaults')).toBeTruthy();
  });
});
