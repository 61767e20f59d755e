import { installKvsForEachTest } from '../../../dev/kvs/install-for-tests';
import { pullRequest } from '../../domain/testing/pull-request-fixture';
import { KvsPullRequestStore, PULLS_PER_SHARD } from './kvs-pull-request-store';
import { storageKeys } from './storage-keys';

describe('pull requests in KVS', () => {
  const emulator = installKvsForEachTest();
  const store = new KvsPullRequestStore();
  const REPOSITORY = 'Acme/web_app.v2';

  it('keeps pull requests in shards of consecutive numbers, rewriting only the shards a change touches', async () => {
    const pulls = Array.from({ length: 600 }, (_, i) =>
      pullRequest({ repository: REPOSITORY, number: i + 1, jiraKeys: [`FLOW-${i + 1}`] }),
    );
    await store.upsert(REPOSITORY, pulls, 0);
    const keys = emulator()
      .listPlain('github:repo:')
      .map((entry) => entry.key);
    expect(keys.sort()).toEqual([
      'github:repo:acme:web#app.v2:pulls:0',
      'github:repo:acme:web#app.v2:pulls:1',
      'github:repo:acme:web#app.v2:pulls:2',
    ]);
    expect(PULLS_PER_SHARD).toBe(250);

    const before = emulator()
      .listPlain('github:repo:')
      .map((entry) => JSON.stringify(entry));
    await store.upsert(REPOSITORY, [pullRequest({ repository: REPOSITORY, number: 260, jiraKeys: ['SPR-1'], additions: 5 })], 0);
    const after = emulator()
      .listPlain('github:repo:')
      .map((entry) => JSON.stringify(entry));
    expect(after.filter((entry) => !before.includes(entry))).toHaveLength(1); // shard 1 only

    const all = await store.readAll(REPOSITORY);
    expect(all).toHaveLength(600);
    expect(all.map((pull) => pull.number)).toEqual(pulls.map((pull) => pull.number));
    expect(all.find((pull) => pull.number === 260)).toMatchObject({ repository: REPOSITORY, jiraKeys: ['SPR-1'], additions: 5 });
  });

  it('drops pull requests closed before the retention window, and shards left empty', async () => {
    await store.upsert(
      REPOSITORY,
      [
        pullRequest({ repository: REPOSITORY, number: 3, closedAt: 1000 }),
        pullRequest({ repository: REPOSITORY, number: 300, closedAt: 1000 }),
      ],
      0,
    );
    await store.upsert(REPOSITORY, [pullRequest({ repository: REPOSITORY, number: 4, closedAt: 5000 })], 2000);
    expect((await store.readAll(REPOSITORY)).map((pull) => pull.number)).toEqual([4, 300]);
    await store.upsert(REPOSITORY, [pullRequest({ repository: REPOSITORY, number: 301, closedAt: 1500 })], 2000);
    expect((await store.readAll(REPOSITORY)).map((pull) => pull.number)).toEqual([4]);
    expect(emulator().listPlain(storageKeys.githubPullRequestShard(REPOSITORY, 1))).toEqual([]);
  });

  it('keeps the sync state beside them, and refuses a name that is not owner/repository', async () => {
    const state = {
      format: 1 as const,
      watermark: 5,
      pass: null,
      status: 'ok' as const,
      stoppedFor: null,
      resumeAt: null,
      lastRunAt: null,
      lastCompletedAt: null,
    };
    await store.writeState(REPOSITORY, state);
    await expect(store.readState(REPOSITORY)).resolves.toEqual(state);
    await expect(store.readState('not a repository')).rejects.toThrow('Not a GitHub repository name.');
  });

  it('purges the pull requests closed before a time, across shards, keeping open ones', async () => {
    await store.upsert(
      REPOSITORY,
      [
        pullRequest({ repository: REPOSITORY, number: 1, closedAt: 1000 }),
        pullRequest({ repository: REPOSITORY, number: 2, closedAt: null }),
        pullRequest({ repository: REPOSITORY, number: 251, closedAt: 1500 }),
        pullRequest({ repository: REPOSITORY, number: 252, closedAt: 3000 }),
        pullRequest({ repository: REPOSITORY, number: 501, closedAt: 900 }),
      ],
      0,
    );
    await expect(store.purgeClosedBefore(REPOSITORY, 2000)).resolves.toBe(3);
    expect((await store.readAll(REPOSITORY)).map((pull) => pull.number)).toEqual([2, 252]);
    expect(emulator().listPlain(storageKeys.githubPullRequestShard(REPOSITORY, 2))).toEqual([]);
    await expect(store.purgeClosedBefore(REPOSITORY, 2000)).resolves.toBe(0);
  });

  it('erases one repository whole, leaving a repository whose name it begins', async () => {
    const other = 'Acme/web_app.v2-legacy';
    const state = {
      format: 1 as const,
      watermark: 5,
      pass: null,
      status: 'ok' as const,
      stoppedFor: null,
      resumeAt: null,
      lastRunAt: null,
      lastCompletedAt: null,
    };
    for (const repository of [REPOSITORY, other]) {
      await store.upsert(
        repository,
        Array.from({ length: 30 }, (_, i) => pullRequest({ repository, number: i * 100 + 1 })),
        0,
      );
      await store.writeState(repository, state);
    }
    await expect(store.eraseRepository(REPOSITORY)).resolves.toBe(12 + 1); // shards 0 to 11, and the sync state
    expect(emulator().listPlain('github:repo:acme:web#app.v2:')).toEqual([]);
    expect(await store.readAll(other)).toHaveLength(30);
    await expect(store.eraseAll()).resolves.toBe(13);
    expect(emulator().listPlain('github:repo:')).toEqual([]);
  });
});
