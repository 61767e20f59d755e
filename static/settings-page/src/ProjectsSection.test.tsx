/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import type { ProjectSettingsList } from '../../../src/shared/resolver-contract';
import { useResolver } from '../../common/use-resolver';
import { failed, ok, syncState } from '../../testing/resolver-fixtures';
import { LIST_PROJECT_SETTINGS, ProjectsSection, SYNC_POLL_INTERVAL_MS } from './ProjectsSection';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), requestJira: jest.fn() }));

const invokeMock = jest.mocked(invoke);
afterEach(() => invokeMock.mockReset());

const LIST: ProjectSettingsList = {
  projects: [
    {
      id: '10000',
      key: 'FLOW',
      name: 'Flow team',
      measured: true,
      sync: syncState({ status: 'failed', lastError: 'Jira answered 503 to the search.' }),
    },
    { id: '10001', key: 'WEB', name: 'Website', measured: false, sync: null },
  ],
  licenceActive: true,
};

/** The section as the settings page shows it: the page loads the list and hands it over. */
function LoadedProjectsSection() {
  return <ProjectsSection projects={useResolver(LIST_PROJECT_SETTINGS)} />;
}

describe('the projects section', () => {
  it('lists projects with whether they are measured and where their sync stands', async () => {
    invokeMock.mockResolvedValueOnce(ok(LIST));
    render(<LoadedProjectsSection />);
    const flow = await screen.findByTestId('project-settings-FLOW');
    expect(flow.textContent).toContain('Sync failed');
    expect(flow.textContent).toContain('Jira answered 503 to the search.');
    expect(within(flow).getByLabelText<HTMLInputElement>('Measure FLOW').checked).toBe(true);
    expect(within(screen.getByTestId('project-settings-WEB')).queryByRole('button', { name: 'Sync now WEB' })).toBeNull();
  });

  it('measures a project and says its history is being collected', async () => {
    invokeMock
      .mockResolvedValueOnce(ok(LIST))
      .mockResolvedValueOnce(ok({ measuredProjectKeys: ['FLOW', 'WEB'], syncQueued: true }))
      .mockResolvedValueOnce(ok(LIST));
    render(<LoadedProjectsSection />);
    fireEvent.click(await screen.findByLabelText('Measure WEB'));
    expect((await screen.findByTestId('projects-notice')).textContent).toBe('WEB is measured; its history is being collected.');
    expect(invokeMock).toHaveBeenCalledWith('setProjectMeasured', { projectKey: 'WEB', measured: true });
    await waitFor(() => expect(invokeMock).toHaveBeenLastCalledWith('listProjectSettings', {}));
  });

  it('queues a sync, and a rebuild only after a confirmation', async () => {
    invokeMock
      .mockResolvedValueOnce(ok(LIST))
      .mockResolvedValueOnce(ok({ projectKey: 'FLOW', mode: 'sync-now', queuedAt: '2026-03-10T12:00:00.000Z' }))
      .mockResolvedValueOnce(ok(LIST))
      .mockResolvedValueOnce(ok({ projectKey: 'FLOW', mode: 'rebuild', queuedAt: '2026-03-10T12:00:00.000Z' }))
      .mockResolvedValueOnce(ok(LIST));
    render(<LoadedProjectsSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sync now FLOW' }));
    expect((await screen.findByTestId('projects-notice')).textContent).toBe('A sync of FLOW is queued.');

    fireEvent.click(screen.getByRole('button', { name: 'Rebuild FLOW' }));
    const confirm = screen.getByTestId('confirm-rebuild');
    // The question takes the focus on the answer that changes nothing.
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(invokeMock.mock.calls.filter(([, payload]) => (payload as { mode?: string }).mode === 'rebuild')).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Rebuild' }));
    await waitFor(() => expect(screen.getByTestId('projects-notice').textContent).toBe('FLOW will be rebuilt from scratch.'));
    expect(invokeMock).toHaveBeenCalledWith('requestProjectSync', { projectKey: 'FLOW', mode: 'rebuild' });
  });

  it('drops the rebuild question on Escape, as a dialog would close', async () => {
    invokeMock.mockResolvedValueOnce(ok(LIST));
    render(<LoadedProjectsSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Rebuild FLOW' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByTestId('confirm-rebuild')).toBeNull();
    expect(invokeMock).toHaveBeenCalledTimes(1);
  });

  it('follows a queued sync until it has finished, then stops asking', async () => {
    const withFlow = (sync: ProjectSettingsList['projects'][number]['sync']): ProjectSettingsList => ({
      ...LIST,
      projects: [{ ...LIST.projects[0]!, sync }],
    });
    invokeMock
      .mockResolvedValueOnce(ok(withFlow(syncState({ status: 'queued' }))))
      .mockResolvedValueOnce(ok(withFlow(syncState({ status: 'ok', lastSuccessAt: '2026-03-10T12:00:00.000Z' }))));
    jest.useFakeTimers();
    try {
      render(<LoadedProjectsSection />);
      await act(async () => {
        await jest.advanceTimersByTimeAsync(0);
      });
      expect(screen.getByTestId('project-settings-FLOW').textContent).toContain('Queued');
      await act(async () => {
        await jest.advanceTimersByTimeAsync(SYNC_POLL_INTERVAL_MS);
      });
      expect(screen.getByTestId('project-settings-FLOW').textContent).toContain('Up to date');
      await act(async () => {
        await jest.advanceTimersByTimeAsync(3 * SYNC_POLL_INTERVAL_MS);
      });
      expect(invokeMock).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows why a change was refused', async () => {
    invokeMock.mockResolvedValueOnce(ok(LIST)).mockResolvedValueOnce(failed('NOT_FOUND', 'Project WEB was not found.'));
    render(<LoadedProjectsSection />);
    fireEvent.click(await screen.findByLabelText('Measure WEB'));
    expect((await screen.findByTestId('action-error')).textContent).toContain('Project WEB was not found.');
  });
});
