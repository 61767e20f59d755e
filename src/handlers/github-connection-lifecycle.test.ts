import { DEMO_GITHUB_LOGIN, DEMO_REPOSITORIES } from '../../dev/github/demo-github';
import { connectionOf, createSettingsTestSite, PEOPLE, type SettingsFunctionKey } from '../../dev/testing/settings-test-site';

/**
 * What a GitHub connection starts and ends, on the local platform with the real SDKs: connecting (or adding
 * a repository) queues its backfill at once; removing a repository or disconnecting deletes what was read from
 * it, and disconnecting deletes both GitHub secrets, audited. The store is read whole afterwards.
 */
const DAY = 86_400_000;

describe('a GitHub connection, from connect to disconnect', () => {
  const now = new Date();
  const site = createSettingsTestSite(() => now);
  beforeAll(() => site.platform.install());
  afterAll(() => site.platform.uninstall());
  const admin = async <Key extends SettingsFunctionKey>(functionKey: Key, payload: unknown = {}) => {
    const answer = await site.call(PEOPLE.admin, functionKey, payload);
    if (!answer.ok) throw new Error(`${functionKey}: ${answer.error.code} ${answer.error.message}`);
    return answer.data;
  };
  const githubKeys = () => site.kvs.listPlain('github:').map((entry) => entry.key);
  const githubJobs = () =>
    site.platform.queue
      .peek()
      .filter((event) => event.queueName === 'github-sync-jobs')
      .map((event) => event.body);

  beforeAll(() => {
    for (const repository of [DEMO_REPOSITORIES.webApp, DEMO_REPOSITORIES.mobileApp, DEMO_REPOSITORIES.platformApi]) {
      for (let k = 0; k < 3; k++) {
        const createdAt = new Date(now.getTime() - (10 - k) * DAY);
        site.github.github.addPullRequest(repository, {
          title: `FLOW-${k + 1} change`,
          author: DEMO_GITHUB_LOGIN,
          headRef: `flow-${k + 1}`,
          createdAt,
          mergedAt: new Date(createdAt.getTime() + DAY),
        });
      }
    }
  });

  it('queues the backfill of every repository the token can see as it connects, and shows how it stands', async () => {
    const connected = connectionOf(
      await site.call(PEOPLE.admin, 'connectGitHub', {
        token: site.github.tokens.narrow.token,
        repositories: [DEMO_REPOSITORIES.webApp, DEMO_REPOSITORIES.platformApi],
      }),
    );
    // The narrow token sees web-app only: only it is queued and shown.
    expect(githubJobs()).toEqual([{ repository: DEMO_REPOSITORIES.webApp }]);
    expect(connected.pullRequestSync).toEqual([
      expect.objectContaining({ fullName: DEMO_REPOSITORIES.webApp, status: 'never', pass: null }),
    ]);

    await site.platform.drainQueue();
    const after = connectionOf(await site.call(PEOPLE.admin, 'getGitHubConnection'));
    expect(after.pullRequestSync).toEqual([
      expect.objectContaining({
        fullName: DEMO_REPOSITORIES.webApp,
        status: 'ok',
        pass: null,
        lastCompletedAt: expect.stringMatching(/^\d{4}-/) as unknown,
      }),
    ]);
    expect(githubKeys().sort()).toEqual(['github:repo:acme-flow:web-app:pulls:0', 'github:repo:acme-flow:web-app:sync']);
  });

  it('queues every repository again for a new token (a refused one resumes), and only added ones on a change of list', async () => {
    await admin('connectGitHub', {
      token: site.github.tokens.readOnly.token,
      repositories: [DEMO_REPOSITORIES.webApp, DEMO_REPOSITORIES.mobileApp],
    });
    expect(githubJobs()).toEqual([{ repository: DEMO_REPOSITORIES.webApp }, { repository: DEMO_REPOSITORIES.mobileApp }]);
    await site.platform.drainQueue();

    await admin('updateGitHubRepositories', {
      repositories: [DEMO_REPOSITORIES.webApp, DEMO_REPOSITORIES.mobileApp, DEMO_REPOSITORIES.platformApi],
    });
    expect(githubJobs()).toEqual([{ repository: DEMO_REPOSITORIES.platformApi }]);
    await site.platform.drainQueue();
    expect(new Set(githubKeys().map((key) => key.split(':').slice(2, 4).join('/')))).toEqual(
      new Set([DEMO_REPOSITORIES.webApp, DEMO_REPOSITORIES.mobileApp, DEMO_REPOSITORIES.platformApi]),
    );
  });

  it('deletes what was read from a repository no longer watched, and says how much in the audit log', async () => {
    await admin('updateGitHubRepositories', { repositories: [DEMO_REPOSITORIES.webApp, DEMO_REPOSITORIES.platformApi] });
    expect(githubKeys().filter((key) => key.startsWith('github:repo:acme-flow:mobile-app:'))).toEqual([]);
    expect(githubKeys().filter((key) => key.startsWith('github:repo:acme-flow:web-app:'))).toHaveLength(2);
    expect(githubJobs()).toEqual([]);
    const log = await admin('getAuditLog');
    expect(log.entries[0]).toMatchObject({ action: 'github.repositories-changed', details: { erasedValues: 2 } });
  });

  it('disconnects, leaving nothing of GitHub in the store: no token, webhook secret, pull request, cursor or watermark', async () => {
    expect(site.kvs.listSecrets().map((entry) => entry.key)).toContain('secret:github-token');
    await admin('disconnectGitHub');
    const everything = [...site.kvs.listPlain(), ...site.kvs.listSecrets()];
    expect(everything.filter((entry) => /github/i.test(entry.key))).toEqual([]);
    // What is left names no repository and holds no pull request: the audit log, the admin's index entry.
    expect(JSON.stringify(everything.filter((entry) => !entry.key.startsWith('audit:')))).not.toMatch(/acme-flow|pulls/);
    const log = await admin('getAuditLog');
    expect(log.entries[0]).toMatchObject({
      action: 'github.disconnected',
      subject: DEMO_GITHUB_LOGIN,
      details: { erasedSecrets: 1, erasedValues: 4 },
    });
  });
});
