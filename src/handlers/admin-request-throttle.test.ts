import { expect } from '@jest/globals';
import { DEMO_REPOSITORIES } from '../../dev/github/demo-github';
import { DEMO_CHANNELS } from '../../dev/slack/demo-slack';
import { forgetRequestThrottles } from '../../dev/testing/request-throttles';
import { createSettingsTestSite, dataOf, PEOPLE, type SettingsFunctionKey } from '../../dev/testing/settings-test-site';
import { REQUEST_PERIOD_SECONDS, waitInWords } from '../app/access/admin-request-throttle';

/**
 * The settings page's expensive requests, asked for twice in a row as a script (or an impatient admin) would:
 * the second is refused before it costs anything elsewhere, says when to ask again, and is audited.
 */
const site = createSettingsTestSite();
site.keepRequestThrottles = true;
beforeAll(() => site.platform.install());
afterAll(() => site.platform.uninstall());

const admin = <Key extends SettingsFunctionKey>(functionKey: Key, payload: unknown = {}) => site.call(PEOPLE.admin, functionKey, payload);
const forgetThrottles = () => forgetRequestThrottles(site.kvs);
const TRY_AGAIN = /Try again in (\d+ seconds|a minute|\d+ minutes)\.$/;

async function auditActions(): Promise<Array<{ action: string; subject: string | null; details: Record<string, unknown> }>> {
  return dataOf(await admin('getAuditLog')).entries;
}

/** What the outside world was asked: GitHub keeps a log; Slack's requests are counted on their way. */
let slackRequests = 0;
site.platform.simulateExternal('https://slack.com', {
  handle: (request) => {
    slackRequests += 1;
    return site.slack.slack.handle(request);
  },
});
const outsideCalls = () => ({ github: site.github.github.requests().length, slack: slackRequests, queued: site.platform.queue.size });

beforeAll(async () => {
  expect(await admin('setProjectMeasured', { projectKey: 'FLOW', measured: true })).toMatchObject({ ok: true });
  expect(await admin('setProjectMeasured', { projectKey: 'WEB', measured: true })).toMatchObject({ ok: true });
});

const connectGitHub = { token: () => site.github.tokens.readOnly.token, repositories: [DEMO_REPOSITORIES.webApp] };

it.each([
  ['requestProjectSync', () => ({ projectKey: 'FLOW', mode: 'rebuild' }), 'rebuild', 'FLOW'],
  ['connectGitHub', () => ({ token: connectGitHub.token(), repositories: connectGitHub.repositories }), 'github-connection', null],
  ['updateGitHubRepositories', () => ({ repositories: [DEMO_REPOSITORIES.mobileApp] }), 'github-connection', null],
  ['connectSlack', () => ({ token: site.slack.tokens.bot.token, channelId: DEMO_CHANNELS.flowMetrics }), 'slack-connection', null],
  ['sendSlackTestMessage', () => ({}), 'slack-test-message', null],
  ['purgeNow', () => ({}), 'purge-now', null],
] as const)(
  '%s a second time within its period is refused, says when to ask again, and is audited',
  async (functionKey, payload, request, subject) => {
    // The throttles of the others do not count: each kind of request has its own.
    await forgetThrottles();
    if (functionKey === 'updateGitHubRepositories' || functionKey === 'sendSlackTestMessage') {
      // These need a connection; making it claims the connection's own turn, which is then given back for the test.
      await admin(
        functionKey === 'updateGitHubRepositories' ? 'connectGitHub' : 'connectSlack',
        functionKey === 'updateGitHubRepositories'
          ? { token: connectGitHub.token(), repositories: connectGitHub.repositories }
          : { token: site.slack.tokens.bot.token, channelId: DEMO_CHANNELS.flowMetrics },
      );
      await forgetThrottles();
    }
    expect(await admin(functionKey, payload())).toMatchObject({ ok: true });
    const before = outsideCalls();
    const refused = await admin(functionKey, payload());
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(TRY_AGAIN) } });
    // Refused before anything was asked of GitHub or Slack, or queued.
    expect(outsideCalls()).toEqual(before);
    const [newest] = await auditActions();
    expect(newest).toMatchObject({ action: 'request.rate-limited', subject, details: { request, acceptedAgainAt: expect.any(String) } });
    const acceptedAgainAt = Date.parse(String(newest!.details['acceptedAgainAt']));
    expect(acceptedAgainAt - Date.now()).toBeGreaterThan(0);
    expect(acceptedAgainAt - Date.now()).toBeLessThanOrEqual(REQUEST_PERIOD_SECONDS[request] * 1000);
  },
);

it('gives each project its own rebuild turn', async () => {
  await forgetThrottles();
  expect(await admin('requestProjectSync', { projectKey: 'FLOW', mode: 'rebuild' })).toMatchObject({ ok: true });
  expect(await admin('requestProjectSync', { projectKey: 'FLOW', mode: 'rebuild' })).toMatchObject({
    ok: false,
    error: { code: 'RATE_LIMITED' },
  });
  expect(await admin('requestProjectSync', { projectKey: 'WEB', mode: 'rebuild' })).toMatchObject({ ok: true });
  // An incremental "sync now" of a project is not a rebuild.
  expect(await admin('requestProjectSync', { projectKey: 'FLOW', mode: 'sync-now' })).toMatchObject({ ok: true });
});

it('uses up no turn on a request refused for another reason', async () => {
  await forgetThrottles();
  // A member is refused before anything is claimed; so is an unmeasured project's rebuild.
  expect(await site.call(PEOPLE.member, 'purgeNow')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await admin('requestProjectSync', { projectKey: 'NOPE', mode: 'rebuild' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(site.kvs.listPlain('throttle:')).toEqual([]);
  expect(await admin('purgeNow')).toMatchObject({ ok: true });
});

it('words the wait so the request is accepted by then', () => {
  expect(waitInWords(500)).toBe('a second');
  expect(waitInWords(30_000)).toBe('30 seconds');
  expect(waitInWords(60_000)).toBe('a minute');
  expect(waitInWords(60_001)).toBe('2 minutes');
});
