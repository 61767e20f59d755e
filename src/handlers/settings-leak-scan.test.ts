import { expect } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DEMO_REPOSITORIES } from '../../dev/github/demo-github';
import { DEMO_CHANNELS } from '../../dev/slack/demo-slack';
import { createSettingsTestSite, dataOf, PEOPLE, type SettingsFunctionKey } from '../../dev/testing/settings-test-site';
import { SEALING_KEYS_VARIABLE } from '../adapters/secrets/sealing-key-ring';
import { ERASE_CONFIRMATION_PHRASE } from '../shared/resolver-contract';
import { SETTINGS_FUNCTION_KEYS } from './settings-page-resolver';

/**
 * The leak scan: connect real-shaped tokens, exercise every settings function (successes, refusals, failures
 * and an internal error), and prove no token, nor any piece of one, appears in a resolver answer, a log line,
 * a plain KVS value or an export, and that the stored secrets do not hold them in clear.
 */
const site = createSettingsTestSite();
beforeAll(() => site.platform.install());
afterAll(() => site.platform.uninstall());

const TOKENS = [
  site.github.tokens.readOnly.token,
  site.github.tokens.narrow.token,
  site.github.tokens.classicBroad.token,
  site.github.tokens.expired.token,
  site.slack.tokens.bot.token,
  site.slack.tokens.chatOnly.token,
  site.slack.tokens.revoked.token,
];

/** A token's own random part: its prefix (`github_pat_`, `ghp_`, `xoxb-<numbers>-`) is public knowledge. */
function secretPart(token: string): string {
  return token.replace(/^github_pat_|^ghp_|^xoxb-\d+-\d+-/, '');
}

/** Every 10-character window of the random part, and the whole token in the encodings a leak might use. */
function leakProbes(token: string): string[] {
  const part = secretPart(token);
  const windows = Array.from({ length: part.length - 9 }, (_, i) => part.slice(i, i + 10));
  const encoded = [
    Buffer.from(token).toString('base64'),
    Buffer.from(token).toString('base64url'),
    Buffer.from(token).toString('hex'),
    encodeURIComponent(token),
  ];
  return [token, ...windows, ...encoded];
}

function expectNoToken(where: string, haystack: string): void {
  for (const token of TOKENS) {
    const found = leakProbes(token).find((probe) => haystack.includes(probe));
    // Name the place and the token's kind only: the failure message itself must not print the token.
    expect(found === undefined ? `${where}: clean` : `${where}: contains part of a ${token.slice(0, 4)}… token`).toBe(`${where}: clean`);
  }
}

const answers: unknown[] = [];
const exports: unknown[] = [];
async function call<Key extends SettingsFunctionKey>(accountId: string, functionKey: Key, payload: unknown = {}) {
  const answer = await site.call(accountId, functionKey, payload);
  answers.push({ functionKey, answer });
  return answer;
}
const admin = <Key extends SettingsFunctionKey>(functionKey: Key, payload: unknown = {}) => call(PEOPLE.admin, functionKey, payload);

async function exportEverything(): Promise<void> {
  let cursor: string | undefined;
  do {
    const chunk = await admin('exportAppData', cursor ? { cursor } : {});
    exports.push(chunk);
    cursor = dataOf(chunk).nextCursor ?? undefined;
  } while (cursor);
}

describe('the leak scan', () => {
  beforeAll(async () => {
    const github = site.github.tokens;
    const slack = site.slack.tokens;
    const repositories = [DEMO_REPOSITORIES.webApp, DEMO_REPOSITORIES.platformApi];

    // Projects and workflows, so every kind of stored value exists.
    await admin('listProjects');
    await admin('listProjectSettings');
    await admin('setProjectMeasured', { projectKey: 'FLOW', measured: true });
    const workflow = dataOf(await admin('getProjectWorkflow', { projectKey: 'FLOW' }));
    await admin('saveProjectWorkflow', { projectKey: 'FLOW', workflow: workflow.workflow, conventions: workflow.conventions });
    await admin('requestProjectSync', { projectKey: 'FLOW', mode: 'sync-now' });
    await admin('requestProjectSync', { projectKey: 'FLOW', mode: 'rebuild' });
    await admin('resetProjectWorkflow', { projectKey: 'FLOW' });

    // GitHub: connect, replace, refusals, tokens in the wrong fields, a failed later check.
    await admin('connectGitHub', { token: github.readOnly.token, repositories });
    await admin('connectGitHub', { token: github.expired.token, repositories });
    await admin('connectGitHub', { token: github.readOnly.token, repositories: [github.narrow.token] });
    await admin('connectGitHub', { token: github.readOnly.token, repositories, note: github.narrow.token });
    await admin('connectGitHub', { token: `${github.readOnly.token} ${github.narrow.token}`, repositories });
    await admin('connectGitHub', { token: github.classicBroad.token, repositories });
    await admin('connectGitHub', { token: github.narrow.token, repositories });
    await admin('updateGitHubRepositories', { repositories: [DEMO_REPOSITORIES.webApp] });
    await admin('getGitHubConnection');

    // Slack: connect, refusals, tokens in the wrong fields, a failed and a successful test message.
    await admin('connectSlack', { token: slack.chatOnly.token, channelId: DEMO_CHANNELS.flowMetrics });
    await admin('connectSlack', { token: slack.revoked.token, channelId: DEMO_CHANNELS.flowMetrics });
    await admin('connectSlack', { token: slack.bot.token, channelId: slack.bot.token });
    await admin('connectSlack', { token: github.readOnly.token, channelId: DEMO_CHANNELS.flowMetrics });
    await admin('connectSlack', { token: slack.bot.token, channelId: DEMO_CHANNELS.teamAlpha });
    await admin('sendSlackTestMessage');
    site.slack.slack.setBotMembership(DEMO_CHANNELS.teamAlpha, true);
    await admin('sendSlackTestMessage');
    await admin('sendSlackDigest');
    await admin('updateSlackChannel', { channelId: DEMO_CHANNELS.leads });
    await admin('updateSlackChannel', { channelId: slack.chatOnly.token });
    await admin('getSlackConnection');

    // An unexpected storage failure while storing a token: answered INTERNAL, logged by class name only.
    site.kvs.setFaults({ failNextWrites: 1, failWritesWith: 500 });
    await admin('connectGitHub', { token: github.readOnly.token, repositories });
    site.kvs.setFaults({});
    await admin('connectGitHub', { token: github.narrow.token, repositories });

    // Data and privacy, with a key rotation and the daily job's re-seal.
    await admin('getDataPrivacy');
    await admin('setRetention', { retentionDays: 400 });
    await admin('purgeNow');
    site.platform.environment.set(
      SEALING_KEYS_VARIABLE,
      `rotated:${randomBytes(32).toString('base64')},${process.env[SEALING_KEYS_VARIABLE]}`,
    );
    await admin('resealSecrets');
    await site.platform.runScheduledTrigger('daily-retention-purge');
    await admin('getAuditLog');
    await exportEverything();

    // Later failures with the stored tokens: revoked on the services' side.
    site.github.github.revokeToken(github.narrow.token);
    await admin('updateGitHubRepositories', { repositories });
    site.slack.slack.revokeToken(slack.bot.token);
    await admin('sendSlackTestMessage');
    await admin('updateSlackChannel', { channelId: DEMO_CHANNELS.flowMetrics });
    await admin('sendSlackDigest');

    // Everyone else, with tokens in their payloads.
    for (const accountId of [PEOPLE.member, PEOPLE.outsider]) {
      for (const functionKey of SETTINGS_FUNCTION_KEYS) {
        await call(accountId, functionKey, { token: github.readOnly.token, channelId: slack.bot.token });
      }
    }
    await exportEverything();
  });

  it('exercised every settings function', () => {
    const called = new Set((answers as Array<{ functionKey: string }>).map((entry) => entry.functionKey));
    expect(SETTINGS_FUNCTION_KEYS.filter((key) => key !== 'eraseAllAppData' && !called.has(key))).toEqual([]);
    expect(TOKENS).toHaveLength(new Set(TOKENS).size);
  });

  it('finds no token in any resolver answer', () => {
    expectNoToken('resolver answers', JSON.stringify(answers));
    // The refusals above really happened, and were explained.
    expect(JSON.stringify(answers)).toContain('GitHub did not accept this token');
    expect(JSON.stringify(answers)).toContain('must be a Slack channel id');
    expect(JSON.stringify(answers)).toContain('"code":"INTERNAL"');
  });

  it('finds no token in any log line', () => {
    const logs = site.platform.logs.all();
    expect(logs.some((line) => line.message.includes('connectGitHub failed unexpectedly'))).toBe(true);
    expectNoToken('logs', JSON.stringify(logs));
  });

  it('finds no token in any plain KVS value', () => {
    const plain = site.kvs.listPlain();
    expect(plain.map((entry) => entry.key)).toEqual(expect.arrayContaining(['connection:github', 'connection:slack', 'audit:head']));
    expectNoToken('plain KVS values', JSON.stringify(plain));
  });

  it('finds no token in any export', () => {
    expect(exports.length).toBeGreaterThanOrEqual(2);
    expectNoToken('exports', JSON.stringify(exports));
  });

  it('keeps the tokens only as sealed secrets, never in clear', () => {
    const secrets = site.kvs.listSecrets();
    expect(secrets.map((entry) => entry.key).sort()).toEqual(['secret:github-token', 'secret:slack-bot-token']);
    for (const { value } of secrets) expect(value).toMatchObject({ format: 'flow-metrics-sealed/1', keyId: 'rotated' });
    expectNoToken('stored secrets', JSON.stringify(secrets));
  });

  it('records the refused attempts in the audit log, with why but no token', async () => {
    const entries: Array<{ action: string; details: Record<string, unknown> }> = [];
    let cursor: string | null = null;
    do {
      const page: { entries: typeof entries; olderCursor: string | null } = dataOf(await admin('getAuditLog', cursor ? { cursor } : {}));
      entries.push(...page.entries);
      cursor = page.olderCursor;
    } while (cursor);
    const refused = entries.filter((entry) => /-refused$|-failed$/.test(entry.action));
    expect(new Set(refused.map((entry) => entry.action))).toEqual(
      new Set([
        'github.connect-refused',
        'github.repositories-change-refused',
        'slack.connect-refused',
        'slack.channel-change-refused',
        'slack.test-message-failed',
      ]),
    );
    expect(refused.map((entry) => `${entry.action} ${String(entry.details['reason'])}`)).toEqual(
      expect.arrayContaining([
        'github.connect-refused bad-credentials',
        'github.repositories-change-refused bad-credentials',
        'slack.connect-refused bad-credentials',
        'slack.connect-refused missing-scope',
        'slack.channel-change-refused bad-credentials',
        'slack.test-message-failed not-in-channel',
        'slack.test-message-failed bad-credentials',
      ]),
    );
    expectNoToken('refused attempts in the audit log', JSON.stringify(refused));
    expectNoToken('resolver answers', JSON.stringify(answers));
    expectNoToken('plain KVS values', JSON.stringify(site.kvs.listPlain()));
  });

  it('leaves nothing behind after "erase all app data"', async () => {
    await admin('eraseAllAppData', { confirmation: ERASE_CONFIRMATION_PHRASE });
    expect(site.kvs.listSecrets()).toEqual([]);
    expectNoToken('plain KVS values after erase', JSON.stringify(site.kvs.listPlain()));
    expectNoToken('resolver answers after erase', JSON.stringify(answers));
  });
});
