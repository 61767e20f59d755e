import { DEMO_GITHUB_LOGIN, DEMO_REPOSITORIES } from '../../dev/github/demo-github';
import { createSettingsTestSite, dataOf, PEOPLE, type SettingsFunctionKey } from '../../dev/testing/settings-test-site';
import { storageKeys } from '../adapters/kvs/storage-keys';
import { LOCKFILE_NAMES } from '../domain';

/**
 * The admin's generated-file patterns, through the settings resolver on the local platform: validated as the
 * form validates them, stored, audited, refused to anyone but an admin, and used by the pull-request sync's
 * size figures (a file a pattern names does not count).
 */
describe('the generated paths setting', () => {
  const now = new Date();
  const site = createSettingsTestSite(() => now);
  beforeAll(() => site.platform.install());
  afterAll(() => site.platform.uninstall());
  const call = <Key extends SettingsFunctionKey>(who: string, functionKey: Key, payload: unknown = {}) =>
    site.call(who, functionKey, payload);
  const stored = () =>
    site.kvs.listPlain(storageKeys.githubGeneratedPaths).find((entry) => entry.key === storageKeys.githubGeneratedPaths)?.value;

  it('starts empty, listing the lockfiles that are always left out', async () => {
    await expect(call(PEOPLE.admin, 'getGeneratedPaths')).resolves.toEqual({
      ok: true,
      data: { patterns: [], lockfiles: [...LOCKFILE_NAMES], limits: { maxPatterns: 50, maxLength: 200 } },
    });
  });

  it('stores a valid list, trimmed, and audits the change', async () => {
    const answer = await call(PEOPLE.admin, 'setGeneratedPaths', { patterns: [' src/api/generated/** ', '**/*.pb.go'] });
    expect(answer).toMatchObject({ ok: true, data: { patterns: ['src/api/generated/**', '**/*.pb.go'] } });
    expect(stored()).toEqual({ version: 2, patterns: ['src/api/generated/**', '**/*.pb.go'] });
    const log = await call(PEOPLE.admin, 'getAuditLog');
    expect(dataOf(log).entries[0]).toMatchObject({ action: 'github.generated-paths-changed', details: { patterns: 2, previously: 0 } });
  });

  it.each([
    ['a negative pattern', ['!keep.js'], /negative/],
    ['a character paths do not use', ['src/[ab].js'], /character/],
    ['a pattern naming every file', ['**'], /every file/],
    ['a pattern twice', ['a/**', 'a/**'], /twice/],
    ['too many patterns', Array.from({ length: 51 }, (_, i) => `g${i}/**`), /at most 50/],
    ['a pattern too long', ['x'.repeat(201)], /at most 200/],
  ])('refuses %s and keeps the stored list', async (_, patterns, message) => {
    const answer = await call(PEOPLE.admin, 'setGeneratedPaths', { patterns });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) as unknown } });
    expect(stored()).toEqual({ version: 2, patterns: ['src/api/generated/**', '**/*.pb.go'] });
  });

  it('is for admins only', async () => {
    for (const who of [PEOPLE.member, PEOPLE.outsider]) {
      await expect(call(who, 'setGeneratedPaths', { patterns: [] })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      await expect(call(who, 'getGeneratedPaths')).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(stored()).toEqual({ version: 2, patterns: ['src/api/generated/**', '**/*.pb.go'] });
  });

  it('leaves the listed files out of the sizes the sync stores', async () => {
    const repository = DEMO_REPOSITORIES.mobileApp;
    site.github.github.addPullRequest(repository, {
      title: 'FLOW-1 regenerate the API client',
      author: DEMO_GITHUB_LOGIN,
      headRef: 'flow-1',
      createdAt: new Date(now.getTime() - 3_600_000),
      files: [
        { path: 'src/api/generated/client.ts', additions: 900, deletions: 400 },
        { path: 'proto/user.pb.go', additions: 300, deletions: 0 },
        { path: 'yarn.lock', additions: 50, deletions: 10 },
        { path: 'src/api/client.ts', additions: 12, deletions: 3 },
      ],
    });
    await call(PEOPLE.admin, 'connectGitHub', { token: site.github.tokens.readOnly.token, repositories: [repository] });
    await site.platform.drainQueue();
    const [shard] = site.kvs.listPlain(storageKeys.githubPullRequestShardPrefix(repository));
    expect((shard!.value as { pulls: unknown[] }).pulls).toEqual([
      expect.objectContaining({ number: 1, additions: 12, deletions: 3, changedFiles: 1 }),
    ]);
  });

  it('clears the list', async () => {
    await expect(call(PEOPLE.admin, 'setGeneratedPaths', { patterns: [] })).resolves.toMatchObject({ ok: true, data: { patterns: [] } });
    expect(stored()).toBeUndefined();
  });
});
