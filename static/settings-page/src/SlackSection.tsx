import Button from '@atlaskit/button/new';
import { ErrorMessage, Field, HelperMessage, type FormApi } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import { SLACK_BOT_TOKEN, SLACK_CHANNEL_ID } from '../../../src/shared/connection-formats';
import type { SlackConnectionData, SlackDigestOutcome, SlackTestMessageSent } from '../../../src/shared/resolver-contract';
import { formatDateTime } from '../../common/format-date-time';
import { invoke } from '../../common/invoke-resolver';
import { LoadingState } from '../../common/LoadingState';
import { ResolverErrorMessage } from '../../common/ResolverErrorMessage';
import { ActionError } from './ActionError';
import { ConnectionActions } from './ConnectionActions';
import { ConnectionForm } from './ConnectionForm';
import { ConnectionStatus } from './ConnectionStatus';
import { DisconnectConfirmation } from './DisconnectConfirmation';
import { SealingNotice } from './SealingNotice';
import { forgetToken, TokenField } from './TokenField';
import { useConnectionEditor } from './use-connection-editor';
import './settings-form.css';

type Connected = Extract<SlackConnectionData, { connected: true }>;
/** The forms the section can open besides its plain view. */
type Mode = 'token' | 'channel' | 'confirm-disconnect';

/** What the token form holds while the admin types; the channel form has no token field. */
interface SlackFormValues extends Record<string, unknown> {
  token?: string;
  channelId?: string;
}

const tokenProblem = (token: string) => (SLACK_BOT_TOKEN.test(token) ? null : 'This is not a Slack bot token (xoxb-…).');

function channelProblem(text: string | undefined): string | undefined {
  const channelId = (text ?? '').trim();
  return channelId === '' || SLACK_CHANNEL_ID.test(channelId)
    ? undefined
    : 'Use the channel id (C… or G…), found in the channel details in Slack, not its name.';
}

/** Where the stored bot token posts: the workspace and channel, whether the bot is in it, and its scopes. */
function SlackDestination({ connection }: { connection: Connected }) {
  const { channel } = connection;
  return (
    <ConnectionStatus
      service="slack"
      connection={connection}
      lastActivity={connection.lastTestMessageAt ? `last test message ${formatDateTime(connection.lastTestMessageAt)}` : null}
      summary={
        <>
          <Text>
            to <Text weight="semibold">{connection.workspace.name}</Text>, posting in{' '}
            <Text weight="semibold">
              {channel.isPrivate ? '🔒 ' : '#'}
              {channel.name}
            </Text>
          </Text>
          {!channel.isMember && <Lozenge appearance="moved">Bot not in channel</Lozenge>}
        </>
      }
    >
      {connection.scopes !== null && (
        <Text as="p" testId="slack-scopes">
          Bot scopes: {connection.scopes.join(', ')}.
        </Text>
      )}
    </ConnectionStatus>
  );
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** What became of the last weekly digest (or "send digest now"): where it went, or why it did not. */
function LastDigest({ digest }: { digest: SlackDigestOutcome | null }) {
  if (digest === null) {
    return (
      <Text as="p" testId="slack-last-digest">
        No digest sent yet: the first goes out within a week, or send one now.
      </Text>
    );
  }
  const when = formatDateTime(digest.at);
  const leftOut = digest.skipped.length > 0 ? ` Not synced yet, so left out: ${digest.skipped.join(', ')}.` : '';
  if (digest.outcome === 'sent') {
    return (
      <Text as="p" testId="slack-last-digest">
        Last digest: sent {when} to #{digest.channel?.name}, {plural(digest.projects.length, 'project', 'projects')}.{leftOut}
      </Text>
    );
  }
  return (
    <Text as="p" testId="slack-last-digest" color={digest.outcome === 'failed' ? 'color.text.danger' : 'color.text.subtle'}>
      Last digest ({when}): not sent. {digest.problem}
      {leftOut}
    </Text>
  );
}

/**
 * The Slack connection: a bot token (scope chat:write, plus channels:read or groups:read to look the channel
 * up) and the channel the weekly flow digest goes to. The token field is cleared as soon as the token is sent.
 */
export function SlackSection() {
  const editor = useConnectionEditor<'getSlackConnection', Mode>('getSlackConnection');
  const { state, reload, action, connection, mode, setMode, show, change } = editor;
  const [sent, setSent] = useState<SlackTestMessageSent | null>(null);
  // Which message the last action sent, if any: its failure is not a setting left unsaved.
  const [sending, setSending] = useState<'test message' | 'digest' | null>(null);
  const [digestSent, setDigestSent] = useState<SlackDigestOutcome | null>(null);

  if (state.status === 'error') {
    return <ResolverErrorMessage error={state.error} onRetry={reload} forbiddenMessage="Only Jira admins can manage Flow metrics." />;
  }
  if (connection === null) return <LoadingState label="Loading the Slack connection" />;

  const open = (next: Mode) => {
    action.clearError();
    setSent(null);
    setDigestSent(null);
    setSending(null);
    setMode(next);
  };

  const submit = async (values: SlackFormValues, form: FormApi<SlackFormValues>) => {
    const channelId = (values.channelId ?? '').trim();
    if (mode === 'token') {
      const token = (values.token ?? '').trim();
      forgetToken(form);
      await change('connectSlack', { token, channelId });
    } else {
      await change('updateSlackChannel', { channelId });
    }
  };
  const canSubmit = (values: SlackFormValues) =>
    (values.channelId ?? '').trim() !== '' && (mode === 'channel' || (values.token ?? '').trim() !== '');

  const refresh = async () => {
    const refreshed = await invoke('getSlackConnection');
    if (refreshed.ok) show(refreshed.data);
  };

  const sendDigest = async () => {
    setSent(null);
    setDigestSent(null);
    setSending('digest');
    const result = await action.run('sendSlackDigest');
    if (result.ok && result.data.outcome === 'sent') setDigestSent(result.data);
    await refresh();
  };

  const sendTest = async () => {
    setSent(null);
    setDigestSent(null);
    setSending('test message');
    const result = await action.run('sendSlackTestMessage');
    if (result.ok) setSent(result.data);
    // The attempt may have changed what is stored (membership, last check): show it, keeping any error above.
    const refreshed = await invoke('getSlackConnection');
    if (refreshed.ok) show(refreshed.data);
  };

  const editing = mode === 'token' || mode === 'channel';
  return (
    <Stack space="space.200" testId="slack-section">
      <Heading size="medium" as="h2">
        Slack
      </Heading>
      <Text as="p" color="color.text.subtle">
        Posts a weekly flow digest of each measured project to one channel: throughput, cycle time, work in progress and the items at risk,
        with links to Jira. Use a bot token (xoxb-…) from a Slack app with the chat:write scope, and channels:read (or groups:read for a
        private channel). It is checked with Slack before it is stored, and stored encrypted.
      </Text>
      <Text as="p" testId="slack-digest-audience">
        Everyone in the channel sees the digest, including the keys of the issues at risk in every measured project, whether or not Jira
        lets them browse that project: choose a channel whose members may see them.
      </Text>
      <SealingNotice sealing={connection.sealing} />
      {connection.connected && mode !== 'token' && <SlackDestination connection={connection} />}
      {connection.connected && mode === 'view' && <LastDigest digest={connection.lastDigest} />}
      {!connection.connected && !editing && <Text as="p">Not connected.</Text>}
      {digestSent && (
        <SectionMessage appearance="success" testId="slack-digest-sent">
          <Text as="p">
            Digest sent to #{digestSent.channel?.name}: {digestSent.projects.join(', ')}.
          </Text>
        </SectionMessage>
      )}
      {sent && (
        <SectionMessage appearance="success" testId="slack-test-sent">
          <Text as="p">
            Test message sent to #{sent.channel.name} at {formatDateTime(sent.sentAt)}.
          </Text>
        </SectionMessage>
      )}
      <ActionError error={action.error} title={sending === 'digest' ? 'Digest not sent' : sending ? 'Test message not sent' : undefined} />

      {editing && (
        <ConnectionForm<SlackFormValues>
          label={mode === 'token' ? 'Slack bot token' : 'Slack channel'}
          canSubmit={canSubmit}
          submitLabel={mode === 'token' ? 'Check and save' : 'Check and save channel'}
          busy={action.busy}
          onSubmit={submit}
          onCancel={() => setMode('view')}
        >
          {mode === 'token' && <TokenField id="slack-token" label="Bot token" problemOf={tokenProblem} />}
          <Field<string>
            name="channelId"
            id="slack-channel"
            label="Channel id"
            defaultValue={connection.connected ? connection.channel.id : ''}
            validate={channelProblem}
          >
            {({ fieldProps, error }) => (
              <>
                <Textfield {...fieldProps} spellCheck={false} width="medium" />
                {error ? (
                  <ErrorMessage>{error}</ErrorMessage>
                ) : (
                  <HelperMessage>For a private channel, invite the bot first (/invite @your-bot).</HelperMessage>
                )}
              </>
            )}
          </Field>
        </ConnectionForm>
      )}

      {mode === 'confirm-disconnect' && (
        <DisconnectConfirmation
          serviceName="Slack"
          testId="slack-confirm-disconnect"
          consequence="The weekly flow digest stops until a token is connected again."
          busy={action.busy}
          onDisconnect={() => void change('disconnectSlack')}
          onKeep={() => setMode('view')}
        />
      )}

      {mode === 'view' && (
        <ConnectionActions
          serviceName="Slack"
          connected={connection.connected}
          sealing={connection.sealing}
          onToken={() => open('token')}
          onDisconnect={() => open('confirm-disconnect')}
          takeFocus={editor.returnedToView}
          leading={
            connection.connected && (
              <>
                <Button onClick={() => void sendTest()} isLoading={action.busy}>
                  Send test message
                </Button>
                <Button onClick={() => void sendDigest()} isLoading={action.busy}>
                  Send digest now
                </Button>
              </>
            )
          }
        >
          {connection.connected && <Button onClick={() => open('channel')}>Change channel</Button>}
        </ConnectionActions>
      )}
    </Stack>
  );
}
