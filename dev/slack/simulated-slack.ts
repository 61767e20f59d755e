import type { SimulatedService } from '../runtime/product-target';
import { blockKitProblems } from './block-kit';
import {
  authTestJson,
  conversationJson,
  postedMessageJson,
  slackErrorJson,
  type SimBot,
  type SimChannel,
  type SimWorkspace,
} from './slack-json';

/**
 * Slack's Web API (slack.com/api/…) for one workspace and one bot, in process: `auth.test`,
 * `conversations.info` and `chat.postMessage`, with Slack's conventions:
 * - failures are HTTP 200 with `{ok: false, error}`: `not_authed` (no token), `invalid_auth` (unknown or
 *   revoked token), `missing_scope` (with `needed` and `provided`), `channel_not_found` (no such channel, or a
 *   private one the bot is not in), `not_in_channel` (a public channel the bot was not invited to),
 *   `is_archived`, `no_text`, `msg_too_long`, and `invalid_blocks` for Block Kit Slack would refuse
 *   (block-kit.ts);
 * - the token's scopes in `x-oauth-scopes` and the method's in `x-accepted-oauth-scopes`;
 * - HTTP 429 with `Retry-After` when a test makes a method rate limited;
 * - `chat.postMessage`'s own limit, about one message a second per channel with short bursts: a bucket of
 *   `POST_BURST` messages per channel that drains one a second; a post into a full bucket is refused with
 *   HTTP 429, `Retry-After` (whole seconds until a message fits) and the method's documented error
 *   `rate_limited`, and is not posted.
 *
 * Tests control it directly (tokens and their scopes, channels and the bot's membership) and read the
 * messages the app posted.
 */
export interface SimSlackToken {
  token: string;
  scopes: string[];
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  /** The Block Kit blocks, as posted (checked first: see block-kit.ts); absent for a text-only message. */
  blocks?: unknown[];
}

/** How many messages a channel takes at once before `chat.postMessage` answers 429 (by default); one drains each second. */
export const POST_BURST = 3;
const POST_DRAIN_MS = 1000;

/** Slack's limit on a message's `text`. */
const MAX_TEXT = 40_000;

type Answer = { status: number; headers: Record<string, string>; body: string };
type Arguments = Map<string, string>;

/** What each method accepts, as Slack's `x-accepted-oauth-scopes` header says. */
const ACCEPTED_SCOPES: Record<string, string> = {
  'auth.test': '',
  'conversations.info': 'channels:read,groups:read,im:read,mpim:read',
  'chat.postMessage': 'chat:write',
};

export class SimulatedSlack implements SimulatedService {
  private readonly tokens = new Map<string, SimSlackToken>();
  private readonly channels = new Map<string, SimChannel>();
  private readonly posted: PostedMessage[] = [];
  private readonly rateLimited = new Map<string, { retryAfter: number; remaining: number }>();
  private postBurst = POST_BURST;
  /** Per channel, how many messages its bucket holds, as of when. */
  private readonly postBuckets = new Map<string, { level: number; at: number }>();
  private counter = 0;

  constructor(
    readonly workspace: SimWorkspace,
    readonly bot: SimBot,
    private readonly now: () => Date = () => new Date(),
  ) {}

  issueToken(token: string, scopes: string[]): void {
    this.tokens.set(token, { token, scopes: [...scopes] });
  }

  /** A revoked token is simply unknown to Slack from then on. */
  revokeToken(token: string): void {
    this.tokens.delete(token);
  }

  addChannel(channel: Omit<SimChannel, 'created' | 'createdBy' | 'purpose'> & Partial<SimChannel>): void {
    this.channels.set(channel.id, { created: 1_650_000_000, createdBy: 'U0FLOWADMIN', purpose: '', ...channel });
  }

  /** Inviting the bot (`/invite @bot`) or removing it. */
  setBotMembership(channelId: string, isMember: boolean): void {
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`No channel ${channelId}`);
    channel.botIsMember = isMember;
  }

  /** The next `times` calls of `method` (all of them by default) answer HTTP 429 with this `Retry-After`; 0 clears it. */
  setRateLimited(method: string, retryAfterSeconds: number, times = Infinity): void {
    if (retryAfterSeconds > 0 && times > 0) this.rateLimited.set(method, { retryAfter: retryAfterSeconds, remaining: times });
    else this.rateLimited.delete(method);
  }

  /** How many messages a channel takes at once; `Infinity` lifts the limit, for tests that post far faster on purpose. */
  setPostBurst(messages: number): void {
    this.postBurst = messages;
  }

  messages(channelId?: string): PostedMessage[] {
    return this.posted.filter((message) => channelId === undefined || message.channel === channelId);
  }

  handle(request: { method: string; path: string; headers: Record<string, string>; body?: string }): Promise<Answer> {
    return Promise.resolve(this.route(request));
  }

  private route(request: { method: string; path: string; headers: Record<string, string>; body?: string }): Answer {
    const url = new URL(request.path, 'https://slack.com');
    const method = /^\/api\/([A-Za-z.]+)$/.exec(url.pathname)?.[1];
    if (!method || !(method in ACCEPTED_SCOPES)) return this.answer(404, slackErrorJson('unknown_method'), null, '');
    const limit = this.rateLimited.get(method);
    if (limit !== undefined) {
      if (--limit.remaining <= 0) this.rateLimited.delete(method);
      const limited = this.answer(429, slackErrorJson('ratelimited'), null, ACCEPTED_SCOPES[method]!);
      limited.headers['retry-after'] = String(limit.retryAfter);
      return limited;
    }
    const args = this.argumentsOf(url, request);
    const presented = this.presentedToken(request.headers, args);
    const accepted = ACCEPTED_SCOPES[method]!;
    if (presented === null) return this.answer(200, slackErrorJson('not_authed'), null, accepted);
    const token = this.tokens.get(presented);
    if (!token) return this.answer(200, slackErrorJson('invalid_auth'), null, accepted);

    switch (method) {
      case 'auth.test':
        return this.answer(200, authTestJson(this.workspace, this.bot), token, accepted);
      case 'conversations.info':
        return this.answer(200, this.conversationsInfo(token, args.get('channel') ?? ''), token, accepted);
      default: {
        const posted = this.postMessage(token, args);
        if ('limited' in posted) {
          const limited = this.answer(429, slackErrorJson('rate_limited'), token, accepted);
          limited.headers['retry-after'] = String(posted.limited);
          return limited;
        }
        return this.answer(200, posted, token, accepted);
      }
    }
  }

  private conversationsInfo(token: SimSlackToken, channelId: string): object {
    const readsPublic = token.scopes.includes('channels:read');
    const readsPrivate = token.scopes.includes('groups:read');
    if (!readsPublic && !readsPrivate) return this.missingScope(token, ACCEPTED_SCOPES['conversations.info']!);
    const channel = this.channels.get(channelId);
    // A private channel the bot is not in does not exist, as far as the bot can tell.
    if (!channel || (channel.isPrivate && !channel.botIsMember)) return slackErrorJson('channel_not_found');
    if (!channel.isPrivate && !readsPublic) return this.missingScope(token, 'channels:read');
    if (channel.isPrivate && !readsPrivate) return this.missingScope(token, 'groups:read');
    return { ok: true, channel: conversationJson(channel) };
  }

  private postMessage(token: SimSlackToken, args: Arguments): object | { limited: number } {
    if (!token.scopes.includes('chat:write')) return this.missingScope(token, 'chat:write');
    const channel = this.channels.get(args.get('channel') ?? '');
    if (!channel || (channel.isPrivate && !channel.botIsMember)) return slackErrorJson('channel_not_found');
    if (!channel.botIsMember && !token.scopes.includes('chat:write.public')) return slackErrorJson('not_in_channel');
    if (channel.isArchived) return slackErrorJson('is_archived');
    const wait = this.postWaitMs(channel.id);
    if (wait > 0) return { limited: Math.ceil(wait / 1000) };
    const text = args.get('text') ?? '';
    const blocksArgument = args.get('blocks');
    if (text.trim() === '' && !blocksArgument) return slackErrorJson('no_text');
    if (text.length > MAX_TEXT) return slackErrorJson('msg_too_long');
    let blocks: unknown[] | undefined;
    if (blocksArgument !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(blocksArgument);
      } catch {
        return { ok: false, error: 'invalid_blocks_format' };
      }
      const problems = blockKitProblems(parsed);
      if (problems.length > 0) return { ok: false, error: 'invalid_blocks', errors: problems };
      blocks = parsed as unknown[];
    }
    this.counter += 1;
    this.postBuckets.get(channel.id)!.level += 1;
    const ts = `${Math.floor(this.now().getTime() / 1000)}.${String(this.counter).padStart(6, '0')}`;
    this.posted.push({ channel: channel.id, ts, text, ...(blocks ? { blocks } : {}) });
    return postedMessageJson(channel.id, ts, text, this.workspace, this.bot, blocks);
  }

  /** How long until the channel's bucket has room for one more message; 0 when it has room now. */
  private postWaitMs(channelId: string): number {
    const now = this.now().getTime();
    const bucket = this.postBuckets.get(channelId) ?? { level: 0, at: now };
    const level = Math.max(0, bucket.level - (now - bucket.at) / POST_DRAIN_MS);
    this.postBuckets.set(channelId, { level, at: now });
    return level + 1 > this.postBurst ? Math.max(1, (level + 1 - this.postBurst) * POST_DRAIN_MS) : 0;
  }

  private missingScope(token: SimSlackToken, needed: string): object {
    return slackErrorJson('missing_scope', { needed, provided: token.scopes.join(',') });
  }

  /** Slack reads arguments from the query string, a form body or a JSON body. */
  private argumentsOf(url: URL, request: { headers: Record<string, string>; body?: string }): Arguments {
    const args: Arguments = new Map(url.searchParams.entries());
    if (!request.body) return args;
    const contentType = headerOf(request.headers, 'content-type') ?? '';
    if (contentType.includes('application/json')) {
      try {
        const parsed = JSON.parse(request.body) as Record<string, unknown>;
        for (const [name, value] of Object.entries(parsed)) args.set(name, typeof value === 'string' ? value : JSON.stringify(value));
      } catch {
        // Slack answers invalid_json; the app never sends it, so treating it as no arguments is enough here.
      }
    } else {
      for (const [name, value] of new URLSearchParams(request.body)) args.set(name, value);
    }
    return args;
  }

  private presentedToken(headers: Record<string, string>, args: Arguments): string | null {
    const header = headerOf(headers, 'authorization');
    const bearer = header ? /^bearer\s+(\S+)$/i.exec(header.trim())?.[1] : undefined;
    return bearer ?? args.get('token') ?? null;
  }

  private answer(status: number, body: object, token: SimSlackToken | null, accepted: string): Answer {
    this.counter += 1;
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-slack-req-id': `flow${String(this.counter).padStart(8, '0')}`,
      'x-accepted-oauth-scopes': accepted,
    };
    if (token) headers['x-oauth-scopes'] = token.scopes.join(',');
    return { status, headers, body: JSON.stringify(body) };
  }
}

function headerOf(headers: Record<string, string>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}
