/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { deferred, failed, ok, syncState } from '../../testing/resolver-fixtures';
import { SYNC_NOW } from './SyncNowButton';
import { isSyncInProgress, SyncStatePanel } from './SyncStatePanel';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn() }));

const invokeMock = jest.mocked(invoke);

afterEach(() => invokeMock.mockReset());

describe('SyncStatePanel', () => {
  it('labels every status', () => {
    const labels = {
      'never-synced': 'Never synced',
      queued: 'Queued',
      running: 'Syncing',
      ok: 'Up to date',
      failed: 'Sync failed',
    } as const;
    for (const [status, label] of Object.entries(labels)) {
      const { unmount } = render(<SyncStatePanel sync={syncState({ status: status as keyof typeof labels })} />);
      expect(screen.getByTestId('sync-status').textContent).toBe(label);
      unmount();
    }
  });

  it('explains that a never-synced project has no data yet', () => {
    render(<SyncStatePanel sync={syncState({ status: 'never-synced', lastSuccessAt: null })} />);
    expect(screen.getByTestId('sync-state').textContent).toContain('has not been collected yet');
  });

  it('shows an indeterminate progress bar while the total is unknown', () => {
    render(<SyncStatePanel sync={syncState({ status: 'running', progress: { done: 3500, total: null }, lastSuccessAt: null })} />);
    // Atlaskit's indeterminate bar animates two stripes instead of one bar of a given width.
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    expect(bar.children).toHaveLength(2);
    expect(screen.getByTestId('sync-progress-caption').textContent).toMatch(/3,?500 issues so far/);
  });

  it('shows a starting sync that has no progress yet', () => {
    render(<SyncStatePanel sync={syncState({ status: 'running', progress: null, lastSuccessAt: null })} />);
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(screen.getByTestId('sync-progress-caption').textContent).toBe('Starting…');
  });

  it('keeps the previous data date visible while a new sync is queued', () => {
    render(<SyncStatePanel sync={syncState({ status: 'queued', lastSuccessAt: '2026-03-12T14:05:00.000Z' })} />);
    expect(screen.getByTestId('sync-state').textContent).toContain('will start shortly');
    expect(screen.getByTestId('sync-data-as-of').querySelector('time')?.getAttribute('dateTime')).toBe('2026-03-12T14:05:00.000Z');
  });

  it('says when a failed sync left no data and recorded no message', () => {
    render(<SyncStatePanel sync={syncState({ status: 'failed', lastError: null, lastSuccessAt: null })} />);
    const error = screen.getByTestId('sync-error');
    expect(error.textContent).toContain('No details were recorded');
    expect(error.textContent).toContain('No data has been collected yet.');
  });

  it('keeps showing how old the data is after a failure', () => {
    render(
      <SyncStatePanel
        sync={syncState({ status: 'failed', lastError: 'Rate limited by Jira.', lastSuccessAt: '2026-03-10T09:00:00.000Z' })}
      />,
    );
    expect(screen.getByTestId('sync-error').textContent).toContain('Rate limited by Jira.');
    expect(screen.getByTestId('sync-data-as-of')).toBeTruthy();
  });

  it('treats only queued and running as in progress', () => {
    expect(['never-synced', 'queued', 'running', 'ok', 'failed'].filter((s) => isSyncInProgress(s as never))).toEqual([
      'queued',
      'running',
    ]);
  });
});

describe('Sync now', () => {
  it('queues a sync, shows that it is under way, and lets the page follow it', async () => {
    const answer = deferred<unknown>();
    invokeMock.mockReturnValueOnce(answer.promise);
    const onSyncQueued = jest.fn();
    render(<SyncStatePanel sync={syncState()} onSyncQueued={onSyncQueued} />);

    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));

    expect(invokeMock).toHaveBeenCalledWith(SYNC_NOW, {});
    // While the request is under way, another click asks nothing more.
    fireEvent.click(screen.getByTestId('sync-now'));
    expect(invokeMock).toHaveBeenCalledTimes(1);
    await act(() => {
      answer.resolve(ok({ sync: syncState({ status: 'queued' }), nextAllowedAt: '2026-03-12T14:10:00.000Z' }));
      return answer.promise;
    });
    expect(onSyncQueued).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('sync-now-answer').textContent).toMatch(
      /^Sync requested; the charts update when it finishes\. Another sync can be requested after .*2026/,
    );
  });

  it('says politely that a sync was asked for recently', async () => {
    invokeMock.mockResolvedValueOnce(
      failed('RATE_LIMITED', 'A sync of this project was requested in the last few minutes. Please try again later.'),
    );
    const onSyncQueued = jest.fn();
    render(<SyncStatePanel sync={syncState()} onSyncQueued={onSyncQueued} />);

    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));

    const answer = await screen.findByTestId('sync-now-answer');
    expect(answer.textContent).toContain('A sync was requested recently');
    expect(answer.textContent).toContain('Please try again later.');
    expect(answer.textContent).not.toMatch(/error|failed/i);
    expect(onSyncQueued).not.toHaveBeenCalled();
  });

  it('explains a project nobody enabled, and a failed request', async () => {
    invokeMock
      .mockResolvedValueOnce(
        failed('NOT_FOUND', 'Flow metrics are not collected for this project. A Jira administrator can add it in the app settings.'),
      )
      .mockResolvedValueOnce(failed('UNAVAILABLE', 'Storage did not answer.'));
    render(<SyncStatePanel sync={syncState({ status: 'never-synced', lastSuccessAt: null })} />);

    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect((await screen.findByTestId('sync-now-answer')).textContent).toContain('A Jira administrator can add it in the app settings.');

    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(await screen.findByText('The sync could not be requested')).toBeTruthy();
    expect(screen.getByTestId('sync-now-answer').textContent).toContain('Storage did not answer. Try again in a moment.');
  });

  it('cannot be asked for again while a sync is queued or running', () => {
    render(<SyncStatePanel sync={syncState({ status: 'running', progress: { done: 10, total: 100 } })} />);
    fireEvent.click(screen.getByTestId('sync-now'));
    expect(invokeMock).not.toHaveBeenCalled();
  });

  it('offers to retry a failed sync', async () => {
    invokeMock.mockResolvedValueOnce(ok({ sync: syncState({ status: 'queued' }), nextAllowedAt: '2026-03-12T14:10:00.000Z' }));
    const onSyncQueued = jest.fn();
    render(<SyncStatePanel sync={syncState({ status: 'failed', lastError: 'Jira answered 503.' })} onSyncQueued={onSyncQueued} />);
    expect(screen.queryByTestId('sync-now')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Retry sync' }));

    expect(invokeMock).toHaveBeenCalledWith(SYNC_NOW, {});
    await screen.findByTestId('sync-now-answer');
    expect(onSyncQueued).toHaveBeenCalledTimes(1);
  });
});
