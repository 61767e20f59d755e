import { expect } from '@jest/globals';
import { DEMO_REPOSITORIES } from '../../dev/github/demo-github';
import { DEMO_CHANNELS } from '../../dev/slack/demo-slack';
import { SyncHarness } from '../../dev/testing/local-sync-harness';
import { dataOf } from '../../dev/testing/settings-test-site';
import { ERASE_CONFIRMATION_PHRASE } from '../shared/resolver-contract';

/**
 * "Erase all app data" on an installation in full use: synced project histories (shards, manifests, cursors,
 * sync states), workflows, both tokens, an audit log, the personal-data index and the last job outcomes. Afterwards
 * the whole emulated store is listed, every plain value and every secret: only the record of the erasure is left
 * (its audit entry, and the count of erasures the sync jobs check).
 */
const harness = new SyncHarness();
const { github, slack } = harness.simulateIntegrations();
afterAll(() => harness.close());

const admin = harness.user('admin');
const settings = harness.settingsAs('admin');

it('leaves no key and no secret of the installation but the record of the erasure', async () => {
  for (const projectKey of ['FLOW', 'SPR']) await settings('setProjectMeasured', { projectKey, measured: true });
  await harness.platform.drainQueue();
  const workflow = dataOf(await settings('getProjectWorkflow', { projectKey: 'FLOW' }));
  await settings('saveProjectWorkflow', { projectKey: 'FLOW', workflow: workflow.workflow, conventions: workflow.conventions });
  expect(await settings('connectGitHub', { token: github.tokens.readOnly.token, repositories: [DEMO_REPOSITORIES.webApp] })).toMatchObject({
    ok: true,
  });
  expect(await settings('connectSlack', { token: slack.tokens.bot.token, channelId: DEMO_CHANNELS.flowMetrics })).toMatchObject({
    ok: true,
  });
  await settings('setRetention', { retentionDays: 365 });
  await harness.platform.runScheduledTrigger('daily-retention-purge');
  await harness.platform.runScheduledTrigger('weekly-personal-data-report');
  await harness.platform.drainQueue();

  // Everything the app can store is there before: history shards, secrets, the index, the job outcomes.
  const keys = harness.kvs.listPlain().map((entry) => entry.key);
  for (const expected of [
    /^project:FLOW:shard:/,
    /^project:SPR:history$/,
    /^project:FLOW:flow-config$/,
    /^project:FLOW:overview-summary$/,
    /^project:SPR:sync-cursor$/,
    /^connection:github$/,
    /^connection:slack$/,
    /^audit:page:/,
    /^personal-data:account:/,
    /^retention:last-purge$/,
    /^privacy:last-report$/,
  ]) {
    expect([expected.source, keys.some((key) => expected.test(key))]).toEqual([expected.source, true]);
  }
  expect(harness.kvs.listSecrets().map((entry) => entry.key)).toEqual(['secret:github-token', 'secret:slack-bot-token']);

  let answer: Awaited<ReturnType<typeof settings<'eraseAllAppData'>>>;
  do answer = await settings('eraseAllAppData', { confirmation: ERASE_CONFIRMATION_PHRASE });
  while (answer.ok && !answer.data.done);
  expect(answer).toMatchObject({ ok: true, data: { done: true, erasedSecrets: 2 } });

  expect(harness.kvs.listSecrets()).toEqual([]);
  const left = harness.kvs.listPlain();
  // The erasure count stays: sync jobs queued before the erasure must know to write nothing.
  expect(left.map((entry) => entry.key)).toEqual([
    'audit:head',
    'audit:page:00000001',
    `personal-data:account:${admin}`,
    'privacy:erasure-generation',
  ]);
  expect(left[3]!.value).toBe(1);
  const entries = (left[1]!.value as { entries: Array<{ action: string; actorAccountId: string }> }).entries;
  expect(entries).toEqual([expect.objectContaining({ action: 'data.erased', actorAccountId: admin })]);

  // Nothing is measured any more, so the next scheduled runs store nothing again.
  await harness.runScheduledSync();
  await harness.platform.runScheduledTrigger('daily-retention-purge');
  expect(harness.kvs.listPlain().map((entry) => entry.key)).toEqual([
    'audit:head',
    'audit:page:00000001',
    `personal-data:account:${admin}`,
    'privacy:erasure-generation',
    'retention:last-purge',
  ]);
});
