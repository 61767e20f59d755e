import { expect } from '@jest/globals';
import { DEMO_GITHUB_LOGIN, DEMO_REPOSITORIES } from '../../dev/github/demo-github';
import { createSettingsTestSite, PEOPLE } from '../../dev/testing/settings-test-site';
import { LICENCE_INACTIVE_MESSAGE } from '../shared/installation-licence';

/**
 * Reading GitHub costs the site: while its licence is inactive (Forge's licence in every function's context,
 * switched on the local platform) no GitHub request is made, by the hourly trigger, by a job queued before the
 * licence lapsed, or by connecting GitHub or adding a repository; once it is renewed the reading goes on.
 */
const DAY = 86_400_000;

describe('GitHub work and the licence', () => {
  const now = new Date();
  const site = createSettingsTestSite(() => now);
  const github = site.github.github;
  beforeAll(() => site.platform.install());
  afterAll(() => site.platform.uninstall());
  afterEach(() => {
    site.platform.licence = null;
  });
  const githubJobs = () => site.platform.queue.peek().filter((event) => event.queueName === 'github-sync-jobs');
  const storedPulls = () => site.kvs.listPlain('github:repo:').filter((entry) => entry.key.includes(':pulls:'));

  beforeAll(() => {
    for (const repository of [DEMO_REPOSITORIES.webApp, DEMO_REPOSITORIES.mobileApp]) {
      const createdAt = new Date(now.getTime() - 5 * DAY);
      github.addPullRequest(repository, {
        title: 'FLOW-1 change',
        author: DEMO_GITHUB_LOGIN,
        headRef: 'flow-1',
        createdAt,
        mergedAt: new Date(createdAt.getTime() + DAY),
      });
    }
  });

  it('asks GitHub nothing while the licence is inactive, and reads again once it is renewed', async () => {
    // Connected while active: the backfill job is queued, then the licence lapses before it runs.
    const connected = await site.call(PEOPLE.admin, 'connectGitHub', {
      token: site.github.tokens.readOnly.token,
      repositories: [DEMO_REPOSITORIES.webApp],
    });
    expect(connected).toMatchObject({ ok: true });
    expect(githubJobs()).toHaveLength(1);
    site.platform.licence = { isActive: false, isEvaluation: true, trialEndDate: '2026-11-30' };
    const requestsBefore = github.requests().length;

    await site.platform.drainQueue();
    await expect(site.platform.runScheduledTrigger('hourly-github-sync')).resolves.toEqual({ queued: 0 });
    const refusal = { ok: false, error: { code: 'NOT_CONFIGURED', message: expect.stringContaining(LICENCE_INACTIVE_MESSAGE) } };
    await expect(
      site.call(PEOPLE.admin, 'connectGitHub', { token: site.github.tokens.readOnly.token, repositories: [DEMO_REPOSITORIES.webApp] }),
    ).resolves.toEqual(refusal);
    await expect(
      site.call(PEOPLE.admin, 'updateGitHubRepositories', { repositories: [DEMO_REPOSITORIES.webApp, DEMO_REPOSITORIES.mobileApp] }),
    ).resolves.toEqual(refusal);

    expect(github.requests()).toHaveLength(requestsBefore);
    expect(githubJobs()).toEqual([]);
    expect(storedPulls()).toEqual([]);

    site.platform.licence = { isActive: true };
    await expect(site.platform.runScheduledTrigger('hourly-github-sync')).resolves.toEqual({ queued: 1 });
    await site.platform.drainQueue();
    expect(storedPulls()).not.toEqual([]);
  });
});
