import { blockKitProblems } from '../../dev/slack/block-kit';
import { DEMO_CHANNELS } from '../../dev/slack/demo-slack';
import { SyncHarness } from '../../dev/testing/local-sync-harness';
import { buildFlowMeasures, DEFAULT_FLOW_CONFIG, parseFlowConfig } from '../domain';
import { NAMED_PER_LIST } from '../app/slack-alerts/slack-alert-message';

/**
 * The Slack alerts on the local platform: the hourly sync queues them, the queue runs them against the stored
 * history of the simulated Jira site and posts to the simulated Slack. Which items are named is checked
 * against the project page's own report (its SLE and its aging items), computed here from the history the
 * page receives.
 */
const harness = new SyncHarness();
const { slack } = harness.simulateIntegrations();
afterAll(() => harness.close());

const settings = harness.settingsAs('admin');
const alertMessages = () =>
  slack.slack.messages(DEMO_CHANNELS.flowMetrics).filter((message) => message.text.startsWith('Flow alerts for '));
const keysNamed = (text: string) => [...text.matchAll(/\b(FLOW-\d+) \(/g)].map((match) => match[1]);

beforeAll(async () => {
  for (const projectKey of ['FLOW', 'SPR']) {
    expect(await settings('setProjectMeasured', { projectKey, measured: true })).toMatchObject({ ok: true });
  }
  await harness.platform.drainQueue();
  expect(await settings('connectSlack', { token: slack.tokens.bot.token, channelId: DEMO_CHANNELS.flowMetrics })).toMatchObject({
    ok: true,
  });
}, 120_000);

describe('Slack alerts', () => {
  it('are off until an admin turns them on, with a validated threshold', async () => {
    const off = (projectKey: string) => ({
      projectKey,
      serviceLevel: false,
      reviewWait: { enabled: false, hours: 24 },
      channelId: null,
      channel: { id: DEMO_CHANNELS.flowMetrics, name: 'flow-metrics', isPrivate: false, isMember: true },
      usesDigestChannel: true,
      lastRunAt: null,
      lastPostedAt: null,
      lastProblem: null,
    });
    expect(await settings('getSlackAlerts')).toEqual({ ok: true, data: { projects: [off('FLOW'), off('SPR')] } });
    for (const bad of [
      { projectKey: 'FLOW', serviceLevel: true, reviewWait: { enabled: true, hours: 0 }, channelId: null },
      { projectKey: 'FLOW', serviceLevel: true, reviewWait: { enabled: true, hours: 1.5 }, channelId: null },
      { projectKey: 'FLOW', serviceLevel: 'yes', reviewWait: { enabled: true, hours: 4 }, channelId: null },
      { projectKey: 'FLOW', serviceLevel: true, reviewWait: { enabled: true, hours: 4 }, channelId: '#general' },
      { projectKey: 'FLOW', serviceLevel: true, reviewWait: { enabled: true, hours: 4 } },
      { projectKey: 'flow; DROP', serviceLevel: true, reviewWait: { enabled: false, hours: 4 }, channelId: null },
    ]) {
      expect(await settings('saveSlackAlerts', bad)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(
      await settings('saveSlackAlerts', {
        projectKey: 'BUG',
        serviceLevel: true,
        reviewWait: { enabled: false, hours: 4 },
        channelId: null,
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await harness.settingsAs('member')('saveSlackAlerts', {
        projectKey: 'FLOW',
        serviceLevel: true,
        reviewWait: { enabled: false, hours: 4 },
        channelId: null,
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await harness.runScheduledSync();
    expect(alertMessages()).toEqual([]);
  });

  it("name the items past the page's SLE once, after the hourly sync, and not again", async () => {
    expect(
      await settings('saveSlackAlerts', {
        projectKey: 'FLOW',
        serviceLevel: true,
        reviewWait: { enabled: false, hours: 24 },
        channelId: null,
      }),
    ).toMatchObject({
      ok: true,
      data: {
        projects: [
          { projectKey: 'FLOW', serviceLevel: true },
          { projectKey: 'SPR', serviceLevel: false },
        ],
      },
    });
    await harness.runScheduledSync();
    const messages = alertMessages();
    expect(messages).toHaveLength(1);
    expect(blockKitProblems(messages[0]!.blocks)).toEqual([]);

    const { view, history } = await harness.viewedHistory('FLOW');
    const config = { ...(view.flowConfig ? parseFlowConfig(view.flowConfig) : DEFAULT_FLOW_CONFIG), workflow: view.workflow };
    const page = buildFlowMeasures(history!, config, { now: Date.now(), seed: 1 });
    const sle = page.serviceLevelExpectation.value!;
    const expected = page.aging.filter((item) => item.age > sle).sort((a, b) => b.age - a.age || a.key.localeCompare(b.key));
    expect(expected.length).toBeGreaterThan(0);
    expect(messages[0]!.text).toContain(`passed the SLE (${page.serviceLevelExpectation.percentile}% of items finish within ${sle} days)`);
    expect(keysNamed(messages[0]!.text)).toEqual(expected.slice(0, NAMED_PER_LIST).map((item) => item.key));
    expect(messages[0]!.text).toContain(`${expected[0]!.key} (${expected[0]!.stage}, ${expected[0]!.age} days)`);

    await harness.runScheduledSync();
    expect(alertMessages()).toHaveLength(1);
  }, 120_000);

  it("wait out Slack's 429 on the queue and post once", async () => {
    await harness.setValue('project:FLOW:slack-alert-state', { items: {}, pulls: [], posting: null, lastPosted: null });
    slack.slack.setRateLimited('chat.postMessage', 30, 1);
    const before = alertMessages().length;
    await harness.runScheduledSync();
    expect(alertMessages()).toHaveLength(before + 1);
    expect(
      harness.platform.logs
        .all()
        .some((line) => /\[slack-alerts\] nothing posted; continuing from FLOW in 30 s/.test(JSON.stringify(line))),
    ).toBe(true);
  }, 120_000);

  it('post nothing while the licence is inactive', async () => {
    await harness.setValue('project:FLOW:slack-alert-state', { items: {}, pulls: [], posting: null, lastPosted: null });
    const before = alertMessages().length;
    harness.platform.licence = { isActive: false };
    try {
      await harness.runScheduledSync();
      await harness.platform.drainQueue();
    } finally {
      harness.platform.licence = null;
    }
    expect(alertMessages()).toHaveLength(before);
  }, 120_000);

  it("go to each project's own channel, checked with Slack when saved, and the status says how they went", async () => {
    const save = (projectKey: string, channelId: string | null) =>
      settings('saveSlackAlerts', { projectKey, serviceLevel: true, reviewWait: { enabled: false, hours: 24 }, channelId });
    // Channels the bot cannot use are refused, and nothing is saved.
    for (const [channelId, words] of [
      [DEMO_CHANNELS.people, 'Slack cannot find channel G0PEOPLEHR1 for this bot'],
      [DEMO_CHANNELS.oldReleases, 'Channel #old-releases is archived'],
      ['C0NOSUCHCHAN', 'Slack cannot find channel C0NOSUCHCHAN'],
    ] as const) {
      expect(await save('FLOW', channelId)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringContaining(words) as unknown },
      });
    }
    const saved = await save('FLOW', DEMO_CHANNELS.leads);
    expect(saved).toMatchObject({
      ok: true,
      data: {
        projects: [
          {
            projectKey: 'FLOW',
            channelId: DEMO_CHANNELS.leads,
            channel: { id: DEMO_CHANNELS.leads, name: 'leads', isPrivate: true, isMember: true },
            usesDigestChannel: false,
          },
          { projectKey: 'SPR', channelId: null, channel: { id: DEMO_CHANNELS.flowMetrics }, usesDigestChannel: true },
        ],
      },
    });
    expect(await save('SPR', null)).toMatchObject({ ok: true });
    for (const projectKey of ['FLOW', 'SPR']) {
      await harness.setValue(`project:${projectKey}:slack-alert-state`, { items: {}, pulls: [], posting: null, lastPosted: null });
    }
    const before = slack.slack.messages().length;
    await harness.runScheduledSync();
    const posted = slack.slack.messages().slice(before);
    expect(posted.map((message) => [message.channel, message.text.split('\n')[0]])).toEqual([
      [DEMO_CHANNELS.leads, 'Flow alerts for FLOW'],
      [DEMO_CHANNELS.flowMetrics, 'Flow alerts for SPR'],
    ]);
    expect(posted[0]!.text).not.toMatch(/\bSPR-\d/);
    expect(posted[1]!.text).not.toMatch(/\bFLOW-\d/);

    // A channel the bot was never invited to is saved with a warning on the page; posting there fails for SPR only.
    expect(await save('SPR', DEMO_CHANNELS.teamAlpha)).toMatchObject({
      ok: true,
      data: { projects: [{ projectKey: 'FLOW' }, { projectKey: 'SPR', channel: { name: 'team-alpha', isMember: false } }] },
    });
    for (const projectKey of ['FLOW', 'SPR']) {
      await harness.setValue(`project:${projectKey}:slack-alert-state`, { items: {}, pulls: [], posting: null, lastPosted: null });
    }
    await harness.runScheduledSync();
    const status = await settings('getSlackAlerts');
    if (!status.ok) throw new Error(status.error.message);
    const [flow, spr] = status.data.projects;
    expect(flow).toMatchObject({
      lastRunAt: expect.any(String) as unknown,
      lastPostedAt: expect.any(String) as unknown,
      lastProblem: null,
    });
    expect(spr).toMatchObject({
      lastRunAt: flow!.lastRunAt,
      lastProblem: { kind: 'not-in-channel', text: 'The bot is not in #team-alpha: invite it (/invite) for alerts to be posted.' },
    });
    expect(slack.slack.messages(DEMO_CHANNELS.teamAlpha)).toEqual([]);
  }, 180_000);
});
