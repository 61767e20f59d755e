/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { invoke, requestJira } from '@forge/bridge';
import { failed, ok } from '../../testing/resolver-fixtures';
import { SEALED } from '../../testing/settings-fixtures';
import { App, SETTINGS_TABS } from './App';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), requestJira: jest.fn() }));

const invokeMock = jest.mocked(invoke);
afterEach(() => {
  invokeMock.mockReset();
  jest.mocked(requestJira).mockReset();
});

const PROJECTS = {
  projects: [
    { id: '10002', key: 'WEB', name: 'Website', measured: false, sync: null },
    { id: '10001', key: 'APP', name: 'Mobile app', measured: true, sync: { status: 'ok', progress: null, lastSuccessAt: '2026-03-12T14:05:00.000Z', lastError: null } },
  ],
};

describe('settings page', () => {
  it('opens on the projects tab, with a tab for each part of the settings', async () => {
    invokeMock.mockResolvedValueOnce(ok(PROJECTS));
    render(<App />);
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([...SETTINGS_TABS]);
    expect(screen.getByTestId('page-loading')).toBeTruthy();
    expect(invokeMock).toHaveBeenCalledWith('listProjectSettings', {});
    expect((await screen.findByTestId('project-settings-APP')).textContent).toContain('Up to date');
  });

  it('loads a tab only when it is opened', async () => {
    invokeMock.mockResolvedValueOnce(ok(PROJECTS)).mockResolvedValueOnce(ok({ connected: false, sealing: SEALED }));
    render(<App />);
    await screen.findByTestId('project-settings-list');
    expect(invokeMock).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('tab', { name: 'GitHub' }));
    expect(await screen.findByRole('button', { name: 'Connect GitHub' })).toBeTruthy();
    expect(invokeMock).toHaveBeenLastCalledWith('getGitHubConnection', {});
  });

  it('tells a non-admin they cannot manage the app, and nothing more', async () => {
    invokeMock.mockResolvedValueOnce(failed('FORBIDDEN', 'Only Jira administrators can change Flow metrics settings.'));
    render(<App />);
    expect((await screen.findByTestId('access-denied')).textContent).toContain('Only Jira admins can manage Flow metrics.');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.queryByTestId('project-settings-list')).toBeNull();
  });

  it('shows the error and retries on request', async () => {
    invokeMock
      .mockResolvedValueOnce(failed('RATE_LIMITED', 'Jira is rate limiting the app. Try again in a minute.'))
      .mockResolvedValueOnce(ok(PROJECTS));
    render(<App />);
    expect((await screen.findByTestId('load-error')).textContent).toContain('Try again in a minute.');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByTestId('project-settings-list')).toBeTruthy());
    expect(invokeMock).toHaveBeenCalledTimes(2);
  });
});
