import { expect } from '@jest/globals';
import { OpenApiContract } from '../testing/openapi-contract';
import { createDemoSlack, DEMO_CHANNELS } from './demo-slack';
import { POST_BURST } from './simulated-slack';

/**
 * The simulated Slack behaves as Slack does for the calls the app makes, and its bodies are valid against
 * Slack's own description of each method.
 */
const contract = new OpenApiContract('slack-web.subset.openapi-v2.json');
const NOW = new Date('2026-03-10T12:00:00Z');

function setUp() {
  const demo = createDemoSlack(() => NOW);
  const call = async (method: string, args: Record<string, string>, token?: string, as: 'query' | 'form' | 'json' = 'query') => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    let path = `/api/${method}`;
    let body: string | undefined;
    if (as === 'query') path += `?${new URLSearchParams(args)}`;
    else if (as === 'form') {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(args).toString();
    } else {
      headers['content-type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(args);
    }
    const answer = await demo.slack.handle({ method: as === 'query' ? 'GET' : 'POST', path, headers, body });
    return { ...answer, json: JSON.parse(answer.body) as Record<string, unknown> };
  };
  return { ...demo, call };
}

/** chat.postMessage with a JSON body whose values need not be strings (blocks), as the app sends it. */
async function demoPost(slack: ReturnType<typeof createDemoSlack>['slack'], token: string, body: Record<string, unknown>) {
  const answer = await slack.handle({
    method: 'POST',
    path: '/api/chat.postMessage',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  });
  return { ...answer, json: JSON.parse(answer.body) as Record<string, unknown> };
}

/** Slack answers failures with HTTP 200 and `ok: false`; its description lists them as the `default` response. */
function expectContract(method: 'get' | 'post', slackMethod: string, answer: { status: number; json: Record<string, unknown> }) {
  const documented = answer.json.ok === false ? 'default' : answer.status;
  expect(contract.check(method, `/${slackMethod}`, documented, answer.json).problems).toEqual([]);
}

describe('the simulated Slack', () => {
  it("identifies the bot with auth.test and reports the token's scopes", async () => {
    const { call, tokens } = setUp();
    const answer = await call('auth.test', {}, tokens.bot.token, 'form');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      ok: true,
      team: 'Acme Flow',
      team_id: 'T0FLOWDEMO1',
      user_id: 'U0FLOWBOT01',
      url: 'https://acme-flow.slack.com/',
    });
    expect(answer.headers['x-oauth-scopes']).toBe('chat:write,channels:read,groups:read');
    expectContract('get', 'auth.test', answer);
  });

  it.each([
    ['no token', undefined, 'not_authed'],
    ['an unknown token', 'xoxb-1-2-unknownunknownunknown', 'invalid_auth'],
  ])('answers %s with ok:false', async (_, token, error) => {
    const { call } = setUp();
    const answer = await call('auth.test', {}, token);
    expect(answer).toMatchObject({ status: 200, json: { ok: false, error } });
    expectContract('get', 'auth.test', answer);
  });

  it('treats a revoked token as unknown', async () => {
    const { call, tokens } = setUp();
    expect((await call('auth.test', {}, tokens.revoked.token)).json).toEqual({ ok: false, error: 'invalid_auth' });
  });

  it('describes a channel the bot can see', async () => {
    const { call, tokens } = setUp();
    for (const channel of [DEMO_CHANNELS.flowMetrics, DEMO_CHANNELS.teamAlpha, DEMO_CHANNELS.leads]) {
      const answer = await call('conversations.info', { channel }, tokens.bot.token);
      expect(answer.json).toMatchObject({ ok: true, channel: { id: channel } });
      expectContract('get', 'conversations.info', answer);
    }
    const alpha = await call('conversations.info', { channel: DEMO_CHANNELS.teamAlpha }, tokens.bot.token);
    expect(alpha.json.channel).toMatchObject({ name: 'team-alpha', is_private: false, is_member: false });
  });

  it('hides private channels the bot is not in, and unknown ones, as channel_not_found', async () => {
    const { call, tokens } = setUp();
    for (const channel of [DEMO_CHANNELS.people, 'C0NOSUCHCHN']) {
      const answer = await call('conversations.info', { channel }, tokens.bot.token);
      expect(answer.json).toEqual({ ok: false, error: 'channel_not_found' });
      expectContract('get', 'conversations.info', answer);
    }
  });

  it('answers missing_scope, naming the scope, when the token cannot read channels', async () => {
    const { call, tokens } = setUp();
    const answer = await call('conversations.info', { channel: DEMO_CHANNELS.flowMetrics }, tokens.chatOnly.token);
    expect(answer.json).toEqual({
      ok: false,
      error: 'missing_scope',
      needed: 'channels:read,groups:read,im:read,mpim:read',
      provided: 'chat:write',
    });
    expectContract('get', 'conversations.info', answer);
  });

  it('posts to a channel the bot is in, in form or JSON, and keeps the message for tests', async () => {
    const { call, slack, tokens } = setUp();
    const form = await call(
      'chat.postMessage',
      { channel: DEMO_CHANNELS.flowMetrics, text: 'Hello from a form' },
      tokens.bot.token,
      'form',
    );
    const json = await call('chat.postMessage', { channel: DEMO_CHANNELS.leads, text: 'Hello from JSON' }, tokens.bot.token, 'json');
    for (const answer of [form, json]) {
      expect(answer.json).toMatchObject({ ok: true, message: { type: 'message' } });
      expect(String(answer.json.ts)).toMatch(/^\d{10}\.\d{6}$/);
      expectContract('post', 'chat.postMessage', answer);
    }
    expect(slack.messages().map((m) => [m.channel, m.text])).toEqual([
      [DEMO_CHANNELS.flowMetrics, 'Hello from a form'],
      [DEMO_CHANNELS.leads, 'Hello from JSON'],
    ]);
  });

  it.each([
    ['not_in_channel', DEMO_CHANNELS.teamAlpha, 'hello'],
    ['channel_not_found', DEMO_CHANNELS.people, 'hello'],
    ['is_archived', DEMO_CHANNELS.oldReleases, 'hello'],
    ['no_text', DEMO_CHANNELS.flowMetrics, ''],
  ])('refuses to post with %s', async (error, channel, text) => {
    const { call, slack, tokens } = setUp();
    const answer = await call('chat.postMessage', { channel, text }, tokens.bot.token, 'json');
    expect(answer.json).toEqual({ ok: false, error });
    expectContract('post', 'chat.postMessage', answer);
    expect(slack.messages()).toEqual([]);
  });

  it('posts once the bot is invited', async () => {
    const { call, slack, tokens } = setUp();
    slack.setBotMembership(DEMO_CHANNELS.teamAlpha, true);
    expect((await call('chat.postMessage', { channel: DEMO_CHANNELS.teamAlpha, text: 'hi' }, tokens.bot.token, 'json')).json.ok).toBe(true);
  });

  it('answers missing_scope to a token without chat:write (an error Slack sends but its description omits for this method)', async () => {
    const { call, tokens } = setUp();
    const answer = await call('chat.postMessage', { channel: DEMO_CHANNELS.flowMetrics, text: 'hi' }, tokens.readOnly.token, 'json');
    expect(answer.json).toEqual({ ok: false, error: 'missing_scope', needed: 'chat:write', provided: 'channels:read,groups:read' });
    // Slack's published description of chat.postMessage lists no missing_scope; the same error is described
    // for conversations.info, so the envelope is checked there.
    expect(contract.check('post', '/chat.postMessage', 'default', answer.json).valid).toBe(false);
    expectContract('get', 'conversations.info', answer);
  });

  it('posts Block Kit blocks with a fallback text, and keeps them for tests', async () => {
    const { slack, tokens } = setUp();
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'Weekly flow digest', emoji: false } },
      { type: 'section', text: { type: 'mrkdwn', text: '*<https://example.atlassian.net/browse/FLOW-1|FLOW-1>*' } },
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*WIP*\n3 items' }] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'From the stored history' }] },
      { type: 'divider' },
    ];
    const answer = await demoPost(slack, tokens.bot.token, { channel: DEMO_CHANNELS.flowMetrics, text: 'Weekly flow digest', blocks });
    expect(answer.json).toMatchObject({ ok: true, message: { text: 'Weekly flow digest', blocks } });
    expectContract('post', 'chat.postMessage', answer);
    expect(slack.messages()).toEqual([expect.objectContaining({ text: 'Weekly flow digest', blocks })]);
  });

  it.each([
    ['an unknown block type', [{ type: 'carousel' }], /not a block type/],
    ['a header of mrkdwn', [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }], /must be plain_text/],
    ['a header over 150 characters', [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }], /at most 150/],
    ['a section with neither text nor fields', [{ type: 'section' }], /needs text or fields/],
    ['eleven fields', [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'x' })) }], /1 to 10/],
    ['an empty text', [{ type: 'context', elements: [{ type: 'mrkdwn', text: '' }] }], /non-empty/],
    ['a field Slack does not know', [{ type: 'divider', text: { type: 'plain_text', text: 'x' } }], /not a field of a divider/],
    ['51 blocks', Array.from({ length: 51 }, () => ({ type: 'divider' })), /at most 50 blocks/],
  ])('refuses %s as invalid_blocks, posting nothing', async (_, blocks, problem) => {
    const { slack, tokens } = setUp();
    const answer = await demoPost(slack, tokens.bot.token, { channel: DEMO_CHANNELS.flowMetrics, text: 'digest', blocks });
    expect(answer.json).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect((answer.json.errors as string[]).join('\n')).toMatch(problem);
    // Slack sends invalid_blocks, with its `errors`, though its description of chat.postMessage lists neither.
    expect(contract.check('post', '/chat.postMessage', 'default', answer.json).valid).toBe(false);
    expect(slack.messages()).toEqual([]);
  });

  it('answers msg_too_long to a text over 40,000 characters', async () => {
    const { slack, tokens } = setUp();
    const answer = await demoPost(slack, tokens.bot.token, { channel: DEMO_CHANNELS.flowMetrics, text: 'x'.repeat(40_001) });
    expect(answer.json).toEqual({ ok: false, error: 'msg_too_long' });
    expectContract('post', 'chat.postMessage', answer);
  });

  it('can rate limit only the next few calls of a method', async () => {
    const { call, slack, tokens } = setUp();
    slack.setRateLimited('chat.postMessage', 2, 1);
    const post = () => call('chat.postMessage', { channel: DEMO_CHANNELS.flowMetrics, text: 'hi' }, tokens.bot.token, 'json');
    expect((await post()).status).toBe(429);
    expect((await post()).status).toBe(200);
  });

  it('answers HTTP 429 with Retry-After while a method is rate limited', async () => {
    const { call, slack, tokens } = setUp();
    slack.setRateLimited('chat.postMessage', 30);
    const answer = await call('chat.postMessage', { channel: DEMO_CHANNELS.flowMetrics, text: 'hi' }, tokens.bot.token, 'json');
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('30');
    slack.setRateLimited('chat.postMessage', 0);
    expect((await call('chat.postMessage', { channel: DEMO_CHANNELS.flowMetrics, text: 'hi' }, tokens.bot.token, 'json')).status).toBe(200);
  });

  it("answers chat.postMessage's own per-channel limit as Slack does: 429, Retry-After and rate_limited, nothing posted", async () => {
    let now = NOW.getTime();
    const demo = createDemoSlack(() => new Date(now));
    const post = (channel: string) => demoPost(demo.slack, demo.tokens.bot.token, { channel, text: 'hi' });
    for (let k = 0; k < POST_BURST; k++) expect((await post(DEMO_CHANNELS.flowMetrics)).status).toBe(200);
    const refused = await post(DEMO_CHANNELS.flowMetrics);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json).toEqual({ ok: false, error: 'rate_limited' });
    expectContract('post', 'chat.postMessage', refused);
    expect(demo.slack.messages(DEMO_CHANNELS.flowMetrics)).toHaveLength(POST_BURST);
    // The limit is per channel: another channel takes a message at once.
    expect((await post(DEMO_CHANNELS.leads)).status).toBe(200);
    // One message drains each second.
    now += 999;
    expect((await post(DEMO_CHANNELS.flowMetrics)).status).toBe(429);
    now += 1;
    expect((await post(DEMO_CHANNELS.flowMetrics)).status).toBe(200);
    expect((await post(DEMO_CHANNELS.flowMetrics)).status).toBe(429);
    now += 5_000;
    for (let k = 0; k < POST_BURST; k++) expect((await post(DEMO_CHANNELS.flowMetrics)).status).toBe(200);
  });
});
