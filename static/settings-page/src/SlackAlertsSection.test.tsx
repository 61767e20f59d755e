/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { failed, ok } from '../../testing/resolver-fixtures';
import { mockSettingsBridge } from '../../testing/settings-bridge';
import { alertChannelProblem, reviewWaitProblem, SlackAlertsSection } from './SlackAlertsSection';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), requestJira: jest.fn() }));

const { invokeMock } = mockSettingsBridge();
const DIGEST_CHANNEL = { id: 'C0FLOWMETRC', name: 'flow-metrics', isPrivate: false, isMember: true };
const status = { lastRunAt: null, lastPostedAt: null, lastProblem: null };
const off = (projectKey: string) => ({
  projectKey,
  serviceLevel: false,
  reviewWait: { enabled: false, hours: 24 },
  channelId: null,
  channel: DIGEST_CHANNEL,
  usesDigestChannel: true,
  ...status,
});

describe('the Slack alerts section', () => {
  it("turns a project's alerts on and saves them together, with the threshold typed", async () => {
    const saved = { projectKey: 'FLOW', serviceLevel: true, reviewWait: { enabled: true, hours: 8 }, channelId: null };
    invokeMock
      .mockResolvedValueOnce(ok({ projects: [off('FLOW'), off('SPR')] }))
      .mockResolvedValueOnce(ok({ projects: [{ ...off('FLOW'), ...saved }, off('SPR')] }));
    render(<SlackAlertsSection />);
    const flow = within(await screen.findByTestId('slack-alerts-FLOW'));
    const save = flow.getByRole<HTMLButtonElement>('button', { name: 'Save FLOW alerts' });
    expect(save.disabled).toBe(true);
    fireEvent.click(flow.getByLabelText(/passes the project's service-level expectation/));
    fireEvent.click(flow.getByLabelText(/waited for its first review/));
    fireEvent.change(flow.getByLabelText('Review wait in hours for FLOW'), { target: { value: '0' } });
    expect(flow.getByText('Give 1 to 720 hours.')).toBeTruthy();
    expect(save.disabled).toBe(true);
    fireEvent.change(flow.getByLabelText('Review wait in hours for FLOW'), { target: { value: '8' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await screen.findByText('Save FLOW alerts');
    expect(invokeMock).toHaveBeenLastCalledWith('saveSlackAlerts', saved);
  });

  it('shows why a change was not saved', async () => {
    invokeMock
      .mockResolvedValueOnce(ok({ projects: [off('FLOW')] }))
      .mockResolvedValueOnce(failed('NOT_FOUND', 'Project FLOW is not measured: measure it first, then turn its alerts on.'));
    render(<SlackAlertsSection />);
    const flow = within(await screen.findByTestId('slack-alerts-FLOW'));
    fireEvent.click(flow.getByLabelText(/passes the project's service-level expectation/));
    fireEvent.click(flow.getByRole('button', { name: 'Save FLOW alerts' }));
    expect((await screen.findByTestId('action-error')).textContent).toContain('Project FLOW is not measured');
  });

  it("saves a project's own channel, and says where its alerts go, when they ran and posted, and the last problem", async () => {
    const leads = { id: 'G0LEADSPRIV', name: 'leads', isPrivate: true, isMember: true };
    const problem = {
      at: '2026-03-02T09:00:00.000Z',
      kind: 'not-in-channel',
      text: 'The bot is not in #team-alpha: invite it (/invite) for alerts to be posted.',
    };
    invokeMock
      .mockResolvedValueOnce(
        ok({
          projects: [
            {
              ...off('FLOW'),
              serviceLevel: true,
              lastRunAt: '2026-03-02T10:00:00.000Z',
              lastPostedAt: '2026-03-02T10:00:01.000Z',
              lastProblem: problem,
            },
            {
              ...off('SPR'),
              reviewWait: { enabled: true, hours: 24 },
              channelId: 'C0TEAMALPHA',
              channel: { id: 'C0TEAMALPHA', name: 'team-alpha', isPrivate: false, isMember: false },
              usesDigestChannel: false,
              lastRunAt: '2026-03-02T10:00:00.000Z',
              lastProblem: { ...problem, at: '2026-03-02T10:00:00.000Z' },
            },
          ],
        }),
      )
      .mockResolvedValueOnce(
        ok({
          projects: [{ ...off('FLOW'), serviceLevel: true, channelId: leads.id, channel: leads, usesDigestChannel: false }, off('SPR')],
        }),
      );
    render(<SlackAlertsSection />);
    const flow = within(await screen.findByTestId('slack-alerts-status-FLOW'));
    expect(flow.getByText('On (items past the SLE), posted to #flow-metrics, the digest’s channel.')).toBeTruthy();
    expect(flow.getByText(/^Last ran .*; last posted .*\.$/)).toBeTruthy();
    expect(flow.getByText(/Last problem \(.*\): The bot is not in #team-alpha.* Alerts have been posted since\./)).toBeTruthy();
    const spr = within(screen.getByTestId('slack-alerts-status-SPR'));
    expect(spr.getByText('On (pull requests waiting for review), posted to #team-alpha.')).toBeTruthy();
    expect(spr.getByText('The bot is not in #team-alpha yet: invite it (/invite) or alerts will not be delivered.')).toBeTruthy();
    expect(spr.getByText(/nothing posted yet\./)).toBeTruthy();
    expect(spr.queryByText(/posted since/)).toBeNull();

    const section = within(screen.getByTestId('slack-alerts-FLOW'));
    const channel = section.getByLabelText('Slack channel id for FLOW alerts');
    fireEvent.change(channel, { target: { value: '#leads' } });
    expect(section.getByText(/Give a Slack channel id/)).toBeTruthy();
    expect(section.getByRole<HTMLButtonElement>('button', { name: 'Save FLOW alerts' }).disabled).toBe(true);
    fireEvent.change(channel, { target: { value: 'G0LEADSPRIV' } });
    fireEvent.click(section.getByRole('button', { name: 'Save FLOW alerts' }));
    expect(await screen.findByText('On (items past the SLE), posted to #leads (private).')).toBeTruthy();
    expect(invokeMock).toHaveBeenLastCalledWith('saveSlackAlerts', {
      projectKey: 'FLOW',
      serviceLevel: true,
      reviewWait: { enabled: false, hours: 24 },
      channelId: 'G0LEADSPRIV',
    });
  });

  it('accepts a channel id or nothing, as the resolver does', () => {
    expect(['', ' ', 'C0FLOWMETRC', ' G0LEADSPRIV '].map(alertChannelProblem)).toEqual([null, null, null, null]);
    expect(['#general', 'general', 'c0flow', 'D0DIRECTMSG'].map((text) => alertChannelProblem(text) !== null)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it('accepts only whole hours from 1 to 720, as the resolver does', () => {
    expect(['1', '24', ' 720 '].map(reviewWaitProblem)).toEqual([null, null, null]);
    expect(['', '0', '721', '1.5', 'abc'].map((text) => reviewWaitProblem(text) !== null)).toEqual([true, true, true, true, true]);
  });
});
