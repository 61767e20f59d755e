import { ServiceRefusal, type RefusalReason } from '../../app/access/service-refusal';
import type { SlackBlock, SlackChannelView, SlackIdentity, SlackWorkspace } from '../../ports';

/**
 * Slack's Web API through a bot token: `auth.test`, `conversations.info`, `chat.postMessage`.
 *
 * Slack answers most failures with HTTP 200 and `{ok: false, error}`; those error codes become
 * `ServiceRefusal`s. The token travels only in the Authorization header: never in a URL or a form body
 * (Slack accepts both, but URLs end up in logs), never in an error or a log line.
 */
const API = 'https://slack.com/api';

const REFUSALS: Record<string, RefusalReason> = {
  not_authed: 'unauthorized',
  invalid_auth: 'unauthorized',
  token_revoked: 'unauthorized',
  token_expired: 'unauthorized',
  account_inactive: 'unauthorized',
  missing_scope: 'missing-scope',
  channel_not_found: 'channel-not-found',
  not_in_channel: 'not-in-channel',
  is_archived: 'channel-archived',
  ratelimited: 'rate-limited',
  rate_limited: 'rate-limited',
};

interface SlackAnswer {
  ok: boolean;
  error?: string;
  needed?: string;
  /** `auth.test`'s workspace and bot user. */
  team_id?: string;
  team?: string;
  url?: string;
  user_id?: string;
  /** `chat.postMessage`'s message timestamp, Slack's id for a message. */
  ts?: string;
  [field: string]: unknown;
}

interface Conversation {
  id: string;
  name?: string;
  is_private?: boolean;
  is_member?: boolean;
  is_archived?: boolean;
}

export class SlackWebWorkspace implements SlackWorkspace {
  async identify(token: string): Promise<SlackIdentity> {
    const { answer, headers } = await this.call('auth.test', token, { method: 'POST' });
    const scopes = headers.get('x-oauth-scopes');
    return {
      workspaceId: answer.team_id ?? '',
      workspaceName: answer.team ?? '',
      workspaceUrl: answer.url ?? '',
      botUserId: answer.user_id ?? '',
      scopes:
        scopes === null
          ? null
          : scopes
              .split(',')
              .map((scope) => scope.trim())
              .filter((scope) => scope !== ''),
    };
  }

  async channel(token: string, channelId: string): Promise<SlackChannelView> {
    const { answer } = await this.call(`conversations.info?channel=${encodeURIComponent(channelId)}`, token, { method: 'GET' });
    const conversation = answer.channel as Conversation | undefined;
    if (!conversation || typeof conversation.id !== 'string') throw new ServiceRefusal('Slack', 'unavailable');
    return {
      id: conversation.id,
      name: conversation.name ?? conversation.id,
      isPrivate: conversation.is_private === true,
      isMember: conversation.is_member === true,
      isArchived: conversation.is_archived === true,
    };
  }

  async postMessage(token: string, channelId: string, text: string, blocks?: readonly SlackBlock[]): Promise<{ ts: string }> {
    const { answer } = await this.call('chat.postMessage', token, {
      method: 'POST',
      body: JSON.stringify({ channel: channelId, text, ...(blocks ? { blocks } : {}), unfurl_links: false, unfurl_media: false }),
    });
    return { ts: answer.ts ?? '' };
  }

  private async call(
    method: string,
    token: string,
    init: { method: 'GET' | 'POST'; body?: string },
  ): Promise<{ answer: SlackAnswer; headers: Headers }> {
    let response: Response;
    try {
      response = await fetch(`${API}/${method}`, {
        method: init.method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
        },
        body: init.body,
      });
    } catch {
      throw new ServiceRefusal('Slack', 'unavailable');
    }
    if (response.status === 429) throw new ServiceRefusal('Slack', 'rate-limited', response.headers.get('retry-after'));
    if (!response.ok) throw new ServiceRefusal('Slack', 'unavailable', `HTTP ${response.status}`);
    let answer: SlackAnswer;
    try {
      answer = (await response.json()) as SlackAnswer;
    } catch {
      throw new ServiceRefusal('Slack', 'unavailable');
    }
    if (answer.ok !== true) {
      const reason = REFUSALS[answer.error ?? ''] ?? 'unavailable';
      // Only Slack's own vocabulary is kept: the error code, and for missing_scope the scope it names.
      const detail = reason === 'missing-scope' ? (answer.needed ?? null) : reason === 'unavailable' ? (answer.error ?? null) : null;
      throw new ServiceRefusal('Slack', reason, typeof detail === 'string' ? detail.slice(0, 100) : null);
    }
    return { answer, headers: response.headers };
  }
}
