/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { invoke, router } from '@forge/bridge';
import { deferred, failed, ok, projectPageData, unmeasuredProjectPageData } from '../../testing/resolver-fixtures';
import { formatDateTime } from '../../common/format-date-time';
import { App, SYNC_POLL_INTERVAL_MS } from './App';
import { GET_PROJECT_PAGE } from './first-requests';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), router: { navigate: jest.fn() } }));
// The metric views load their own data; ProjectMetrics.test.tsx covers them. Here: whether they are shown, and for which data.
jest.mock('./ProjectMetrics', () => ({
  ProjectMetrics: ({ dataVersion }: { dataVersion: string | null }) => <div data-testid="metrics-stub">{dataVersion}</div>,
}));

const invokeMock = jest.mocked(invoke);
const navigateMock = jest.mocked(router.navigate);

afterEach(() => {
  invokeMock.mockReset();
  navigateMock.mockReset();
  jest.useRealTimers();
});

describe('project page', () => {
  it('asks the project-page resolver with an empty payload and shows a spinner until it answers', async () => {
    const answer = deferred<unknown>();
    invokeMock.mockReturnValueOnce(answer.promise);

    render(<App />);

    expect(invokeMock).toHaveBeenCalledWith(GET_PROJECT_PAGE, {});
    expect(screen.getByTestId('page-loading')).toBeTruthy();
    expect(screen.queryByTestId('project-name')).toBeNull();

    await act(() => {
      answer.resolve(ok(projectPageData()));
      return answer.promise;
    });

    expect(screen.queryByTestId('page-loading')).toBeNull();
    expect(screen.getByTestId('project-name').textContent).toBe('Flow Platform');
  });

  it('shows the project and its sync state once loaded', async () => {
    invokeMock.mockResolvedValueOnce(ok(projectPageData({ status: 'ok', lastSuccessAt: '2026-03-12T14:05:00.000Z' })));

    render(<App />);

    expect((await screen.findByTestId('project-name')).textContent).toBe('Flow Platform');
    expect(screen.getByTestId('project-key').textContent).toBe('FLOW');
    expect(screen.getByTestId('sync-state').textContent).toContain('Up to date');
    expect(screen.getByTestId('sync-data-as-of').textContent).toMatch(/^Data as of .*2026/);
  });

  it("says plainly when the site's licence is inactive, and still shows the project's metrics", async () => {
    invokeMock.mockResolvedValueOnce(ok({ ...projectPageData(), licenceActive: false }));

    render(<App />);

    const notice = await screen.findByTestId('licence-inactive');
    expect(notice.textContent).toContain("This site's licence for Flow Metrics for Jira is not active");
    expect(notice.textContent).toContain('renews the licence in Jira settings → Apps → Manage apps');
    expect(screen.getByTestId('metrics-stub')).toBeTruthy();
  });

  it('says nothing about the licence while it is active', async () => {
    invokeMock.mockResolvedValueOnce(ok(projectPageData()));

    render(<App />);

    await screen.findByTestId('project-name');
    expect(screen.queryByTestId('licence-inactive')).toBeNull();
  });

  it('shows a project that was never synced', async () => {
    invokeMock.mockResolvedValueOnce(ok(projectPageData({ status: 'never-synced', lastSuccessAt: null })));

    render(<App />);

    expect((await screen.findByTestId('sync-state')).textContent).toContain('Never synced');
    expect(screen.queryByTestId('sync-data-as-of')).toBeNull();
  });

  it('shows a running sync with its progress', async () => {
    invokeMock.mockResolvedValueOnce(
      ok(projectPageData({ status: 'running', progress: { done: 1200, total: 4800 }, lastSuccessAt: null })),
    );

    render(<App />);

    const progressBar = await screen.findByRole('progressbar');
    expect(progressBar.getAttribute('aria-valuenow')).toBe('0.25');
    expect(screen.getByTestId('sync-state').textContent).toContain('Syncing');
    expect(screen.getByTestId('sync-progress-caption').textContent).toMatch(/1,?200 of 4,?800 issues/);
  });

  it('shows a failed sync with its readable error', async () => {
    invokeMock.mockResolvedValueOnce(
      ok(projectPageData({ status: 'failed', lastError: 'Jira answered 503 for the changelog; the next sync retries.' })),
    );

    render(<App />);

    expect((await screen.findByTestId('sync-state')).textContent).toContain('Sync failed');
    expect(screen.getByTestId('sync-error').textContent).toContain('Jira answered 503 for the changelog; the next sync retries.');
  });

  it('says only that the user has no access when the resolver answers FORBIDDEN', async () => {
    invokeMock.mockResolvedValueOnce(failed('FORBIDDEN', 'caller lacks BROWSE_PROJECTS on FLOW'));

    render(<App />);

    const message = await screen.findByTestId('access-denied');
    expect(message.textContent).toContain("You don't have access to this project");
    expect(message.textContent).not.toContain('BROWSE_PROJECTS');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.queryByTestId('project-name')).toBeNull();
    expect(screen.queryByTestId('sync-state')).toBeNull();
  });

  it('shows the error and retries on request', async () => {
    invokeMock
      .mockResolvedValueOnce(failed('UNAVAILABLE', 'Jira did not answer in time. Try again in a minute.'))
      .mockResolvedValueOnce(ok(projectPageData()));

    render(<App />);

    expect((await screen.findByTestId('load-error')).textContent).toContain('Jira did not answer in time. Try again in a minute.');

    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByTestId('project-name')).toBeTruthy();
    expect(screen.queryByTestId('load-error')).toBeNull();
    expect(invokeMock).toHaveBeenCalledTimes(2);
  });

  it('treats a bridge failure as a retryable error', async () => {
    invokeMock.mockRejectedValueOnce(new Error('network down'));

    render(<App />);

    const message = await screen.findByTestId('load-error');
    expect(message.textContent).toContain('could not be reached');
    expect(message.textContent).not.toContain('network down');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('refreshes in the background while a sync is running, and stops once it is done', async () => {
    jest.useFakeTimers();
    invokeMock
      .mockResolvedValueOnce(ok(projectPageData({ status: 'running', progress: { done: 10, total: 100 } })))
      .mockResolvedValueOnce(ok(projectPageData({ status: 'running', progress: { done: 60, total: 100 } })))
      .mockResolvedValueOnce(ok(projectPageData({ status: 'ok' })));

    render(<App />);
    await waitFor(() => expect(screen.getByTestId('sync-progress-caption').textContent).toBe('10 of 100 issues'));

    await act(() => jest.advanceTimersByTimeAsync(SYNC_POLL_INTERVAL_MS));
    expect(screen.getByTestId('sync-progress-caption').textContent).toBe('60 of 100 issues');
    expect(screen.queryByTestId('page-loading')).toBeNull();

    await act(() => jest.advanceTimersByTimeAsync(SYNC_POLL_INTERVAL_MS));
    expect(screen.getByTestId('sync-state').textContent).toContain('Up to date');

    await act(() => jest.advanceTimersByTimeAsync(SYNC_POLL_INTERVAL_MS * 3));
    expect(invokeMock).toHaveBeenCalledTimes(3);
  });

  it('keeps the data on screen when a background refresh fails', async () => {
    jest.useFakeTimers();
    invokeMock
      .mockResolvedValueOnce(ok(projectPageData({ status: 'queued' })))
      .mockResolvedValueOnce(failed('UNAVAILABLE', 'storage hiccup'));

    render(<App />);
    await waitFor(() => expect(screen.getByTestId('sync-state').textContent).toContain('Queued'));

    await act(() => jest.advanceTimersByTimeAsync(SYNC_POLL_INTERVAL_MS));

    expect(invokeMock).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('sync-state').textContent).toContain('Queued');
    expect(screen.queryByTestId('load-error')).toBeNull();
  });

  it('shows the first sync’s progress where the charts will appear', async () => {
    invokeMock.mockResolvedValueOnce(
      ok(projectPageData({ status: 'running', progress: { done: 1200, total: 4800 }, lastSuccessAt: null })),
    );

    render(<App />);

    const firstSync = await screen.findByTestId('first-sync');
    expect(firstSync.textContent).toContain("Collecting this project's history");
    expect(firstSync.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('0.25');
    expect(screen.queryByTestId('metrics-stub')).toBeNull();
  });

  it('shows the charts, for the last sync’s data, once there is data', async () => {
    jest.useFakeTimers();
    invokeMock
      .mockResolvedValueOnce(ok(projectPageData({ status: 'queued', lastSuccessAt: null })))
      .mockResolvedValueOnce(ok(projectPageData({ status: 'ok', lastSuccessAt: '2026-03-12T14:05:00.000Z' })));

    render(<App />);
    await waitFor(() => expect(screen.getByTestId('first-sync')).toBeTruthy());

    await act(() => jest.advanceTimersByTimeAsync(SYNC_POLL_INTERVAL_MS));

    expect(screen.queryByTestId('first-sync')).toBeNull();
    expect(screen.getByTestId('metrics-stub').textContent).toBe('2026-03-12T14:05:00.000Z');
  });

  it('follows a sync it asked for: the sync state is asked again and then polled', async () => {
    jest.useFakeTimers();
    invokeMock.mockImplementation((key) => {
      if (key === 'syncNow')
        return Promise.resolve(ok({ sync: projectPageData({ status: 'queued' }).sync, nextAllowedAt: '2026-03-12T14:10:00.000Z' }));
      const calls = invokeMock.mock.calls.filter((call) => call[0] === GET_PROJECT_PAGE).length;
      return Promise.resolve(ok(projectPageData(calls === 1 ? { status: 'ok' } : { status: 'queued' })));
    });

    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sync now' }));

    await waitFor(() => expect(screen.getByTestId('sync-status').textContent).toBe('Queued'));
    await act(() => jest.advanceTimersByTimeAsync(SYNC_POLL_INTERVAL_MS));
    expect(invokeMock.mock.calls.map((call) => call[0])).toEqual([GET_PROJECT_PAGE, 'syncNow', GET_PROJECT_PAGE, GET_PROJECT_PAGE]);
  });
});

describe('project page of a project no admin has enabled', () => {
  /** Everything that belongs to a measured project's page, none of which applies here. */
  const expectNoSyncOrCharts = () => {
    expect(screen.queryByTestId('sync-state')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
    expect(screen.queryByTestId('first-sync')).toBeNull();
    // The metrics (filters and tabs) never load: their own resolver call is not made either.
    expect(screen.queryByTestId('metrics-stub')).toBeNull();
    expect(screen.queryByText(/Metrics appear after the first sync/)).toBeNull();
  };

  it('tells a team member that it is not measured and who can turn it on, with nothing to click', async () => {
    invokeMock.mockResolvedValueOnce(ok(unmeasuredProjectPageData(false)));

    render(<App />);

    const empty = await screen.findByTestId('project-not-measured');
    expect(screen.getByTestId('project-name').textContent).toBe('Big Monorepo');
    expect(within(empty).getByRole('heading', { level: 2 }).textContent).toBe('Flow metrics are not collected for Big Monorepo yet');
    expect(empty.textContent).toContain(
      'A Jira administrator can turn them on in Jira settings → Apps → Flow metrics settings → Projects.',
    );
    expect(within(empty).queryByRole('button')).toBeNull();
    expectNoSyncOrCharts();
  });

  it('says a project is no longer measured, with its last sync, and serves no charts of its kept history', async () => {
    const lastSync = '2026-03-01T10:00:00.000Z';
    invokeMock.mockResolvedValueOnce(
      ok({
        ...unmeasuredProjectPageData(false),
        sync: { ...unmeasuredProjectPageData(false).sync, status: 'ok', lastSuccessAt: lastSync },
      }),
    );

    render(<App />);

    const notice = await screen.findByTestId('project-no-longer-measured');
    expect(notice.textContent).toContain('no longer collected');
    expect(notice.textContent).toContain(formatDateTime(lastSync));
    expect(notice.textContent).not.toContain('yet');
    expect(screen.queryByTestId('project-not-measured')).toBeNull();
    expect(screen.queryByTestId('metrics-stub')).toBeNull();
  });

  it("offers a Jira admin the way to the app's settings page", async () => {
    navigateMock.mockResolvedValueOnce(undefined);
    invokeMock.mockResolvedValueOnce(ok(unmeasuredProjectPageData(true)));

    render(<App />);

    const empty = await screen.findByTestId('project-not-measured');
    expect(empty.textContent).toContain('Jira settings → Apps → Flow metrics settings → Projects');
    expectNoSyncOrCharts();
    fireEvent.click(within(empty).getByRole('button', { name: 'Open Flow metrics settings' }));
    expect(navigateMock).toHaveBeenCalledWith({ target: 'module', moduleKey: 'flow-metrics-settings' });
  });

  it('says so when Jira refuses to open the settings page', async () => {
    navigateMock.mockRejectedValueOnce(new Error('navigation refused'));
    invokeMock.mockResolvedValueOnce(ok(unmeasuredProjectPageData(true)));

    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open Flow metrics settings' }));

    await waitFor(() => expect(screen.getByTestId('project-not-measured').textContent).toContain("open it from Jira's settings"));
    expect(screen.getByTestId('project-not-measured').textContent).not.toContain('navigation refused');
  });

  it('does not poll a sync state left over from before the project was turned off', async () => {
    jest.useFakeTimers();
    invokeMock.mockResolvedValue(ok({ ...unmeasuredProjectPageData(false), sync: projectPageData({ status: 'queued' }).sync }));

    render(<App />);
    // Synced before it was turned off: the page says so, as of that sync, and nothing polls.
    await waitFor(() => expect(screen.getByTestId('project-no-longer-measured')).toBeTruthy());
    await act(() => jest.advanceTimersByTimeAsync(SYNC_POLL_INTERVAL_MS * 3));

    expect(invokeMock).toHaveBeenCalledTimes(1);
  });
});
