import { expect } from '@jest/globals';
import { createDemoSlack, DEMO_CHANNELS } from '../../../dev/slack/demo-slack';
import { toResponse } from '../../../dev/runtime/product-target';
import { SlackWebWorkspace } from './slack-web-workspace';

const demo = createDemoSlack();
const seen: Array<{ url: string; body: string | undefined }> = [];
const originalFetch = globalThis.fetch;

beforeAll(() => {
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const body = typeof init?.body === 'string' ? init.body : undefined;
    seen.push({ url: url.toString(), body });
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    return toResponse(await demo.slack.handle({ method: init?.method ?? 'GET', path: url.pathname + url.search, headers, body }));
  };
});
afterAll(() => {
  globalThis.fetch = originalFetch;
});

describe('Slack through a bot token', () => {
  const slack = new SlackWebWorkspace();
  const token = demo.tokens.bot.token;

  it('identifies the bot and its scopes', async () => {
    await expect(slack.identify(token)).resolves.toEqual({
      workspaceId: 'T0FLOWDEMO1',
      workspaceName: 'Acme Flow',
      workspaceUrl: 'https://acme-flow.slack.com/',
      botUserId: 'U0FLOWBOT01',
      scopes: ['chat:write', 'channels:read', 'groups:read'],
    });
  });

  it('describes a channel, and posts to it without putting the token in a URL or body', async () => {
    seen.length = 0;
    await expect(slack.channel(token, DEMO_CHANNELS.flowMetrics)).resolves.toEqual({
      id: DEMO_CHANNELS.flowMetrics,
      name: 'flow-metrics',
      isPrivate: false,
      isMember: true,
      isArchived: false,
    });
    await expect(slack.postMessage(token, DEMO_CHANNELS.flowMetrics, 'hello')).resolves.toEqual({
      ts: expect.stringMatching(/^\d{10}\.\d{6}$/),
    });
    expect(JSON.stringify(seen)).not.toContain(token);
    expect(demo.slack.messages()).toEqual([expect.objectContaining({ channel: DEMO_CHANNELS.flowMetrics, text: 'hello' })]);
  });

  it.each([
    ['unauthorized', () => slack.identify(demo.tokens.revoked.token)],
    ['missing-scope', () => slack.channel(demo.tokens.chatOnly.token, DEMO_CHANNELS.flowMetrics)],
    ['channel-not-found', () => slack.channel(token, DEMO_CHANNELS.people)],
    ['not-in-channel', () => slack.postMessage(token, DEMO_CHANNELS.teamAlpha, 'hi')],
    ['channel-archived', () => slack.postMessage(token, DEMO_CHANNELS.oldReleases, 'hi')],
  ])("turns Slack's error into %s", async (reason, attempt) => {
    await expect(attempt()).rejects.toMatchObject({ name: 'ServiceRefusal', service: 'Slack', reason });
  });

  it('names the missing scope, and answers rate-limited to HTTP 429', async () => {
    await expect(slack.channel(demo.tokens.chatOnly.token, DEMO_CHANNELS.flowMetrics)).rejects.toMatchObject({
      detail: 'channels:read,groups:read,im:read,mpim:read',
    });
    demo.slack.setRateLimited('auth.test', 20);
    await expect(slack.identify(token)).rejects.toMatchObject({ reason: 'rate-limited', detail: '20' });
    demo.slack.setRateLimited('auth.test', 0);
  });
});
