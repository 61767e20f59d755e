import { expect } from '@jest/globals';
import { z } from 'zod';
import { blockKitProblems } from '../../dev/slack/block-kit';
import { DEMO_CHANNELS } from '../../dev/slack/demo-slack';
import { POST_BURST } from '../../dev/slack/simulated-slack';
import { SyncHarness } from '../../dev/testing/local-sync-harness';
import { connectionOf } from '../../dev/testing/settings-test-site';
import { storedAuditEntries, storedRecord } from '../../dev/testing/stored-values';
import { storageKeys } from '../adapters/kvs/storage-keys';
import { LAST_DIGEST_RECORD } from '../adapters/kvs/stored-record-kinds';
import type { SlackDigestOutcome } from '../shared/resolver-contract';
import { buildFlowMeasures, DEFAULT_FLOW_CONFIG, parseFlowConfig } from '../domain';
import { InvocationBudget } from '../adapters/forge-runtime/invocation-budget';

/**
 * The weekly Slack digest on the local platform: synced projects on the simulated Jira site, a connected
 * simulated Slack, the real trigger. The figures in the message are checked against the full report computed
 * here from the history the project page itself receives, never against numbers written into the test.
 */
const TRIGGER = 'weekly-slack-digest';
const harness = new SyncHarness();
const { slack } = harness.simulateIntegrations();
afterAll(() => harness.close());

const admin = harness.user('admin');
const settings = harness.settingsAs('admin');
const lastDigest = () => storedRecord(harness.kvs, LAST_DIGEST_RECORD, storageKeys.lastSlackDigest);
const forgetDigests = async () => {
  for (const key of [storageKeys.lastSlackDigest, storageKeys.slackDigestNow])
    await harness.kvs.fetch('/api/v1/delete', { method: 'POST', body: JSON.stringify({ key }) });
};
const everythingSeen = () => JSON.stringify([harness.kvs.listPlain(), harness.platform.logs.all(), slack.slack.messages()]);

beforeAll(async () => {
  for (const projectKey of ['FLOW', 'SPR', 'BUG'])
    expect(await settings('setProjectMeasured', { projectKey, measured: true })).toMatchObject({ ok: true });
  await harness.platform.drainQueue();
}, 120_000);

beforeEach(async () => {
  await forgetDigests();
  slack.slack.setRateLimited('chat.postMessage', 0);
  slack.slack.setBotMembership(DEMO_CHANNELS.teamAlpha, false);
});

/** The Block Kit blocks a digest is made of (as dev/slack/block-kit.ts checks them), read from a posted message. */
const textObject = z.object({ type: z.enum(['plain_text', 'mrkdwn']), text: z.string() });
const digestBlocks = z.array(
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('header'), text: textObject }),
    z.object({ type: z.literal('section'), text: textObject.optional(), fields: z.array(textObject).optional() }),
    z.object({ type: z.literal('context'), elements: z.array(textObject) }),
    z.object({ type: z.literal('divider') }),
  ]),
);
type DigestBlock = z.infer<typeof digestBlocks>[number];
const blocksOf = (message: { blocks?: unknown[] } | undefined): DigestBlock[] => digestBlocks.parse(message?.blocks);
const textOf = (block: DigestBlock | undefined): string | undefined => (block?.type === 'section' ? block.text?.text : undefined);

/** The section of `projectKey` in a posted digest: its title block, the figures, and the at-risk line. */
function sectionOf(blocks: DigestBlock[], projectKey: string) {
  const start = blocks.findIndex((block) => textOf(block)?.includes(`|${projectKey}>`));
  expect(start).toBeGreaterThan(0);
  const figures = blocks[start + 1];
  const fields = figures?.type === 'section' ? (figures.fields ?? []).map((field) => field.text) : [];
  const atRisk = blocks[start + 2];
  const context = atRisk?.type === 'context' ? (atRisk.elements[0]?.text ?? null) : null;
  return { title: textOf(blocks[start]) ?? '', fields, context };
}

describe('the weekly Slack digest', () => {
  it('is not posted when Slack is not connected, and says so', async () => {
    await harness.platform.runScheduledTrigger(TRIGGER);
    expect(slack.slack.messages()).toEqual([]);
    expect(lastDigest()).toMatchObject({ trigger: 'weekly', outcome: 'skipped', problem: 'Slack is not connected.', projects: [] });
  });

  it("posts each synced project's figures, as the full report computes them from the stored history", async () => {
    expect(await settings('connectSlack', { token: slack.tokens.bot.token, channelId: DEMO_CHANNELS.flowMetrics })).toMatchObject({
      ok: true,
    });
    const posted = slack.slack.messages().length;
    await harness.resetStats();
    await harness.platform.runScheduledTrigger(TRIGGER);
    // Every figure comes from storage: the digest asks Jira once, for the projects' types its links need.
    expect((await harness.stats()).byEndpoint).toEqual({ 'GET /rest/api/3/project/search': 1 });

    const messages = slack.slack.messages(DEMO_CHANNELS.flowMetrics).slice(posted);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(blockKitProblems(message!.blocks)).toEqual([]);
    const outcome = lastDigest()!;
    expect(outcome).toMatchObject({
      trigger: 'weekly',
      outcome: 'sent',
      channel: { id: DEMO_CHANNELS.flowMetrics, name: 'flow-metrics' },
      projects: ['BUG', 'FLOW', 'SPR'],
      skipped: [],
      problem: null,
    });
    const now = Date.parse(outcome.at);

    for (const projectKey of ['FLOW', 'SPR', 'BUG']) {
      // As the admin, whom every security level admits: the digest counts secured issues (it only never names them).
      const { view, history } = await harness.viewedHistory(projectKey, admin);
      const config = { ...(view.flowConfig ? parseFlowConfig(view.flowConfig) : DEFAULT_FLOW_CONFIG), workflow: view.workflow };
      const month = buildFlowMeasures(history!, { ...config, window: { from: null, to: null, days: 30 } }, { now, seed: 1 });
      const week = buildFlowMeasures(history!, { ...config, window: { from: null, to: null, days: 7 } }, { now, seed: 1 });
      const p85 = month.percentiles['85']!;
      const atRisk = month.aging.filter((item) => item.age > p85).sort((a, b) => b.age - a.age || a.key.localeCompare(b.key));
      const days = (value: number) => `${value} ${value === 1 ? 'day' : 'days'}`;

      const section = sectionOf(blocksOf(message), projectKey);
      // Jira serves a project's pages under its type: BUG is a Service Management project.
      const typePath = projectKey === 'BUG' ? 'servicedesk' : 'software';
      expect(section.title).toMatch(
        new RegExp(`^\\*<${harness.site.siteUrl}/jira/${typePath}/projects/${projectKey}/apps/[^|]+\\|${projectKey}>\\*$`),
      );
      const [throughput, cycleTime, wip, risk] = section.fields;
      const before = week.periodComparison.previous?.throughputPerWeek;
      const done = week.generated.doneInWindow;
      expect(before).toEqual(expect.any(Number));
      expect(throughput).toBe(
        `*Throughput*\n${done} ${done === 1 ? 'item' : 'items'} finished in the last 7 days (${before} the week before)`,
      );
      expect(month.generated.doneInWindow).toBeGreaterThan(0);
      expect(cycleTime).toBe(
        `*Cycle time*\n${days(month.percentiles['50']!)} (50%) · ${days(p85)} (85%), of ${month.generated.doneInWindow} finished in 30 days`,
      );
      expect(wip).toBe(`*Work in progress*\n${month.generated.inProgress} ${month.generated.inProgress === 1 ? 'item' : 'items'}`);
      if (atRisk.length === 0) {
        expect(risk).toBe('*At risk*\nnone');
        expect(section.context).toBeNull();
      } else {
        expect(risk).toBe(`*At risk*\n${atRisk.length} in progress longer than ${days(p85)}`);
        const named = atRisk.slice(0, 3).map((item) => `<${harness.site.siteUrl}/browse/${item.key}|${item.key}> (${days(item.age)})`);
        expect(section.context).toBe(`Oldest at risk: ${named.join(', ')}`);
      }
      expect(message!.text).toContain(`${projectKey}: ${week.generated.doneInWindow} finished`);
    }
    expect(JSON.stringify(harness.platform.logs.all())).toContain('[slack-digest] sent to #flow-metrics (BUG, FLOW, SPR)');
  });

  it('never names a secured issue: the three oldest at risk secured in Jira, the next take their place, and all still count', async () => {
    const bugSection = () => sectionOf(blocksOf(slack.slack.messages(DEMO_CHANNELS.flowMetrics).at(-1)), 'BUG');
    const before = bugSection();
    const oldest = [...before.context!.matchAll(/\|(BUG-\d+)>/g)].map((match) => match[1]!);
    expect(oldest).toHaveLength(3);
    for (const key of oldest) {
      expect(
        (await harness.jira('PUT', `/rest/api/3/issue/${key}`, { fields: { security: { id: '10100' } } }, `user:${admin}`)).status,
      ).toBe(204);
    }
    await harness.runScheduledSync();
    await forgetDigests();
    await harness.platform.runScheduledTrigger(TRIGGER);
    expect(lastDigest()).toMatchObject({ outcome: 'sent' });
    const message = slack.slack.messages(DEMO_CHANNELS.flowMetrics).at(-1)!;
    const everything = JSON.stringify(message.blocks) + message.text;
    for (const key of oldest) expect(everything).not.toMatch(new RegExp(`\\b${key}\\b`));
    const after = bugSection();
    // Counted all the same: the figures are those of the whole project.
    expect(after.fields).toEqual(before.fields);
    expect(after.context).toMatch(/^Oldest at risk: <[^|]+\|BUG-\d+>/);
    for (const key of oldest) await harness.jira('PUT', `/rest/api/3/issue/${key}`, { fields: { security: null } }, `user:${admin}`);
    await harness.runScheduledSync();
    await forgetDigests();
  }, 120_000);

  it('is posted once a week however often Forge repeats the trigger', async () => {
    await harness.platform.runScheduledTrigger(TRIGGER);
    const count = slack.slack.messages().length;
    await harness.platform.runScheduledTrigger(TRIGGER);
    expect(slack.slack.messages()).toHaveLength(count);
  });

  it("still goes out when Jira cannot say the projects' types, its projects unlinked", async () => {
    await harness.chaos({ rate5xx: 1, endpoints: ['GET /rest/api/3/project/search'] });
    const before = slack.slack.messages(DEMO_CHANNELS.flowMetrics).length;
    try {
      await harness.platform.runScheduledTrigger(TRIGGER);
    } finally {
      await harness.chaos(null);
    }
    expect(lastDigest()).toMatchObject({ outcome: 'sent', projects: ['BUG', 'FLOW', 'SPR'] });
    const [message] = slack.slack.messages(DEMO_CHANNELS.flowMetrics).slice(before);
    const titles = blocksOf(message)
      .map(textOf)
      .filter((text) => /^\*[A-Z]+\*$/.test(text ?? ''));
    expect(titles).toEqual(['*BUG*', '*FLOW*', '*SPR*']);
  });

  it("waits out Slack's 429 and then posts", async () => {
    slack.slack.setRateLimited('chat.postMessage', 1, 1);
    const before = slack.slack.messages().length;
    const started = Date.now();
    await harness.platform.runScheduledTrigger(TRIGGER);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(slack.slack.messages()).toHaveLength(before + 1);
    expect(lastDigest()).toMatchObject({ outcome: 'sent', projects: ['BUG', 'FLOW', 'SPR'] });
  });

  it('gives up on a Slack that keeps answering 429, saying so', async () => {
    slack.slack.setRateLimited('chat.postMessage', 1);
    const before = slack.slack.messages().length;
    await harness.platform.runScheduledTrigger(TRIGGER);
    expect(slack.slack.messages()).toHaveLength(before);
    expect(lastDigest()).toMatchObject({ outcome: 'failed', projects: [], problem: expect.stringContaining('rate limiting') });
  });

  it('hands the projects it has no time left for over to the queue, and records the run once its last part has posted', async () => {
    const posted = slack.slack.messages(DEMO_CHANNELS.flowMetrics).length;
    // No time left after each project: every invocation computes and posts one project, then queues the rest.
    const remaining = jest.spyOn(InvocationBudget.prototype, 'remainingMs').mockReturnValue(0);
    // With no time left a 429 cannot be waited out; the channel's posting limit has its own tests.
    slack.slack.setPostBurst(Infinity);
    const order = harness.kvs.listPlain('settings:measured-projects')[0]!.value as string[];
    expect([...order].sort()).toEqual(['BUG', 'FLOW', 'SPR']);
    let first: SlackDigestOutcome;
    try {
      first = (await harness.platform.runScheduledTrigger(TRIGGER)) as SlackDigestOutcome;
      expect(first).toMatchObject({ outcome: 'sent', projects: [order[0]], continuesWith: order.slice(1) });
      // Not recorded until the run has finished: the settings page still shows the previous digest.
      expect(lastDigest()).toBeUndefined();
      expect(harness.platform.queue.size).toBe(1);
      await harness.platform.drainQueue();
    } finally {
      remaining.mockRestore();
      slack.slack.setPostBurst(POST_BURST);
    }
    const messages = slack.slack.messages(DEMO_CHANNELS.flowMetrics).slice(posted);
    expect(messages.map((message) => order.filter((key) => JSON.stringify(message.blocks).includes(`|${key}>`)))).toEqual(
      order.map((key) => [key]),
    );
    const outcome = lastDigest()!;
    expect(outcome).toMatchObject({ trigger: 'weekly', outcome: 'sent', projects: order, skipped: [], problem: null, at: first!.at });
    expect(outcome.continuesWith).toBeUndefined();
  });

  it("records Slack's refusal readably, and the settings page shows it", async () => {
    slack.slack.setBotMembership(DEMO_CHANNELS.teamAlpha, true);
    expect(await settings('updateSlackChannel', { channelId: DEMO_CHANNELS.teamAlpha })).toMatchObject({ ok: true });
    slack.slack.setBotMembership(DEMO_CHANNELS.teamAlpha, false);
    await harness.platform.runScheduledTrigger(TRIGGER);
    const problem = 'The bot is not in #team-alpha: invite it (/invite) and send the digest again.';
    expect(lastDigest()).toMatchObject({ outcome: 'failed', channel: { name: 'team-alpha' }, problem });
    expect(connectionOf(await settings('getSlackConnection')).lastDigest).toMatchObject({ outcome: 'failed', problem });
  });

  it('is sent now by an admin, at most once in five minutes, and audited', async () => {
    slack.slack.setBotMembership(DEMO_CHANNELS.teamAlpha, true);
    const before = slack.slack.messages(DEMO_CHANNELS.teamAlpha).length;
    const sent = await settings('sendSlackDigest');
    expect(sent).toMatchObject({
      ok: true,
      data: { trigger: 'admin', outcome: 'sent', channel: { name: 'team-alpha' }, projects: ['BUG', 'FLOW', 'SPR'] },
    });
    expect(slack.slack.messages(DEMO_CHANNELS.teamAlpha)).toHaveLength(before + 1);
    expect(await settings('sendSlackDigest')).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', message: expect.stringMatching(/send it again after \d\d:\d\d/) },
    });
    expect(slack.slack.messages(DEMO_CHANNELS.teamAlpha)).toHaveLength(before + 1);
    expect(await settings('sendSlackDigest', { projectKey: 'FLOW' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const audit = storedAuditEntries(harness.kvs);
    expect(audit.filter((entry) => entry.action === 'slack.digest-sent')).toEqual([
      expect.objectContaining({
        actorAccountId: admin,
        subject: `#team-alpha (${DEMO_CHANNELS.teamAlpha})`,
        details: { outcome: 'sent', projects: 'BUG, FLOW, SPR' },
      }),
    ]);
    expect(connectionOf(await settings('getSlackConnection')).lastDigest).toMatchObject({ trigger: 'admin', outcome: 'sent' });
  });

  it('lets an admin try again at once after a digest that did not go out', async () => {
    slack.slack.setBotMembership(DEMO_CHANNELS.teamAlpha, false);
    expect(await settings('sendSlackDigest')).toMatchObject({ ok: true, data: { outcome: 'failed' } });
    slack.slack.setBotMembership(DEMO_CHANNELS.teamAlpha, true);
    expect(await settings('sendSlackDigest')).toMatchObject({ ok: true, data: { outcome: 'sent' } });
  });

  it('is refused to members', async () => {
    const member = harness.user('member');
    const answer = await harness.platform.invokeResolver({
      moduleKey: 'flow-metrics-settings',
      functionKey: 'sendSlackDigest',
      payload: {},
      accountId: member,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('leaves out projects never synced, and posts nothing when none is', async () => {
    expect(await settings('setProjectMeasured', { projectKey: 'FLOW', measured: false })).toMatchObject({ ok: true });
    await harness.setValue('settings:measured-projects', ['BIG']);
    await harness.platform.runScheduledTrigger(TRIGGER);
    expect(lastDigest()).toMatchObject({ outcome: 'skipped', skipped: ['BIG'], problem: 'No measured project has been synced yet.' });
    await harness.setValue('settings:measured-projects', []);
    await forgetDigests();
    await harness.platform.runScheduledTrigger(TRIGGER);
    expect(lastDigest()).toMatchObject({ outcome: 'skipped', problem: 'No project is measured.' });
  });

  it('never lets the token into a stored value, a log line or a message', () => {
    expect(everythingSeen()).not.toContain(slack.tokens.bot.token);
    expect(everythingSeen()).not.toContain(slack.tokens.bot.token.slice(-24));
  });
});
