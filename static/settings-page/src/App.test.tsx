/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { failed, ok, projectListData } from '../../testing/resolver-fixtures';
import { App, LIST_PROJECTS } from './App';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn() }));

const invokeMock = jest.mocked(invoke);

const PROJECTS = [
  { id: '10002', key: 'WEB', name: 'Website', measured: false },
  { id: '10001', key: 'APP', name: 'Mobile app', measured: true },
];

afterEach(() => invokeMock.mockReset());

describe('settings page', () => {
  it('shows a spinner while the projects load', () => {
    invokeMock.mockReturnValueOnce(new Promise(() => {}) as ReturnType<typeof invoke>);

    render(<App />);

    expect(invokeMock).toHaveBeenCalledWith(LIST_PROJECTS, {});
    expect(screen.getByTestId('page-loading')).toBeTruthy();
    expect(screen.queryByTestId('project-list')).toBeNull();
  });

  it('lists the projects by key, each with whether it is measured', async () => {
    invokeMock.mockResolvedValueOnce(ok(projectListData(PROJECTS)));

    render(<App />);

    const list = await screen.findByTestId('project-list');
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['APPMobile appMeasured', 'WEBWebsiteNot measured']);
  });

  it('says so when the site has no projects', async () => {
    invokeMock.mockResolvedValueOnce(ok(projectListData([])));

    render(<App />);

    expect((await screen.findByTestId('project-list')).textContent).toContain('There are no projects on this site yet.');
  });

  it('tells a non-admin they cannot manage the app, and nothing more', async () => {
    invokeMock.mockResolvedValueOnce(failed('FORBIDDEN', 'not a Jira admin'));

    render(<App />);

    expect((await screen.findByTestId('access-denied')).textContent).toContain('Only Jira admins can manage Flow metrics.');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.queryByTestId('project-list')).toBeNull();
  });

  it('shows the error and retries on request', async () => {
    invokeMock
      .mockResolvedValueOnce(failed('RATE_LIMITED', 'Jira is rate limiting the app. Try again in a minute.'))
      .mockResolvedValueOnce(ok(projectListData(PROJECTS)));

    render(<App />);

    expect((await screen.findByTestId('load-error')).textContent).toContain('Try again in a minute.');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByTestId('project-list')).toBeTruthy();
    expect(invokeMock).toHaveBeenCalledTimes(2);
  });
});
