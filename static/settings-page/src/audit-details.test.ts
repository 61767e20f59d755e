import { formatDateTime } from '../../common/format-date-time';
import { describeAuditDetails } from './audit-details';

describe('the details of an audit entry, in words', () => {
  it('names what was acted on, then each recorded fact by its name in words', () => {
    expect(describeAuditDetails({ action: 'workflow.changed', subject: 'FLOW', details: { startStage: 'Doing', doneStage: 'Done' } })).toBe(
      'FLOW · start stage: Doing · done stage: Done',
    );
  });

  it('says what counts and flags mean, and shows times as dates', () => {
    const expiresAt = '2026-05-09T12:00:00.000Z';
    expect(describeAuditDetails({ action: 'workflow.changed', subject: null, details: { erasedValues: 11, erasedSecrets: 2 } })).toBe(
      'values erased: 11 · tokens erased: 2',
    );
    expect(
      describeAuditDetails({
        action: 'workflow.changed',
        subject: '#flow-metrics',
        details: { botIsMember: false, githubLogin: 'reader', expiresAt },
      }),
    ).toBe(`#flow-metrics · bot in channel: no · GitHub account: reader · expires at: ${formatDateTime(expiresAt)}`);
  });

  it('leaves out facts that were not recorded', () => {
    expect(describeAuditDetails({ action: 'workflow.changed', subject: null, details: { expiresAt: null, from: '' } })).toBe('');
  });

  it('says why a connection or a test message was refused, and whether it would have replaced a token', () => {
    expect(
      describeAuditDetails({
        action: 'github.connect-refused',
        subject: 'acme-flow/web-app',
        details: { reason: 'bad-credentials', replacing: false },
      }),
    ).toBe('GitHub token refused: bad credentials (mistyped, expired or revoked) · acme-flow/web-app');
    expect(
      describeAuditDetails({
        action: 'slack.connect-refused',
        subject: 'G0PEOPLEHR1',
        details: { reason: 'missing-scope', missingScope: 'channels:read', replacing: true },
      }),
    ).toBe('Slack connection refused: the token lacks a scope (channels:read) · G0PEOPLEHR1 · while replacing the connected token');
    expect(
      describeAuditDetails({
        action: 'slack.test-message-failed',
        subject: '#team-alpha (C0TEAMALPHA)',
        details: { reason: 'not-in-channel' },
      }),
    ).toBe('Test message not delivered: the bot is not in the channel · #team-alpha (C0TEAMALPHA)');
    expect(describeAuditDetails({ action: 'github.connect-refused', subject: null, details: { reason: 'a-later-reason' } })).toBe(
      'GitHub token refused: a-later-reason',
    );
  });

  it('says why the stored token or the new channel or repositories were refused when changing them', () => {
    expect(
      describeAuditDetails({
        action: 'github.repositories-change-refused',
        subject: 'acme-flow/web-app, acme-flow/platform-api',
        details: { reason: 'bad-credentials' },
      }),
    ).toBe('Repositories not changed: bad credentials (mistyped, expired or revoked) · acme-flow/web-app, acme-flow/platform-api');
    expect(
      describeAuditDetails({
        action: 'github.repositories-change-refused',
        subject: 'acme-flow/gone',
        details: { reason: 'no-repository-access' },
      }),
    ).toBe('Repositories not changed: the token cannot see any of the repositories · acme-flow/gone');
    expect(
      describeAuditDetails({
        action: 'slack.channel-change-refused',
        subject: 'C0LEADS',
        details: { reason: 'channel-archived', currentChannel: '#flow-metrics (C0FLOWMETRICS)' },
      }),
    ).toBe('Channel not changed: the channel is archived · C0LEADS · current channel: #flow-metrics (C0FLOWMETRICS)');
  });
});
