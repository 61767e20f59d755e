/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { deferred, failed, ok, projectPageData } from '../../testing/resolver-fixtures';
import { App, GET_PROJECT_PAGE, SYNC_POLL_INTERVAL_MS } from './App';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn() }));
// The metric views load their own data; ProjectMetrics.test.tsx covers them. Here: whether they are shown, and for which data.
jest.mock('./ProjectMetrics', () => ({
  ProjectMetrics: ({ dataVersion }: { dataVersion: string | null }) => <div data-testid="metrics-stub">{dataVersion}</div>,
}));

const invokeMock = jest.mocked(invoke);

afterEach(() => {
  invokeMock.mockReset();
  jest.useRealTimers();
});

describe('project page', () => {
  it('asks the project-page resolver with an empty payload and shows a spinner until it answers', async () => {
    const answer = deferred<unknown>();
    invokeMock.mockReturnValueOnce(answer.promise as ReturnType<typeof invoke>);

    render(<App />);

    expect(invokeMock).toHaveBeenCalledWith(GET_PROJECT_PAGE, {});
    expect(screen.getByTestId('page-loading')).toBeTruthy();
    expect(screen.queryByTestId('project-name')).toBeNull();

    await act(async () => answer.resolve(ok(projectPageData())));

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

    await act(async () => jest.advanceTimersByTime(SYNC_POLL_INTERVAL_MS));
    expect(screen.getByTestId('sync-progress-caption').textContent).toBe('60 of 100 issues');
    expect(screen.queryByTestId('page-loading')).toBeNull();

    await act(async () => jest.advanceTimersByTime(SYNC_POLL_INTERVAL_MS));
    expect(screen.getByTestId('sync-state').textContent).toContain('Up to date');

    await act(async () => jest.advanceTimersByTime(SYNC_POLL_INTERVAL_MS * 3));
    expect(invokeMock).toHaveBeenCalledTimes(3);
  });

  it('keeps the data on screen when a background refresh fails', async () => {
    jest.useFakeTimers();
    invokeMock
      .mockResolvedValueOnce(ok(projectPageData({ status: 'queued' })))
      .mockResolvedValueOnce(failed('UNAVAILABLE', 'storage hiccup'));

    render(<App />);
    await waitFor(() => expect(screen.getByTestId('sync-state').textContent).toContain('Queued'));

    await act(async () => jest.advanceTimersByTime(SYNC_POLL_INTERVAL_MS));

    expect(invokeMock).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('sync-state').textContent).toContain('Queued');
    expect(screen.queryByTestId('load-error')).toBeNull();
  });

  it('shows the first sync’s progress where the charts will appear', async () => {
    invokeMock.mockResolvedValueOnce(ok(projectPageData({ status: 'running', progress: { done: 1200, total: 4800 }, lastSuccessAt: null })));

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

    await act(async () => jest.advanceTimersByTime(SYNC_POLL_INTERVAL_MS));

    expect(screen.queryByTestId('first-sync')).toBeNull();
    expect(screen.getByTestId('metrics-stub').textContent).toBe('2026-03-12T14:05:00.000Z');
  });

  it('follows a sync it asked for: the sync state is asked again and then polled', async () => {
    jest.useFakeTimers();
    invokeMock.mockImplementation(async (key) => {
      if (key === 'syncNow') return ok({ sync: projectPageData({ status: 'queued' }).sync, nextAllowedAt: '2026-03-12T14:10:00.000Z' });
      const calls = invokeMock.mock.calls.filter((call) => call[0] === GET_PROJECT_PAGE).length;
      return ok(projectPageData(calls === 1 ? { status: 'ok' } : { status: 'queued' }));
    });

    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sync now' }));

    await waitFor(() => expect(screen.getByTestId('sync-status').textContent).toBe('Queued'));
    await act(async () => jest.advanceTimersByTime(SYNC_POLL_INTERVAL_MS));
    expect(invokeMock.mock.calls.map((call) => call[0])).toEqual([GET_PROJECT_PAGE, 'syncNow', GET_PROJECT_PAGE, GET_PROJECT_PAGE]);
  });
});
