/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { render, screen, waitFor } from '@testing-library/react';
import { requestJira } from '@forge/bridge';
import { ADMIN_ID, userBulkResponse } from '../../testing/settings-fixtures';
import { ConnectionStatus, type StoredConnection } from './ConnectionStatus';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), requestJira: jest.fn() }));

const jiraFetchMock = jest.mocked(requestJira);
beforeEach(() => jiraFetchMock.mockResolvedValue(userBulkResponse()));
afterEach(() => jiraFetchMock.mockReset());

const stored = (overrides: Partial<StoredConnection> = {}): StoredConnection => ({
  connectedBy: ADMIN_ID,
  connectedAt: '2026-03-10T12:00:00.000Z',
  lastCheck: { at: '2026-03-11T08:00:00.000Z', outcome: 'ok', problem: null },
  warnings: [],
  ...overrides,
});

describe('the status of a stored connection', () => {
  it('says who connected it, when, and when it was last checked, with the later activity named', async () => {
    render(<ConnectionStatus service="slack" connection={stored()} summary="to Acme Flow" lastActivity="last test message yesterday" />);
    expect(screen.getByTestId('slack-connection').textContent).toContain('Connected');
    await waitFor(() =>
      expect(screen.getByTestId('slack-connected-by').textContent).toMatch(
        /^Connected by Ada Admin on .+; last checked .+; last test message yesterday\.$/,
      ),
    );
    expect(screen.queryByTestId('slack-check-problem')).toBeNull();
    expect(screen.queryByTestId('slack-warnings')).toBeNull();
  });

  it('explains a failed check and lists what is worth fixing', async () => {
    const failed = stored({
      lastCheck: { at: '2026-03-11T08:00:00.000Z', outcome: 'failed', problem: 'GitHub no longer accepts the token.' },
      warnings: ['The token expires in 3 days.'],
    });
    render(<ConnectionStatus service="github" connection={failed} summary="as flow-metrics-reader" />);
    expect(screen.getByTestId('github-connection').textContent).toContain('Check failed');
    expect(screen.getByTestId('github-check-problem').textContent).toBe('GitHub no longer accepts the token.');
    expect(screen.getByTestId('github-warnings').textContent).toContain('expires in 3 days');
    await waitFor(() => expect(screen.getByTestId('github-connected-by').textContent).toContain('Ada Admin'));
  });

  it('says what the failed check found once, not again among what is worth fixing', async () => {
    const problem = 'The bot is not in channel C0TEAMALPHA: invite it (/invite) and try again.';
    const failed = stored({
      lastCheck: { at: '2026-03-11T08:00:00.000Z', outcome: 'failed', problem },
      warnings: [problem, 'The bot is not in #team-alpha yet.'],
    });
    render(<ConnectionStatus service="slack" connection={failed} summary="to Acme Flow" />);
    expect(screen.getByTestId('slack-check-problem').textContent).toBe(problem);
    expect(screen.getByTestId('slack-warnings').textContent).not.toContain(problem);
    expect(screen.getByTestId('slack-warnings').textContent).toContain('not in #team-alpha yet');
    await waitFor(() => expect(screen.getByTestId('slack-connected-by').textContent).toContain('Ada Admin'));
  });
});
