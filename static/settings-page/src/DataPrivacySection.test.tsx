/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { ERASE_CONFIRMATION_PHRASE } from '../../../src/shared/resolver-contract';
import { failed, ok } from '../../testing/resolver-fixtures';
import { dataPrivacy } from '../../testing/settings-fixtures';
import { DataPrivacySection, describeRetention, PURGE_POLL_INTERVAL_MS } from './DataPrivacySection';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), requestJira: jest.fn() }));

const invokeMock = jest.mocked(invoke);
afterEach(() => invokeMock.mockReset());

/**
 * Types into the retention field once the form holds it. Atlaskit's form may mount its field again right after the
 * first render, dropping a change made to the first input, so the change is repeated until the field shows it.
 */
async function typeRetention(days: string) {
  await waitFor(() => {
    const input = screen.getByLabelText<HTMLInputElement>(/Keep data for/);
    if (input.value !== days) fireEvent.change(input, { target: { value: days } });
    expect(screen.getByLabelText<HTMLInputElement>(/Keep data for/).value).toBe(days);
  });
}

describe('the data and privacy section', () => {
  it('shows retention, the last report and how tokens are sealed', async () => {
    invokeMock.mockResolvedValueOnce(
      ok(
        dataPrivacy({
          lastPersonalDataReport: { at: '2026-03-01T00:00:00.000Z', accountsReported: 3, closed: 1, updated: 0, outcome: 'ok' },
        }),
      ),
    );
    render(<DataPrivacySection />);
    expect((await screen.findByTestId('retention')).textContent).toContain('730 days (about 2 years)');
    expect(screen.getByTestId('personal-data-report').textContent).toMatch(/2 Atlassian accounts.*3 accounts reported, 1 closed/);
    expect(screen.getByTestId('sealing').textContent).toContain('AES-256-GCM under key "k-2026"');
  });

  it('saves a retention window within the limits only', async () => {
    invokeMock.mockResolvedValueOnce(ok(dataPrivacy())).mockResolvedValueOnce(ok(dataPrivacy({ retentionDays: 365 })));
    render(<DataPrivacySection />);
    const save = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Save retention' });
    await typeRetention('20');
    expect(screen.getByText(/Choose a whole number of days from 30 to 1825/)).toBeTruthy();
    expect(save().disabled).toBe(true);
    await typeRetention('365');
    fireEvent.click(save());
    expect((await screen.findByTestId('privacy-notice')).textContent).toContain('365 days (about 1 year)');
    expect(invokeMock).toHaveBeenLastCalledWith('setRetention', { retentionDays: 365 });
  });

  it('warns before a shorter window is saved that older data will be deleted for good', async () => {
    invokeMock.mockResolvedValueOnce(ok(dataPrivacy()));
    render(<DataPrivacySection />);
    await typeRetention('1000');
    expect(screen.queryByTestId('retention-shortened')).toBeNull();
    await typeRetention('90');
    expect(screen.getByTestId('retention-shortened').textContent).toMatch(
      /^90 days \(about 3 months\)\. Shorter than now: .*cannot be recovered\.$/,
    );
  });

  it('queues a purge, shows it running, follows it until the last purge is newer, then says what went', async () => {
    jest.useFakeTimers();
    try {
      const earlier = {
        at: '2026-03-09T03:00:00.000Z',
        retentionDays: 730,
        removed: 4,
        removedAuditEntries: 4,
        removedIssues: 0,
        removedPullRequests: 0,
        erasedProjects: [],
        skippedProjects: [],
      };
      const finished = {
        at: '2026-03-10T12:00:01.000Z',
        retentionDays: 730,
        removed: 50,
        removedAuditEntries: 2,
        removedIssues: 48,
        removedPullRequests: 0,
        erasedProjects: ['OLD'],
        skippedProjects: [],
      };
      invokeMock
        .mockResolvedValueOnce(ok(dataPrivacy({ lastPurge: earlier })))
        .mockResolvedValueOnce(ok({ queued: true, requestedAt: '2026-03-10T12:00:00.000Z' }))
        // Still the earlier purge: the queued one is running.
        .mockResolvedValueOnce(ok(dataPrivacy({ lastPurge: earlier })))
        .mockResolvedValueOnce(ok(dataPrivacy({ lastPurge: finished })));
      render(<DataPrivacySection />);
      fireEvent.click(await screen.findByRole('button', { name: 'Purge now' }));
      await waitFor(() => expect(screen.getByTestId('privacy-notice').textContent).toBe('Purging…'));
      const purgeButton = () => screen.getByRole<HTMLButtonElement>('button', { name: /Purge now/ });
      expect(purgeButton().disabled).toBe(true);

      await act(() => jest.advanceTimersByTimeAsync(PURGE_POLL_INTERVAL_MS));
      expect(screen.getByTestId('privacy-notice').textContent).toBe('Purging…');
      expect(screen.getByTestId('retention').textContent).toContain(': 4 removed.');

      await act(() => jest.advanceTimersByTimeAsync(PURGE_POLL_INTERVAL_MS));
      expect(screen.getByTestId('privacy-notice').textContent).toBe(
        'Purged 50 expired records (2 audit entries, 48 issues). Erased projects no longer measured: OLD.',
      );
      expect(screen.getByTestId('retention').textContent).toContain(': 50 removed.');
      expect(purgeButton().disabled).toBe(false);
      expect(invokeMock.mock.calls.map(([name]) => name)).toEqual(['getDataPrivacy', 'purgeNow', 'getDataPrivacy', 'getDataPrivacy']);

      // Done: nothing polls any more.
      await act(() => jest.advanceTimersByTimeAsync(PURGE_POLL_INTERVAL_MS * 3));
      expect(invokeMock).toHaveBeenCalledTimes(4);
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows why a purge was refused and does not follow it', async () => {
    invokeMock
      .mockResolvedValueOnce(ok(dataPrivacy()))
      .mockResolvedValueOnce(failed('RATE_LIMITED', 'Purge now runs at most once every 5 minutes.'));
    render(<DataPrivacySection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Purge now' }));
    expect((await screen.findByText(/at most once every 5 minutes/)).textContent).toBeTruthy();
    expect(screen.queryByTestId('privacy-notice')).toBeNull();
    expect(invokeMock).toHaveBeenCalledTimes(2);
  });

  it('exports every chunk into one JSON download', async () => {
    const createObjectURL = jest.fn(() => 'blob:export');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    invokeMock
      .mockResolvedValueOnce(ok(dataPrivacy()))
      .mockResolvedValueOnce(
        ok({
          format: 'flow-metrics-export/1',
          exportedAt: '2026-03-10T12:00:00.000Z',
          entries: [{ key: 'a', value: 1 }],
          nextCursor: 'next',
        }),
      )
      .mockResolvedValueOnce(
        ok({
          format: 'flow-metrics-export/1',
          exportedAt: '2026-03-10T12:00:01.000Z',
          entries: [{ key: 'b', value: 2 }],
          nextCursor: null,
        }),
      );
    render(<DataPrivacySection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export all data' }));
    expect((await screen.findByTestId('privacy-notice')).textContent).toBe('Exported 2 stored values.');
    expect(invokeMock.mock.calls.slice(1)).toEqual([
      ['exportAppData', {}],
      ['exportAppData', { cursor: 'next' }],
    ]);
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
    // jsdom's Blob has no text(); FileReader reads it as a browser would.
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
      reader.readAsText(blob);
    });
    expect(JSON.parse(text)).toEqual({
      format: 'flow-metrics-export/1',
      exportedAt: '2026-03-10T12:00:00.000Z',
      entries: [
        { key: 'a', value: 1 },
        { key: 'b', value: 2 },
      ],
    });
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });

  it('erases only once the phrase is typed, repeating until everything is gone', async () => {
    const onErased = jest.fn();
    invokeMock
      .mockResolvedValueOnce(ok(dataPrivacy()))
      .mockResolvedValueOnce(ok({ done: false, erasedValues: 20, erasedSecrets: 2 }))
      .mockResolvedValueOnce(ok({ done: true, erasedValues: 7, erasedSecrets: 0 }))
      .mockResolvedValueOnce(ok(dataPrivacy({ storedAccounts: 1 })));
    render(<DataPrivacySection onErased={onErased} />);
    const button = await screen.findByRole<HTMLButtonElement>('button', { name: 'Erase all app data' });
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/to confirm/), { target: { value: 'erase' } });
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/to confirm/), { target: { value: ERASE_CONFIRMATION_PHRASE } });
    fireEvent.click(button);
    await waitFor(() => expect(onErased).toHaveBeenCalled());
    expect(invokeMock.mock.calls.filter(([name]) => name === 'eraseAllAppData')).toEqual([
      ['eraseAllAppData', { confirmation: ERASE_CONFIRMATION_PHRASE }],
      ['eraseAllAppData', { confirmation: ERASE_CONFIRMATION_PHRASE }],
    ]);
    expect((await screen.findByTestId('privacy-notice')).textContent).toBe('Erased 27 stored values and every token.');
  });

  it('offers the re-seal when tokens are on an older key, and shows a refusal', async () => {
    invokeMock.mockResolvedValueOnce(ok(dataPrivacy({ secretsOnOlderKeys: 1 }))).mockResolvedValueOnce(failed('NOT_CONFIGURED', 'no key'));
    render(<DataPrivacySection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Re-seal with the newest key' }));
    expect((await screen.findByTestId('action-error')).textContent).toContain('no key');
  });

  it('describes windows in years or months', () => {
    expect(describeRetention(1825)).toBe('1825 days (about 5 years)');
    expect(describeRetention(90)).toBe('90 days (about 3 months)');
  });
});
