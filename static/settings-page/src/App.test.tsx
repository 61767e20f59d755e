/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { invoke, requestJira } from '@forge/bridge';
import { ERASE_CONFIRMATION_PHRASE, type ProjectSettingsList, type ResolverResult } from '../../../src/shared/resolver-contract';
import { deferred, failed, ok } from '../../testing/resolver-fixtures';
import { dataPrivacy, SEALED } from '../../testing/settings-fixtures';
import { App, SETTINGS_TABS } from './App';
import { ACCESS_DENIED_HEADER } from './SettingsAccessDenied';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), requestJira: jest.fn() }));

const invokeMock = jest.mocked(invoke);
afterEach(() => {
  invokeMock.mockReset();
  jest.mocked(requestJira).mockReset();
});

const PROJECTS: ProjectSettingsList = {
  projects: [
    { id: '10002', key: 'WEB', name: 'Website', measured: false, sync: null },
    {
      id: '10001',
      key: 'APP',
      name: 'Mobile app',
      measured: true,
      sync: { status: 'ok', progress: null, lastSuccessAt: '2026-03-12T14:05:00.000Z', lastError: null },
    },
  ],
  licenceActive: true,
};

/** Lets every pending promise and timer of the page run, so a call it was going to make has been made. */
async function settle(): Promise<void> {
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

describe('settings page, as a Jira admin', () => {
  it('shows the tabs once the projects list has answered, opening on the projects tab', async () => {
    const answer = deferred<ResolverResult<ProjectSettingsList>>();
    invokeMock.mockReturnValueOnce(answer.promise);
    render(<App />);
    expect(screen.getByTestId('page-loading')).toBeTruthy();
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(invokeMock).toHaveBeenCalledWith('listProjectSettings', {});

    await act(() => {
      answer.resolve(ok(PROJECTS));
      return answer.promise;
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Flow metrics settings');
    expect(
      within(screen.getByRole('tablist'))
        .getAllByRole('tab')
        .map((tab) => tab.textContent),
    ).toEqual([...SETTINGS_TABS]);
    expect(screen.getByRole('tab', { name: 'Projects' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('project-settings-APP').textContent).toContain('Up to date');
    expect(screen.queryByTestId('access-denied')).toBeNull();
    expect(invokeMock).toHaveBeenCalledTimes(1);
  });

  it("says plainly when the site's licence is inactive, and what keeps running", async () => {
    invokeMock.mockResolvedValueOnce(ok({ ...PROJECTS, licenceActive: false }));
    render(<App />);
    const notice = await screen.findByTestId('licence-inactive');
    expect(notice.textContent).toContain("This site's licence for Flow Metrics for Jira is not active");
    expect(notice.textContent).toContain('Reporting and erasing personal data continues, because the law requires it');
    // The settings stay usable: an admin may still export or erase the data.
    expect(
      within(screen.getByRole('tablist'))
        .getAllByRole('tab')
        .map((tab) => tab.textContent),
    ).toEqual([...SETTINGS_TABS]);
  });

  it('loads a tab only when it is opened', async () => {
    invokeMock
      .mockResolvedValueOnce(ok(PROJECTS))
      .mockResolvedValueOnce(ok({ connected: false, sealing: SEALED }))
      .mockResolvedValueOnce(ok({ patterns: [], lockfiles: ['yarn.lock'], limits: { maxPatterns: 50, maxLength: 200 } }));
    render(<App />);
    await screen.findByTestId('project-settings-list');
    expect(invokeMock).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('tab', { name: 'GitHub' }));
    expect(await screen.findByRole('button', { name: 'Connect GitHub' })).toBeTruthy();
    // The GitHub tab's two parts: the connection, and the generated files left out of sizes.
    expect(invokeMock.mock.calls.slice(1)).toEqual([
      ['getGitHubConnection', {}],
      ['getGeneratedPaths', {}],
    ]);
  });

  it('shows an error in the projects tab, keeps the tabs while retrying, and retries on request', async () => {
    const retried = deferred<ResolverResult<ProjectSettingsList>>();
    invokeMock
      .mockResolvedValueOnce(failed('RATE_LIMITED', 'Jira is rate limiting the app. Try again in a minute.'))
      .mockReturnValueOnce(retried.promise);
    render(<App />);
    expect((await screen.findByTestId('load-error')).textContent).toContain('Try again in a minute.');
    expect(screen.getAllByRole('tab')).toHaveLength(SETTINGS_TABS.length);

    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(screen.getAllByRole('tab')).toHaveLength(SETTINGS_TABS.length);
    await act(() => {
      retried.resolve(ok(PROJECTS));
      return retried.promise;
    });
    await waitFor(() => expect(screen.getByTestId('project-settings-list')).toBeTruthy());
    expect(invokeMock).toHaveBeenCalledTimes(2);
  });

  it('asks for the projects list again after all app data is erased', async () => {
    const erased: ProjectSettingsList = {
      ...PROJECTS,
      projects: PROJECTS.projects.map((project) => ({ ...project, measured: false, sync: null })),
    };
    const answers: Record<string, ResolverResult<unknown>[]> = {
      listProjectSettings: [ok(PROJECTS), ok(erased)],
      getDataPrivacy: [ok(dataPrivacy()), ok(dataPrivacy())],
      eraseAllAppData: [ok({ done: true, erasedValues: 9, erasedSecrets: 0 })],
    };
    invokeMock.mockImplementation((functionKey) => {
      const next = answers[functionKey]?.shift();
      return next ? Promise.resolve(next) : Promise.reject(new Error(`No answer left for ${functionKey}`));
    });
    render(<App />);
    await screen.findByTestId('project-settings-list');
    fireEvent.click(screen.getByRole('tab', { name: 'Data and privacy' }));
    fireEvent.change(await screen.findByLabelText(/to confirm/), { target: { value: ERASE_CONFIRMATION_PHRASE } });
    fireEvent.click(screen.getByRole('button', { name: 'Erase all app data' }));

    expect((await screen.findByTestId('privacy-notice')).textContent).toBe('Erased 9 stored values and every token.');
    fireEvent.click(screen.getByRole('tab', { name: 'Projects' }));
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Measure APP').checked).toBe(false));
    expect(invokeMock.mock.calls.filter(([functionKey]) => functionKey === 'listProjectSettings')).toHaveLength(2);
  });
});

describe('settings page, as someone who is not a Jira admin', () => {
  it('shows only that the settings are for Jira administrators, with no tabs, and asks nothing more', async () => {
    invokeMock.mockResolvedValueOnce(failed('FORBIDDEN', 'Only Jira administrators can change Flow metrics settings.'));
    render(<App />);
    const denied = await screen.findByTestId('access-denied');
    await settle();

    expect(screen.getAllByTestId('access-denied')).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(ACCESS_DENIED_HEADER);
    expect(denied.textContent).toContain('Ask a Jira administrator');
    // The message is the page: nothing outside it but the page frame.
    expect(document.body.textContent).toBe(denied.textContent);
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.queryByRole('tab')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByTestId('page-loading')).toBeNull();
    expect(invokeMock.mock.calls).toEqual([['listProjectSettings', {}]]);
  });
});
