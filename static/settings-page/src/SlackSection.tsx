import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';
import { useState, type FormEvent } from 'react';
import { SLACK_BOT_TOKEN, SLACK_CHANNEL_ID } from '../../../src/shared/connection-formats';
import type { SlackConnectionData, SlackTestMessageSent } from '../../../src/shared/resolver-contract';
import { formatDateTime } from '../../common/format-date-time';
import { invokeResolver } from '../../common/invoke-resolver';
import { LoadingState } from '../../common/LoadingState';
import { ResolverErrorMessage } from '../../common/ResolverErrorMessage';
import { useResolver } from '../../common/use-resolver';
import { ActionError } from './ActionError';
import { SealingNotice } from './SealingNotice';
import { useSettingsAction } from './use-settings-action';
import { useUserNames } from './use-user-names';
import './settings-form.css';

type Connected = Extract<SlackConnectionData, { connected: true }>;
type Mode = 'view' | 'token' | 'channel' | 'confirm-disconnect';

function ConnectionDetails({ connection }: { connection: Connected }) {
  const nameOf = useUserNames([connection.connectedBy]);
  const { channel } = connection;
  return (
    <Stack space="space.150" testId="slack-connection">
      <Inline space="space.100" alignBlock="center">
        <Lozenge appearance={connection.lastCheck.outcome === 'ok' ? 'success' : 'removed'}>
          {connection.lastCheck.outcome === 'ok' ? 'Connected' : 'Check failed'}
        </Lozenge>
        <Text>
          to <Text weight="semibold">{connection.workspace.name}</Text>, posting in{' '}
          <Text weight="semibold">
            {channel.isPrivate ? '🔒 ' : '#'}
            {channel.name}
          </Text>
        </Text>
        {!channel.isMember && <Lozenge appearance="moved">Bot not in channel</Lozenge>}
      </Inline>
      <Text as="p" color="color.text.subtle" testId="slack-connected-by">
        Connected by {nameOf(connection.connectedBy)} on {formatDateTime(connection.connectedAt)}; last checked{' '}
        {formatDateTime(connection.lastCheck.at)}
        {connection.lastTestMessageAt ? `; last test message ${formatDateTime(connection.lastTestMessageAt)}` : ''}.
      </Text>
      {connection.scopes !== null && (
        <Text as="p" testId="slack-scopes">
          Bot scopes: {connection.scopes.join(', ')}.
        </Text>
      )}
      {connection.warnings.length > 0 && (
        <SectionMessage appearance="warning" title="Worth fixing" testId="slack-warnings">
          <Stack space="space.050">
            {connection.warnings.map((warning) => (
              <Text as="p" key={warning}>
                {warning}
              </Text>
            ))}
          </Stack>
        </SectionMessage>
      )}
    </Stack>
  );
}

/**
 * The Slack connection: a bot token (scope chat:write, plus channels:read or groups:read to look the channel
 * up) and the channel digests and alerts go to. The token field is cleared as soon as the token is sent.
 */
export function SlackSection() {
  const { state, reload } = useResolver<SlackConnectionData>('getSlackConnection');
  const action = useSettingsAction();
  const [mode, setMode] = useState<Mode>('view');
  const [token, setToken] = useState('');
  const [channelId, setChannelId] = useState('');
  const [shown, setShown] = useState<SlackConnectionData | null>(null);
  const [sent, setSent] = useState<SlackTestMessageSent | null>(null);

  if (state.status === 'loading') return <LoadingState label="Loading the Slack connection" />;
  if (state.status === 'error') {
    return <ResolverErrorMessage error={state.error} onRetry={reload} forbiddenMessage="Only Jira admins can manage Flow metrics." />;
  }
  const connection = shown ?? state.data;

  const open = (next: Mode) => {
    action.clearError();
    setSent(null);
    setToken('');
    setChannelId(connection.connected ? connection.channel.id : '');
    setMode(next);
  };

  const tokenProblem = token.trim() !== '' && !SLACK_BOT_TOKEN.test(token.trim()) ? 'This is not a Slack bot token (xoxb-…).' : null;
  const channelProblem =
    channelId.trim() !== '' && !SLACK_CHANNEL_ID.test(channelId.trim())
      ? 'Use the channel id (C… or G…), found in the channel details in Slack, not its name.'
      : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const payload = mode === 'token' ? { token: token.trim(), channelId: channelId.trim() } : { channelId: channelId.trim() };
    setToken('');
    const result = await action.run<SlackConnectionData>(mode === 'token' ? 'connectSlack' : 'updateSlackChannel', payload);
    if (result.ok) {
      setShown(result.data);
      setMode('view');
    }
  };

  const sendTest = async () => {
    setSent(null);
    const result = await action.run<SlackTestMessageSent>('sendSlackTestMessage');
    if (result.ok) setSent(result.data);
    // The attempt may have changed what is stored (membership, last check): show it, keeping any error above.
    const refreshed = await invokeResolver<SlackConnectionData>('getSlackConnection');
    if (refreshed.ok) setShown(refreshed.data);
  };

  const disconnect = async () => {
    const result = await action.run<SlackConnectionData>('disconnectSlack');
    if (result.ok) {
      setShown(result.data);
      setMode('view');
    }
  };

  const editing = mode === 'token' || mode === 'channel';
  const canSubmit = channelId.trim() !== '' && channelProblem === null && (mode === 'channel' || (token.trim() !== '' && tokenProblem === null));
  return (
    <Stack space="space.200" testId="slack-section">
      <Heading size="medium" as="h2">
        Slack
      </Heading>
      <Text as="p" color="color.text.subtle">
        Posts digests and alerts to one channel. Use a bot token (xoxb-…) from a Slack app with the chat:write scope, and
        channels:read (or groups:read for a private channel). It is checked with Slack before it is stored, and stored
        encrypted.
      </Text>
      <SealingNotice sealing={connection.sealing} />
      {connection.connected && mode !== 'token' && <ConnectionDetails connection={connection} />}
      {!connection.connected && !editing && <Text as="p">Not connected.</Text>}
      {sent && (
        <SectionMessage appearance="success" testId="slack-test-sent">
          <Text as="p">
            Test message sent to #{sent.channel.name} at {formatDateTime(sent.sentAt)}.
          </Text>
        </SectionMessage>
      )}
      <ActionError error={action.error} />

      {editing && (
        <form onSubmit={submit} aria-label={mode === 'token' ? 'Slack bot token' : 'Slack channel'}>
          <Stack space="space.150">
            {mode === 'token' && (
              <div className="settings-field">
                <label htmlFor="slack-token">Bot token</label>
                <input
                  id="slack-token"
                  className="settings-input"
                  type="password"
                  autoComplete="off"
                  spellCheck={false}
                  value={token}
                  aria-invalid={tokenProblem !== null}
                  onChange={(event) => setToken(event.target.value)}
                />
                {tokenProblem && <span className="settings-error">{tokenProblem}</span>}
              </div>
            )}
            <div className="settings-field">
              <label htmlFor="slack-channel">Channel id</label>
              <input
                id="slack-channel"
                className="settings-input"
                spellCheck={false}
                value={channelId}
                aria-invalid={channelProblem !== null}
                onChange={(event) => setChannelId(event.target.value)}
              />
              {channelProblem ? (
                <span className="settings-error">{channelProblem}</span>
              ) : (
                <span className="settings-hint">For a private channel, invite the bot first (/invite @your-bot).</span>
              )}
            </div>
            <Inline space="space.100">
              <Button type="submit" appearance="primary" isLoading={action.busy} isDisabled={!canSubmit}>
                {mode === 'token' ? 'Check and save' : 'Check and save channel'}
              </Button>
              <Button appearance="subtle" onClick={() => setMode('view')} isDisabled={action.busy}>
                Cancel
              </Button>
            </Inline>
          </Stack>
        </form>
      )}

      {mode === 'confirm-disconnect' && (
        <SectionMessage appearance="warning" title="Disconnect Slack?" testId="slack-confirm-disconnect">
          <Stack space="space.100">
            <Text as="p">The stored bot token is deleted at once. Digests and alerts stop until a token is connected again.</Text>
            <Inline space="space.100">
              <Button appearance="danger" onClick={disconnect} isLoading={action.busy}>
                Disconnect
              </Button>
              <Button appearance="subtle" onClick={() => setMode('view')}>
                Keep it
              </Button>
            </Inline>
          </Stack>
        </SectionMessage>
      )}

      {mode === 'view' && (
        <Inline space="space.100">
          {connection.connected && (
            <Button onClick={sendTest} isLoading={action.busy}>
              Send test message
            </Button>
          )}
          {connection.sealing.configured && (
            <Button appearance={connection.connected ? 'default' : 'primary'} onClick={() => open('token')}>
              {connection.connected ? 'Replace token' : 'Connect Slack'}
            </Button>
          )}
          {connection.connected && <Button onClick={() => open('channel')}>Change channel</Button>}
          {connection.connected && (
            <Button appearance="subtle" onClick={() => open('confirm-disconnect')}>
              Disconnect
            </Button>
          )}
        </Inline>
      )}
    </Stack>
  );
}
