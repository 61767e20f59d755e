import { DEMO_GITHUB_LOGIN, DEMO_REPOSITORIES } from '../../dev/github/demo-github';
import { createSettingsTestSite, PEOPLE, type SettingsFunctionKey } from '../../dev/testing/settings-test-site';
import { storageKeys } from '../adapters/kvs/storage-keys';
import type { PurgeOutcome } from '../shared/resolver-contract';

/**
 * The daily retention purge reaches the watched repositories' pull requests: an admin shortens the window, and
 * the next purge drops every stored pull request merged or closed before its start, keeps the rest (open ones
 * whatever their age) exactly as they were, and counts what went. Run on the local platform; the store is read
 * whole before and after.
 */
const DAY = 86_400_000;

describe('the retention purge of pull requests', () => {
  const now = new Date();
  const site = createSettingsTestSite(() => now);
  beforeAll(() => site.platform.install());
  afterAll(() => site.platform.uninstall());
  const admin = async <Key extends SettingsFunctionKey>(functionKey: Key, payload: unknown = {}) => {
    const answer = await site.call(PEOPLE.admin, functionKey, payload);
    if (!answer.ok) throw new Error(`${functionKey}: ${answer.error.code} ${answer.error.message}`);
    return answer.data;
  };
  type StoredPull = { number: number; closedAt: number | null };
  const storedPulls = (repository: string): StoredPull[] =>
    site.kvs
      .listPlain(storageKeys.githubPullRequestShardPrefix(repository))
      .flatMap((entry) => (entry.value as { pulls: StoredPull[] }).pulls)
      .sort((a, b) => a.number - b.number);

  /** Per repository: #1 merged 100 days ago, #2 closed unmerged 50 days ago, #3 merged 10 days ago, #4 open since 200 days. */
  beforeAll(() => {
    for (const repository of [DEMO_REPOSITORIES.webApp, DEMO_REPOSITORIES.mobileApp]) {
      const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
      const base = { author: DEMO_GITHUB_LOGIN, title: 'FLOW-1 change', headRef: 'flow-1' };
      site.github.github.addPullRequest(repository, { ...base, createdAt: at(101), mergedAt: at(100) });
      site.github.github.addPullRequest(repository, { ...base, createdAt: at(52), closedAt: at(50) });
      site.github.github.addPullRequest(repository, { ...base, createdAt: at(12), mergedAt: at(10) });
      site.github.github.addPullRequest(repository, { ...base, createdAt: at(200) });
    }
  });

  it('drops what was merged or closed before the window, in every watched repository, and nothing else', async () => {
    await admin('connectGitHub', {
      token: site.github.tokens.readOnly.token,
      repositories: [DEMO_REPOSITORIES.webApp, DEMO_REPOSITORIES.mobileApp],
    });
    await site.platform.drainQueue();
    for (const repository of [DEMO_REPOSITORIES.webApp, DEMO_REPOSITORIES.mobileApp])
      expect(storedPulls(repository).map((pull) => pull.number)).toEqual([1, 2, 3, 4]);
    const before = new Map(site.kvs.listPlain().map((entry) => [entry.key, entry.value]));

    await admin('setRetention', { retentionDays: 30 });
    const result = (await site.platform.runScheduledTrigger('daily-retention-purge')) as { kind: string; outcome: PurgeOutcome };
    expect(result).toMatchObject({ kind: 'finished', outcome: { retentionDays: 30, removedPullRequests: 4 } });
    expect(result.outcome.removed).toBe(result.outcome.removedAuditEntries + result.outcome.removedIssues + 4);

    for (const repository of [DEMO_REPOSITORIES.webApp, DEMO_REPOSITORIES.mobileApp]) {
      const kept = storedPulls(repository);
      expect(kept.map((pull) => pull.number)).toEqual([3, 4]);
      // Kept exactly as they were stored.
      const earlier = (before.get(storageKeys.githubPullRequestShard(repository, 0)) as { pulls: StoredPull[] }).pulls;
      expect(kept).toEqual(earlier.filter((pull) => pull.number >= 3));
      // The sync's state is untouched: no re-read of what the purge dropped.
      expect(site.kvs.listPlain(storageKeys.githubRepositorySync(repository))[0]!.value).toEqual(
        before.get(storageKeys.githubRepositorySync(repository)),
      );
    }

    // A second run finds nothing more.
    await expect(site.platform.runScheduledTrigger('daily-retention-purge')).resolves.toMatchObject({
      outcome: { removedPullRequests: 0 },
    });
  });
});
