import type { Clock, SecretVault, SlackChannelView, SlackWorkspace, StoredDocument } from '../../ports';
import type {
  ConnectSlackPayload,
  SlackChannelInfo,
  SlackConnectionData,
  SlackConnectionDetails,
  SlackTestMessageSent,
  UpdateSlackChannelPayload,
} from '../../shared/resolver-contract';
import { AppError } from '../app-error';
import { digestForPage, type FlowDigestOutcome } from '../digest/digest-outcome';
import { claimAdminRequest, type AdminRequestThrottlePorts } from '../access/admin-request-throttle';
import { recordAudit, type Actor } from '../audit/audit-trail';
import { ConnectionRefused, recordRefusal } from './connection-refusals';
import { ServiceRefusal } from '../access/service-refusal';
import { DAMAGED_TOKEN_WARNING, UnreadableSecretError } from './unreadable-secret';

/**
 * The Slack connection: one bot token (it needs `chat:write`, and `channels:read` or `groups:read` to look the
 * channel up) and the channel the weekly flow digest goes to. Checked with `auth.test` and `conversations.info`
 * before anything is stored; the plain record holds the workspace and channel, never the token.
 */
export interface SlackConnectionRecord {
  workspace: { id: string; name: string; url: string };
  botUserId: string;
  scopes: string[] | null;
  channel: SlackChannelInfo;
  connectedBy: string;
  connectedAt: string;
  lastCheck: { at: string; outcome: 'ok' | 'failed'; problem: string | null };
  lastTestMessageAt: string | null;
}

/** What the settings page is shown of the stored record, field by field (the page's type may change apart from storage). */
function slackConnectionDetails(record: SlackConnectionRecord): SlackConnectionDetails {
  return {
    workspace: record.workspace,
    botUserId: record.botUserId,
    scopes: record.scopes,
    channel: record.channel,
    connectedBy: record.connectedBy,
    connectedAt: record.connectedAt,
    lastCheck: record.lastCheck,
    lastTestMessageAt: record.lastTestMessageAt,
  };
}

/** Checking a token or a channel, and test messages, are allowed once a minute (see admin-request-throttle.ts). */
export interface SlackConnectionPorts extends AdminRequestThrottlePorts {
  slack: SlackWorkspace;
  vault: SecretVault;
  record: StoredDocument<SlackConnectionRecord>;
  /** The last flow digest's outcome (see slack-digest.ts), shown beside the connection. */
  lastDigest: Pick<StoredDocument<FlowDigestOutcome>, 'read'>;
  clock: Clock;
}

/** What the app uses the bot for; anything else the token may do is more than it needs. */
const NEEDED_SCOPES = new Set(['chat:write', 'chat:write.public', 'channels:read', 'groups:read']);

const channelLabel = (channel: SlackChannelInfo) => `#${channel.name} (${channel.id})`;

function warningsFor(record: SlackConnectionRecord): string[] {
  const warnings: string[] = [];
  if (record.lastCheck.outcome === 'failed' && record.lastCheck.problem) warnings.push(record.lastCheck.problem);
  if (!record.channel.isMember) {
    warnings.push(`The bot is not in #${record.channel.name} yet: invite it (/invite) or messages will not be delivered.`);
  }
  const extra = (record.scopes ?? []).filter((scope) => !NEEDED_SCOPES.has(scope));
  if (extra.length > 0) warnings.push(`The bot token has scopes the app does not use (${extra.join(', ')}); consider removing them.`);
  return warnings;
}

export async function getSlackConnection(ports: SlackConnectionPorts): Promise<SlackConnectionData> {
  const sealing = ports.vault.sealingStatus();
  const record = await ports.record.read();
  if (!record) return { connected: false, sealing };
  const sealedWithKeyId = await ports.vault.sealedWith('slack-bot-token');
  const warnings = warningsFor(record);
  if (sealedWithKeyId === null) warnings.unshift(DAMAGED_TOKEN_WARNING);
  return {
    connected: true,
    sealing,
    ...slackConnectionDetails(record),
    warnings,
    sealedWithKeyId,
    lastDigest: await ports.lastDigest.read().then((outcome) => (outcome === null ? null : digestForPage(outcome))),
  };
}

function serviceProblem(error: ServiceRefusal): AppError {
  if (error.reason === 'rate-limited') return new AppError('RATE_LIMITED', 'Slack is rate limiting the app; try again in a minute.');
  return new AppError('UNAVAILABLE', 'Slack could not be reached; try again in a minute.');
}

/** Why a channel cannot be used, in words an admin can act on; null when the refusal is about something else. */
export function channelProblem(error: ServiceRefusal, channelId: string): string | null {
  switch (error.reason) {
    case 'channel-not-found':
      return `Slack cannot find channel ${channelId} for this bot. Check the id; for a private channel, invite the bot first.`;
    case 'not-in-channel':
      return `The bot is not in channel ${channelId}: invite it (/invite) and try again.`;
    case 'channel-archived':
      return `Channel ${channelId} is archived.`;
    case 'missing-scope':
      return (
        `The bot token lacks the scope needed here${error.detail ? ` (${error.detail})` : ''}: ` +
        'add it to the Slack app and reinstall it.'
      );
    default:
      return null;
  }
}

async function checkChannel(ports: SlackConnectionPorts, token: string, channelId: string): Promise<SlackChannelView> {
  const channel = await ports.slack.channel(token, channelId);
  if (channel.isArchived) throw new ConnectionRefused('channel-archived', `Channel #${channel.name} is archived: choose another.`);
  return channel;
}

const channelInfo = ({ id, name, isPrivate, isMember }: SlackChannelView): SlackChannelInfo => ({ id, name, isPrivate, isMember });

export async function connectSlack(ports: SlackConnectionPorts, actor: Actor, input: ConnectSlackPayload): Promise<SlackConnectionData> {
  ports.vault.assertCanSeal();
  await claimAdminRequest(ports, actor, 'slack-connection');
  let identity;
  let channel;
  try {
    identity = await ports.slack.identify(input.token);
    if (identity.scopes !== null && !identity.scopes.includes('chat:write')) {
      throw new ConnectionRefused(
        'missing-scope',
        'This bot token lacks the chat:write scope, so it cannot post. Add it to the Slack app, reinstall it, and use the new token.',
        'chat:write',
      );
    }
    channel = await checkChannel(ports, input.token, input.channelId);
  } catch (error) {
    const replacing = (await ports.record.read()) !== null;
    await recordRefusal(ports, actor, 'slack.connect-refused', error, input.channelId, { replacing });
    if (!(error instanceof ServiceRefusal)) throw error;
    if (error.reason === 'unauthorized') {
      throw new AppError('INVALID_INPUT', 'Slack did not accept this token: it may be mistyped or revoked. Nothing was saved.');
    }
    const problem = channelProblem(error, input.channelId);
    throw problem ? new AppError('INVALID_INPUT', `${problem} Nothing was saved.`) : serviceProblem(error);
  }

  const now = ports.clock.now().toISOString();
  const previous = await ports.record.read();
  const record: SlackConnectionRecord = {
    workspace: { id: identity.workspaceId, name: identity.workspaceName, url: identity.workspaceUrl },
    botUserId: identity.botUserId,
    scopes: identity.scopes,
    channel: channelInfo(channel),
    connectedBy: actor.accountId,
    connectedAt: now,
    lastCheck: { at: now, outcome: 'ok', problem: null },
    lastTestMessageAt: null,
  };
  await ports.vault.store('slack-bot-token', input.token);
  try {
    await ports.record.write(record);
  } catch (error) {
    await ports.vault.remove('slack-bot-token').catch(() => undefined);
    throw error;
  }
  await ports.personalData.remember(actor.accountId, 'slack-connection', now);
  await recordAudit(ports, actor, previous ? 'slack.replaced' : 'slack.connected', channelLabel(record.channel), {
    workspace: record.workspace.name,
    botIsMember: record.channel.isMember,
  });
  return getSlackConnection(ports);
}

async function storedToken(ports: SlackConnectionPorts): Promise<{ token: string; record: SlackConnectionRecord }> {
  const record = await ports.record.read();
  if (!record) throw new AppError('INVALID_INPUT', 'Slack is not connected; connect a bot token first.');
  let token: string | null;
  try {
    token = await ports.vault.open('slack-bot-token');
  } catch (error) {
    if (error instanceof UnreadableSecretError) {
      throw new AppError(
        'NOT_CONFIGURED',
        'The stored Slack token can no longer be opened (its sealing key was removed or it was altered). Connect the token again.',
      );
    }
    throw error;
  }
  if (token === null) throw new AppError('NOT_CONFIGURED', 'The stored Slack token is missing. Connect the token again.');
  return { token, record };
}

/** A refusal while using the stored token: recorded as the last check, and explained as setup to finish. */
async function failedCheck(ports: SlackConnectionPorts, record: SlackConnectionRecord, error: unknown, channelId: string): Promise<never> {
  if (!(error instanceof ServiceRefusal)) throw error;
  const problem =
    error.reason === 'unauthorized'
      ? 'Slack no longer accepts the stored bot token (it was revoked, or the app was removed). Replace it.'
      : channelProblem(error, channelId);
  if (problem === null) throw serviceProblem(error);
  await ports.record.write({ ...record, lastCheck: { at: ports.clock.now().toISOString(), outcome: 'failed', problem } });
  throw new AppError('NOT_CONFIGURED', problem);
}

export async function updateSlackChannel(
  ports: SlackConnectionPorts,
  actor: Actor,
  input: UpdateSlackChannelPayload,
): Promise<SlackConnectionData> {
  const { token, record } = await storedToken(ports);
  await claimAdminRequest(ports, actor, 'slack-connection');
  let channel;
  try {
    channel = await checkChannel(ports, token, input.channelId);
  } catch (error) {
    // The stored token refused, or the new channel cannot be used: recorded as a connect refusal is.
    await recordRefusal(ports, actor, 'slack.channel-change-refused', error, input.channelId, {
      currentChannel: channelLabel(record.channel),
    });
    if (error instanceof ServiceRefusal && error.reason !== 'unauthorized') {
      const problem = channelProblem(error, input.channelId);
      // A channel that cannot be used is the admin's input to fix, not a broken connection.
      throw problem ? new AppError('INVALID_INPUT', problem) : serviceProblem(error);
    }
    return failedCheck(ports, record, error, input.channelId);
  }
  const now = ports.clock.now().toISOString();
  const updated: SlackConnectionRecord = { ...record, channel: channelInfo(channel), lastCheck: { at: now, outcome: 'ok', problem: null } };
  await ports.record.write(updated);
  await recordAudit(ports, actor, 'slack.channel-changed', channelLabel(updated.channel), { from: channelLabel(record.channel) });
  return getSlackConnection(ports);
}

export async function disconnectSlack(ports: SlackConnectionPorts, actor: Actor): Promise<SlackConnectionData> {
  const record = await ports.record.read();
  const hadSecret = await ports.vault.holds('slack-bot-token');
  await ports.vault.remove('slack-bot-token');
  await ports.record.remove();
  if (record || hadSecret) await recordAudit(ports, actor, 'slack.disconnected', record ? channelLabel(record.channel) : null);
  return { connected: false, sealing: ports.vault.sealingStatus() };
}

/** The text says only what the app is; nothing about who sent it (that stays in the audit log). */
const TEST_MESSAGE_TEXT = 'Flow metrics for Jira is connected to this channel. This is a test message sent from the app’s settings page.';

export async function sendSlackTestMessage(ports: SlackConnectionPorts, actor: Actor): Promise<SlackTestMessageSent> {
  const { token, record } = await storedToken(ports);
  await claimAdminRequest(ports, actor, 'slack-test-message');
  try {
    await ports.slack.postMessage(token, record.channel.id, TEST_MESSAGE_TEXT);
  } catch (error) {
    await recordRefusal(ports, actor, 'slack.test-message-failed', error, channelLabel(record.channel));
    return failedCheck(ports, record, error, record.channel.id);
  }
  const now = ports.clock.now().toISOString();
  // The admin may have invited the bot since connecting: refresh what the page says about the channel.
  const channel = await ports.slack.channel(token, record.channel.id).then(channelInfo, () => record.channel);
  await ports.record.write({ ...record, channel, lastCheck: { at: now, outcome: 'ok', problem: null }, lastTestMessageAt: now });
  await recordAudit(ports, actor, 'slack.test-message-sent', channelLabel(channel));
  return { sentAt: now, channel };
}
