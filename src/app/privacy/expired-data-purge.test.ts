import { MS_PER_DAY } from '../../domain';
import { pullRequest } from '../../domain/testing/pull-request-fixture';
import { purgeForPage, runPurgeSlice, type PurgeJob, type PurgeRunPorts, type RetentionPurgeOutcome } from './expired-data-purge';
import { MemoryDocument, MemoryPullRequestStore } from '../pull-requests/testing/pull-request-sync-world';
import { PURGE_RESERVE_MS } from '../sync/stored-projects-purge';

/**
 * The purge's pull-request part on its own (no projects stored): repository by repository, within the
 * slice's time, handing the rest to the queue, and counting what went. The slices are run here by hand,
 * as the queue's consumer would run them.
 */
const NOW = new Date('2026-03-10T12:00:00Z');
const DAY = MS_PER_DAY;
const REPOSITORIES = ['acme/api', 'acme/web', 'Acme/Mobile'];

function purgeWorld(repositoriesPerSlice: number) {
  const store = new MemoryPullRequestStore();
  const queued: PurgeJob[] = [];
  const purged: string[] = [];
  let repositoriesThisSlice = 0;
  const lastPurge = new MemoryDocument<RetentionPurgeOutcome>();
  const audited: unknown[] = [];
  const ports = {
    retention: new MemoryDocument({ retentionDays: 30 }),
    lastPurge,
    githubConnection: new MemoryDocument({ repositories: REPOSITORIES.map((fullName) => ({ fullName })) }),
    pullRequests: {
      purgeClosedBefore: async (repository: string, before: number) => {
        purged.push(repository);
        repositoriesThisSlice += 1;
        // Purging is case-blind, as KVS keys are: the store holds names as listed.
        const stored = REPOSITORIES.find((name) => name.toLowerCase() === repository)!;
        return store.purgeClosedBefore(stored, before);
      },
    },
    auditLog: {
      pruneOlderThan: () => Promise.resolve({ removed: 0, formerActors: [] }),
      append: (entry: unknown) => {
        audited.push(entry);
        return Promise.resolve({ removed: 0, formerActors: [] });
      },
    },
    connections: [],
    personalData: { forget: () => Promise.resolve(), remember: () => Promise.resolve() },
    measured: { list: () => Promise.resolve([]) },
    storedProjects: { list: () => Promise.resolve([]), erase: () => Promise.resolve(0) },
    unmeasured: { since: () => Promise.resolve(null), record: () => Promise.resolve() },
    history: {},
    locks: {},
    clock: { now: () => NOW },
    purges: { queuePurge: (job: PurgeJob) => Promise.resolve(void queued.push(job)) },
    // Time for `repositoriesPerSlice` repositories, then short.
    budget: { remainingMs: () => (repositoriesThisSlice < repositoriesPerSlice ? 60_000 : PURGE_RESERVE_MS - 1) },
  } as unknown as PurgeRunPorts;
  const nextSlice = () => {
    repositoriesThisSlice = 0;
    return queued.shift()!;
  };
  return { ports, store, queued, purged, lastPurge, audited, nextSlice };
}

/** Per repository: #1 merged 40 days ago, #2 closed unmerged 31 days ago, #3 merged 29 days ago, #4 open since 90 days. */
async function fill(store: MemoryPullRequestStore) {
  for (const repository of REPOSITORIES) {
    await store.upsert(
      repository,
      [
        pullRequest({ repository, number: 1, closedAt: NOW.getTime() - 40 * DAY, mergedAt: NOW.getTime() - 40 * DAY }),
        pullRequest({ repository, number: 2, closedAt: NOW.getTime() - 31 * DAY }),
        pullRequest({ repository, number: 3, closedAt: NOW.getTime() - 29 * DAY, mergedAt: NOW.getTime() - 29 * DAY }),
        pullRequest({ repository, number: 4, createdAt: NOW.getTime() - 90 * DAY, closedAt: null }),
      ],
      0,
    );
  }
}

describe('the retention purge of pull requests', () => {
  it('drops what was merged or closed before the window in every watched repository, in one slice when there is time', async () => {
    const world = purgeWorld(Number.POSITIVE_INFINITY);
    await fill(world.store);
    const outcome = await runPurgeSlice(world.ports, { requestedBy: null, progress: null });
    expect(outcome).toMatchObject({ kind: 'finished', outcome: { removedPullRequests: 6, removed: 6 } });
    for (const repository of REPOSITORIES) expect((await world.store.readAll(repository)).map((pull) => pull.number)).toEqual([3, 4]);
    expect(world.queued).toEqual([]);
  });

  it('hands the repositories it has no time for to the next slice, which goes on from there, each purged once', async () => {
    const world = purgeWorld(1);
    await fill(world.store);
    await expect(runPurgeSlice(world.ports, { requestedBy: 'admin-1', progress: null })).resolves.toEqual({
      kind: 'continues',
      nextProject: null,
      nextRepository: 'acme/mobile',
    });
    expect(world.queued[0]).toMatchObject({
      requestedBy: 'admin-1',
      progress: { nextProject: null, nextRepository: 'acme/mobile', removedPullRequests: 2 },
    });
    await expect(runPurgeSlice(world.ports, world.nextSlice())).resolves.toMatchObject({ kind: 'continues', nextRepository: 'acme/web' });
    const last = await runPurgeSlice(world.ports, world.nextSlice());
    expect(last).toMatchObject({ kind: 'finished', outcome: { removedPullRequests: 6, at: NOW.toISOString() } });
    expect(world.purged).toEqual(['acme/api', 'acme/mobile', 'acme/web']);
    expect(await world.lastPurge.read()).toMatchObject({ removedPullRequests: 6 });
    // Purge now: audited once, when the run finishes, in the admin's name.
    expect(world.audited).toEqual([
      expect.objectContaining({
        action: 'data.purged',
        actorAccountId: 'admin-1',
        details: expect.objectContaining({ removedPullRequests: 6 }) as unknown,
      }),
    ]);
  });

  it('purges at least one repository in a slice that starts with them, however short its time', async () => {
    const world = purgeWorld(0);
    await fill(world.store);
    // The first slice spends its time before the repositories; each later one still gets one done.
    await runPurgeSlice(world.ports, { requestedBy: null, progress: null });
    let slices = 1;
    while (world.queued.length > 0) {
      await runPurgeSlice(world.ports, world.nextSlice());
      slices += 1;
    }
    expect(slices).toBe(4);
    expect(world.purged).toEqual(['acme/api', 'acme/mobile', 'acme/web']);
  });
});

describe('purgeForPage', () => {
  it('shows the privacy tab each field of the stored purge outcome, and nothing else', () => {
    const outcome: RetentionPurgeOutcome = {
      at: '2026-03-02T03:00:00.000Z',
      retentionDays: 365,
      removed: 7,
      removedAuditEntries: 2,
      removedIssues: 4,
      removedPullRequests: 1,
      erasedProjects: ['OLD'],
      skippedProjects: [],
    };
    const shown = purgeForPage({ ...outcome, storedOnly: 1 } as RetentionPurgeOutcome);
    expect(shown).toStrictEqual(outcome);
    expect(shown.erasedProjects).not.toBe(outcome.erasedProjects);
  });
});
