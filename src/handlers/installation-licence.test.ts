import { expect } from '@jest/globals';
import { WITHOUT_QUOTAS } from '../../dev/kvs';
import { DEMO_CHANNELS } from '../../dev/slack/demo-slack';
import { SyncHarness } from '../../dev/testing/local-sync-harness';
import { LICENCE_INACTIVE_MESSAGE } from '../shared/installation-licence';
import type { ProjectPageData } from '../shared/resolver-contract';

/**
 * The app on the local platform with Forge's licence in every function's context: with none (development,
 * staging, free apps) and with an active licence it works in full; with an inactive one it shows what it has,
 * says so, and stops the work that costs the site, deleting nothing, while the personal-data cycle and the
 * retention purge go on.
 */
// Many syncs replayed in seconds: the KVS quotas have their own tests (storage-quota.test.ts).
const harness = new SyncHarness({ kvsLimits: WITHOUT_QUOTAS });
const { slack } = harness.simulateIntegrations();
const settings = harness.settingsAs('admin');
const member = harness.user('member');
const MEASURED = ['FLOW', 'SPR'];

beforeAll(async () => {
  for (const projectKey of MEASURED)
    expect(await settings('setProjectMeasured', { projectKey, measured: true })).toMatchObject({ ok: true });
  expect(await settings('connectSlack', { token: slack.tokens.bot.token, channelId: DEMO_CHANNELS.flowMetrics })).toMatchObject({
    ok: true,
  });
  await harness.platform.drainQueue();
}, 120_000);

afterEach(() => {
  harness.platform.licence = null;
});
afterAll(() => harness.close());

const projectPage = () => harness.invoke<ProjectPageData>('getProjectPage', 'FLOW', member);
const projectSettings = () => settings('listProjectSettings');
const logLines = () => harness.platform.logs.all().map((line) => line.message);
/** Everything the app keeps, but the marker that throttles "sync now" (a refused request may still claim it). */
const stored = () => harness.snapshot(/^throttle:/);

describe.each([
  ['no licence (development)', null],
  ['an active licence', { isActive: true, isEvaluation: false, billingPeriod: 'MONTHLY' }],
])('with %s', (_, licence) => {
  beforeEach(() => {
    harness.platform.licence = licence;
  });

  it('says the licence is active on both pages', async () => {
    expect(await projectPage()).toMatchObject({ ok: true, data: { measured: true, licenceActive: true } });
    expect(await projectSettings()).toMatchObject({ ok: true, data: { licenceActive: true } });
  });

  it('queues every measured project on the hourly trigger', async () => {
    await expect(harness.platform.runScheduledTrigger('hourly-incremental-sync')).resolves.toEqual({ queued: MEASURED.length });
    await harness.platform.drainQueue();
  });
});

describe('with an inactive licence', () => {
  beforeEach(() => {
    harness.platform.licence = { isActive: false, isEvaluation: true, trialEndDate: '2026-11-30' };
  });

  it('tells the project page and the settings, and still shows what was collected', async () => {
    expect(await projectPage()).toMatchObject({ ok: true, data: { measured: true, licenceActive: false } });
    expect(await projectSettings()).toMatchObject({ ok: true, data: { licenceActive: false } });
    const { history } = await harness.viewedHistory('FLOW');
    expect(history).not.toBeNull();
  });

  it('refuses a sync or a digest asked for on the pages, saying why', async () => {
    const refusal = { ok: false, error: { code: 'NOT_CONFIGURED', message: expect.stringContaining(LICENCE_INACTIVE_MESSAGE) } };
    const before = stored();
    const posted = slack.slack.messages().length;
    expect(await harness.syncNow('FLOW')).toEqual(refusal);
    expect(await settings('requestProjectSync', { projectKey: 'FLOW', mode: 'sync-now' })).toEqual(refusal);
    expect(await settings('sendSlackDigest')).toEqual(refusal);
    expect(harness.platform.queue.size).toBe(0);
    expect(slack.slack.messages()).toHaveLength(posted);
    expect(stored()).toEqual(before);
    // Permission still comes first: someone who is not an admin learns nothing about the licence.
    expect(await harness.settingsAs('member')('sendSlackDigest')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('runs no sync, digest or issue event, reads nothing from Jira and deletes nothing', async () => {
    // A sync queued while the licence was active is delivered after it lapsed.
    harness.platform.licence = null;
    expect(await harness.syncNow('SPR')).toMatchObject({ ok: true });
    harness.platform.licence = { isActive: false };
    const before = stored();
    const posted = slack.slack.messages().length;
    await harness.resetStats();

    await expect(harness.platform.runScheduledTrigger('hourly-incremental-sync')).resolves.toEqual({ queued: 0 });
    await expect(harness.platform.drainQueue()).resolves.toEqual({ processed: 1 });
    await expect(harness.platform.runScheduledTrigger('weekly-slack-digest')).resolves.toBeNull();
    const issue = (await harness.jira<Array<Record<string, unknown>>>('GET', '/__jira/export?project=FLOW&maxResults=1')).body[0];
    await harness.resetStats();
    await expect(
      harness.platform.deliverProductEvent({
        eventType: 'avi:jira:updated:issue',
        issue: { ...issue, fields: { project: { key: 'FLOW' } } },
        changelog: { items: [{ field: 'status' }] },
      }),
    ).resolves.toBe(1);

    expect((await harness.stats()).total).toBe(0);
    expect(harness.platform.queue.failed).toEqual([]);
    expect(slack.slack.messages()).toHaveLength(posted);
    // Not a value changed: not the histories, not the sync states, not the last digest.
    expect(stored()).toEqual(before);
    expect(logLines()).toEqual(
      expect.arrayContaining([
        '[incremental-sync] licence inactive: no project queued',
        '[sync-job] sync-now sync of SPR: skipped, licence inactive',
        '[slack-digest] licence inactive: no digest posted',
      ]),
    );
  });

  it('goes on with the personal-data report and the retention purge, which are not features but duties', async () => {
    const report = (await harness.platform.runScheduledTrigger('weekly-personal-data-report')) as { kind: string };
    await harness.platform.drainQueue();
    expect(['finished', 'continues']).toContain(report.kind);
    const purge = (await harness.platform.runScheduledTrigger('daily-retention-purge')) as { outcome: { retentionDays: number } };
    expect(purge.outcome.retentionDays).toBeGreaterThan(0);
  });

  it('syncs again as soon as the licence is renewed', async () => {
    harness.platform.licence = { isActive: true };
    await expect(harness.platform.runScheduledTrigger('hourly-incremental-sync')).resolves.toEqual({ queued: MEASURED.length });
    await harness.platform.drainQueue();
    expect(harness.platform.queue.failed).toEqual([]);
    expect(logLines().filter((line) => line.startsWith('[sync-job] scheduled sync of SPR: '))).not.toEqual([]);
  });
});
