/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { render, screen } from '@testing-library/react';
import { syncState } from '../../testing/resolver-fixtures';
import { isSyncInProgress, SyncStatePanel } from './SyncStatePanel';

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
    render(<SyncStatePanel sync={syncState({ status: 'failed', lastError: 'Rate limited by Jira.', lastSuccessAt: '2026-03-10T09:00:00.000Z' })} />);
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
