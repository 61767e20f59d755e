import { expect } from '@jest/globals';
import { DEMO_REPOSITORIES } from '../../dev/github/demo-github';
import { DEMO_CHANNELS } from '../../dev/slack/demo-slack';
import { connectionOf, createSettingsTestSite, dataOf, PEOPLE, type SettingsFunctionKey } from '../../dev/testing/settings-test-site';
import { DAMAGED_TOKEN_WARNING } from '../app/connections/unreadable-secret';

/**
 * A stored token that cannot be opened any more must not look healthy: the Slack bot's sealed value copied into
 * GitHub's slot carries a key id the app knows, yet opens only in its own slot.
 */
const site = createSettingsTestSite();
beforeAll(() => site.platform.install());
afterAll(() => site.platform.uninstall());
const admin = <Key extends SettingsFunctionKey>(functionKey: Key, payload: unknown = {}) => site.call(PEOPLE.admin, functionKey, payload);

it('shows the connection as damaged, asks for the token again, and the re-seal counts it unreadable', async () => {
  expect(
    await admin('connectGitHub', { token: site.github.tokens.readOnly.token, repositories: [DEMO_REPOSITORIES.webApp] }),
  ).toMatchObject({ ok: true });
  expect(await admin('connectSlack', { token: site.slack.tokens.bot.token, channelId: DEMO_CHANNELS.flowMetrics })).toMatchObject({
    ok: true,
  });
  expect(dataOf(await admin('getGitHubConnection'))).toMatchObject({ connected: true, sealedWithKeyId: expect.any(String) });
  expect(connectionOf(await admin('getGitHubConnection')).warnings).not.toContain(DAMAGED_TOKEN_WARNING);

  const slackSealed = site.kvs.listSecrets().find((entry) => entry.key === 'secret:slack-bot-token')!.value;
  await site.kvs.fetch('/api/v1/secret/set', { method: 'POST', body: JSON.stringify({ key: 'secret:github-token', value: slackSealed }) });

  const github = connectionOf(await admin('getGitHubConnection'));
  expect(github).toMatchObject({ connected: true, sealedWithKeyId: null });
  expect(github.warnings[0]).toBe(DAMAGED_TOKEN_WARNING);
  expect(DAMAGED_TOKEN_WARNING).toMatch(/damaged.*reconnect/);
  // The Slack token itself is fine.
  expect(dataOf(await admin('getSlackConnection'))).toMatchObject({ sealedWithKeyId: expect.any(String) });
  expect(dataOf(await admin('resealSecrets'))).toMatchObject({ unreadable: 1, alreadyCurrent: 1 });
  // Disconnecting still removes it, and says so in the audit log.
  expect(await admin('disconnectGitHub')).toMatchObject({ ok: true, data: { connected: false } });
  expect(site.kvs.listSecrets().map((entry) => entry.key)).toEqual(['secret:slack-bot-token']);
  expect(dataOf(await admin('getAuditLog')).entries[0]).toMatchObject({ action: 'github.disconnected' });
});
