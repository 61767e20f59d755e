/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { failed, ok } from '../../testing/resolver-fixtures';
import { mockSettingsBridge } from '../../testing/settings-bridge';
import { reviewWaitProblem, SlackAlertsSection } from './SlackAlertsSection';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), requestJira: jest.fn() }));

const { invokeMock } = mockSettingsBridge();
const off = (projectKey: string) => ({ projectKey, serviceLevel: false, reviewWait: { enabled: false, hours: 24 } });

describe('the Slack alerts section', () => {
  it("turns a project's alerts on and saves them together, with the threshold typed", async () => {
    const saved = { projectKey: 'FLOW', serviceLevel: true, reviewWait: { enabled: true, hours: 8 } };
    invokeMock
      .mockResolvedValueOnce(ok({ projects: [off('FLOW'), off('SPR')] }))
      .mockResolvedValueOnce(ok({ projects: [saved, off('SPR')] }));
    render(<SlackAlertsSection />);
    const flow = within(await screen.findByTestId('slack-alerts-FLOW'));
    const save = flow.getByRole('button', { name: 'Save FLOW alerts' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.click(flow.getByLabelText(/passes the project's service-level expectation/));
    fireEvent.click(flow.getByLabelText(/waited for its first review/));
    fireEvent.change(flow.getByLabelText('Review wait in hours for FLOW'), { target: { value: '0' } });
    expect(flow.getByText('Give 1 to 720 hours.')).toBeTruthy();
    expect(save.disabled).toBe(true);
    fireEvent.change(flow.getByLabelText('Review wait in hours for FLOW'), { target: { value: '8' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await screen.findByText('Save FLOW alerts');
    expect(invokeMock).toHaveBeenLastCalledWith('saveSlackAlerts', saved);
  });

  it('shows why a change was not saved', async () => {
    invokeMock
      .mockResolvedValueOnce(ok({ projects: [off('FLOW')] }))
      .mockResolvedValueOnce(failed('NOT_FOUND', 'Project FLOW is not measured: measure it first, then turn its alerts on.'));
    render(<SlackAlertsSection />);
    const flow = within(await screen.findByTestId('slack-alerts-FLOW'));
    fireEvent.click(flow.getByLabelText(/passes the project's service-level expectation/));
    fireEvent.click(flow.getByRole('button', { name: 'Save FLOW alerts' }));
    expect((await screen.findByTestId('action-error')).textContent).toContain('Project FLOW is not measured');
  });

  it('accepts only whole hours from 1 to 720, as the resolver does', () => {
    expect(['1', '24', ' 720 '].map(reviewWaitProblem)).toEqual([null, null, null]);
    expect(['', '0', '721', '1.5', 'abc'].map((text) => reviewWaitProblem(text) !== null)).toEqual([true, true, true, true, true]);
  });
});
