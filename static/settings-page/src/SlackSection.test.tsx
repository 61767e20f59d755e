/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { failed, ok } from '../../testing/resolver-fixtures';
import { FAKE_SLACK_TOKEN, SEALED, slackConnected } from '../../testing/settings-fixtures';
import { mockSettingsBridge, typeInto } from '../../testing/settings-bridge';
import { SlackSection } from './SlackSection';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), requestJira: jest.fn() }));

const { invokeMock } = mockSettingsBridge();

describe('the Slack section', () => {
  it('connects a bot token and a channel, checking both shapes as typed, and forgets the token', async () => {
    invokeMock.mockResolvedValueOnce(ok({ connected: false, sealing: SEALED })).mockResolvedValueOnce(ok(slackConnected()));
    render(<SlackSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Connect Slack' }));

    typeInto(/^Bot token/, 'xoxp-user-token');
    typeInto(/^Channel id/, '#flow-metrics');
    expect(screen.getByText(/not a Slack bot token/)).toBeTruthy();
    expect(screen.getByText(/Use the channel id/)).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Check and save' }).disabled).toBe(true);

    typeInto(/^Bot token/, FAKE_SLACK_TOKEN);
    typeInto(/^Channel id/, 'C0FLOWMETRC');
    fireEvent.click(screen.getByRole('button', { name: 'Check and save' }));

    expect((await screen.findByTestId('slack-connection')).textContent).toContain('Acme Flow');
    expect(invokeMock).toHaveBeenLastCalledWith('connectSlack', { token: FAKE_SLACK_TOKEN, channelId: 'C0FLOWMETRC' });
    expect(document.body.innerHTML).not.toContain(FAKE_SLACK_TOKEN);
  });

  it('shows the workspace, channel, scopes, warnings and who connected it', async () => {
    invokeMock.mockResolvedValueOnce(
      ok(
        slackConnected({
          channel: { id: 'C0TEAMALPHA', name: 'team-alpha', isPrivate: false, isMember: false },
          warnings: ['The bot is not in #team-alpha yet'],
        }),
      ),
    );
    render(<SlackSection />);
    expect((await screen.findByTestId('slack-connection')).textContent).toContain('Bot not in channel');
    expect(screen.getByTestId('slack-scopes').textContent).toBe('Bot scopes: chat:write, channels:read.');
    expect(screen.getByTestId('slack-warnings').textContent).toContain('not in #team-alpha');
    await waitFor(() => expect(screen.getByTestId('slack-connected-by').textContent).toContain('Ada Admin'));
  });

  it('says, before anyone connects, that the whole channel sees the issue keys the digest names', async () => {
    invokeMock.mockResolvedValueOnce(ok({ connected: false, sealing: SEALED }));
    render(<SlackSection />);
    const audience = await screen.findByTestId('slack-digest-audience');
    expect(audience.textContent).toMatch(/Everyone in the channel.*keys of the issues at risk.*whether or not Jira lets them browse/);
  });

  it('sends a test message and says where it went', async () => {
    invokeMock
      .mockResolvedValueOnce(ok(slackConnected()))
      .mockResolvedValueOnce(
        ok({ sentAt: '2026-03-10T12:30:00.000Z', channel: { id: 'C0FLOWMETRC', name: 'flow-metrics', isPrivate: false, isMember: true } }),
      )
      .mockResolvedValueOnce(ok(slackConnected({ lastTestMessageAt: '2026-03-10T12:30:00.000Z' })));
    render(<SlackSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Send test message' }));
    expect((await screen.findByTestId('slack-test-sent')).textContent).toContain('#flow-metrics');
    expect(invokeMock).toHaveBeenCalledWith('sendSlackTestMessage', {});
  });

  it("keeps a failed test message's explanation on screen", async () => {
    invokeMock
      .mockResolvedValueOnce(ok(slackConnected()))
      .mockResolvedValueOnce(failed('NOT_CONFIGURED', 'The bot is not in channel C0FLOWMETRC: invite it (/invite) and try again.'))
      .mockResolvedValueOnce(
        ok(slackConnected({ lastCheck: { at: '2026-03-10T12:30:00.000Z', outcome: 'failed', problem: 'not in channel' } })),
      );
    render(<SlackSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Send test message' }));
    expect((await screen.findByTestId('action-error')).textContent).toMatch(/^Test message not sent.*invite it/);
    await waitFor(() => expect(screen.getByTestId('slack-connection').textContent).toContain('Check failed'));
    expect(screen.getByTestId('action-error')).toBeTruthy();
  });

  describe('the weekly digest', () => {
    const sentDigest = {
      at: '2026-11-30T09:00:00.000Z',
      trigger: 'admin' as const,
      outcome: 'sent' as const,
      channel: { id: 'C0TEAMALPHA', name: 'team-alpha' },
      projects: ['FLOW', 'SPR', 'WEB'],
      skipped: [],
      problem: null,
    };

    it('says what the last digest did, or why it was not sent', async () => {
      invokeMock.mockResolvedValueOnce(ok(slackConnected({ lastDigest: sentDigest })));
      const { unmount } = render(<SlackSection />);
      expect((await screen.findByTestId('slack-last-digest')).textContent).toMatch(
        /^Last digest: sent .*2026.* to #team-alpha, 3 projects\.$/,
      );
      unmount();
      const problem = 'The bot is not in #team-alpha: invite it (/invite) and send the digest again.';
      invokeMock.mockResolvedValueOnce(
        ok(slackConnected({ lastDigest: { ...sentDigest, outcome: 'failed', projects: [], skipped: ['NEW'], problem } })),
      );
      render(<SlackSection />);
      const line = (await screen.findByTestId('slack-last-digest')).textContent;
      expect(line).toContain('not sent. The bot is not in #team-alpha');
      expect(line).toContain('left out: NEW');
    });

    it('says when no digest was sent yet', async () => {
      invokeMock.mockResolvedValueOnce(ok(slackConnected()));
      render(<SlackSection />);
      expect((await screen.findByTestId('slack-last-digest')).textContent).toMatch(/^No digest sent yet/);
    });

    it('sends the digest now and shows where it went', async () => {
      invokeMock
        .mockResolvedValueOnce(ok(slackConnected()))
        .mockResolvedValueOnce(ok(sentDigest))
        .mockResolvedValueOnce(ok(slackConnected({ lastDigest: sentDigest })));
      render(<SlackSection />);
      fireEvent.click(await screen.findByRole('button', { name: 'Send digest now' }));
      expect((await screen.findByTestId('slack-digest-sent')).textContent).toBe('Digest sent to #team-alpha: FLOW, SPR, WEB.');
      expect(invokeMock).toHaveBeenCalledWith('sendSlackDigest', {});
      await waitFor(() => expect(screen.getByTestId('slack-last-digest').textContent).toContain('3 projects'));
    });

    it('explains a refusal, such as sending again too soon', async () => {
      invokeMock
        .mockResolvedValueOnce(ok(slackConnected()))
        .mockResolvedValueOnce(failed('RATE_LIMITED', 'The digest was sent a moment ago; send it again after 09:05 UTC.'))
        .mockResolvedValueOnce(ok(slackConnected()));
      render(<SlackSection />);
      fireEvent.click(await screen.findByRole('button', { name: 'Send digest now' }));
      expect((await screen.findByTestId('action-error')).textContent).toMatch(/^Digest not sent.*again after 09:05/);
      expect(screen.queryByTestId('slack-digest-sent')).toBeNull();
    });

    it('offers no digest button until Slack is connected', async () => {
      invokeMock.mockResolvedValueOnce(ok({ connected: false, sealing: SEALED }));
      render(<SlackSection />);
      await screen.findByRole('button', { name: 'Connect Slack' });
      expect(screen.queryByRole('button', { name: 'Send digest now' })).toBeNull();
      expect(screen.queryByTestId('slack-last-digest')).toBeNull();
    });
  });

  it('changes the channel without asking for the token again', async () => {
    invokeMock.mockResolvedValueOnce(ok(slackConnected())).mockResolvedValueOnce(ok(slackConnected()));
    render(<SlackSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Change channel' }));
    expect(screen.queryByLabelText(/^Bot token/)).toBeNull();
    typeInto(/^Channel id/, 'G0LEADSPRIV');
    fireEvent.click(screen.getByRole('button', { name: 'Check and save channel' }));
    await waitFor(() => expect(invokeMock).toHaveBeenLastCalledWith('updateSlackChannel', { channelId: 'G0LEADSPRIV' }));
  });

  it('disconnects only after a confirmation', async () => {
    invokeMock.mockResolvedValueOnce(ok(slackConnected())).mockResolvedValueOnce(ok({ connected: false, sealing: SEALED }));
    render(<SlackSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Disconnect' }));
    expect(screen.getByTestId('slack-confirm-disconnect')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByText('Not connected.')).toBeTruthy();
    expect(invokeMock).toHaveBeenLastCalledWith('disconnectSlack', {});
  });
});
