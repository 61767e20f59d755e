import { expect } from '@jest/globals';
import { SimulatedGitHub } from '../../../dev/github/simulated-github';
import { APP_ACTOR, syncRepositoryPullRequests } from './pull-request-sync';
import { connectionTo, pullRequestSyncWorld, type PullRequestSyncWorld } from './testing/pull-request-sync-world';

const NOW = new Date('2026-03-10T12:00:00Z');
const HOUR = 3_600_000;
const TOKEN = 'github_pat_11SYNCTEST000000000000_syncTestToken0000000000000000000000000000000000000000000000';
const REPOSITORY = 'acme/web';

let github: SimulatedGitHub;
let world: PullRequestSyncWorld;

/** 12 pull requests, one opened every hour from 40 days ago, half merged two hours later. */
function buildGitHub() {
  github = new SimulatedGitHub(() => world?.clock.now() ?? NOW);
  github.addAccount('acme', { type: 'Organization' });
  github.addAccount('reader');
  github.addAccount('dev');
  github.addRepository(REPOSITORY);
  github.issueToken({ token: TOKEN, login: 'reader', repositories: 'all' });
  const start = NOW.getTime() - 40 * 24 * HOUR;
  for (let k = 0; k < 12; k++) {
    const opened = start + k * HOUR;
    github.addPullRequest(REPOSITORY, {
      title: `FLOW-${k + 1} Change ${k + 1}`,
      author: 'dev',
      headRef: `feature/flow-${k + 1}`,
      createdAt: new Date(opened),
      ...(k % 2 === 0 ? { mergedAt: new Date(opened + 2 * HOUR) } : {}),
    });
  }
}

beforeEach(() => {
  world = undefined as never;
  buildGitHub();
  world = pullRequestSyncWorld(github, { token: TOKEN, repositories: [REPOSITORY], projectKeys: ['FLOW'], now: NOW, pageSize: 5 });
});
afterEach(() => world.restoreFetch());

const run = () => syncRepositoryPullRequests(world.ports, REPOSITORY);
const storedNumbers = async () => (await world.store.readAll(REPOSITORY)).map((pull) => pull.number);

describe('syncRepositoryPullRequests', () => {
  it('backfills every pull request in pages, then reads only what changed', async () => {
    await expect(run()).resolves.toMatchObject({ kind: 'done', pages: 3, requests: 3, stored: 12 });
    expect(await storedNumbers()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect((await world.store.readAll(REPOSITORY))[0]).toMatchObject({ jiraKeys: ['FLOW-1'] });
    const state = (await world.store.readState(REPOSITORY))!;
    expect(state).toMatchObject({
      status: 'ok',
      pass: null,
      watermark: Math.max(...github.pullRequests(REPOSITORY).map((pull) => Date.parse(pull.updatedAt))),
    });

    // Nothing changed: one request.
    await expect(run()).resolves.toMatchObject({ kind: 'done', requests: 1 });

    // Two pull requests reviewed since: one request still brings both.
    world.clock.set(new Date(NOW.getTime() + HOUR));
    github.amendPullRequest(REPOSITORY, 2, {
      review: { reviewer: 'reader', state: 'APPROVED', submittedAt: new Date(NOW.getTime() + 10 * 60_000) },
    });
    github.amendPullRequest(REPOSITORY, 4, { mergedAt: new Date(NOW.getTime() + 20 * 60_000) });
    await expect(run()).resolves.toMatchObject({ kind: 'done', requests: 1, stored: 3 }); // the two, and the watermark's own
    const stored = await world.store.readAll(REPOSITORY);
    expect(stored.find((pull) => pull.number === 2)!.approvedAt).toBe(NOW.getTime() + 10 * 60_000);
    expect(stored.find((pull) => pull.number === 4)!.mergedAt).toBe(NOW.getTime() + 20 * 60_000);
  });

  it('keeps only the retention window: older pull requests are not read', async () => {
    await world.ports.retention.write({ retentionDays: 30 });
    await expect(run()).resolves.toMatchObject({ kind: 'done' });
    expect(await storedNumbers()).toEqual([]);
  });

  it('resumes from its cursor when the job runs out of time, reading no page twice', async () => {
    world.budget.pages = 1;
    await expect(run()).resolves.toMatchObject({ kind: 'continue', delaySeconds: 0, pages: 1 });
    expect(await storedNumbers()).toHaveLength(5);
    world.budget.pages = Number.POSITIVE_INFINITY;
    await expect(run()).resolves.toMatchObject({ kind: 'done', pages: 2 });
    expect(await storedNumbers()).toHaveLength(12);
    expect(world.requests()).toBe(3);
  });

  it('loses nothing when storage fails mid-sync: the retried job resumes after the last stored page', async () => {
    world.store.failAfter = 1;
    await expect(run()).rejects.toThrow('storage failed mid-sync');
    world.store.failAfter = null;
    await expect(run()).resolves.toMatchObject({ kind: 'done' });
    expect(await storedNumbers()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(world.requests()).toBe(4); // the failed page is read again, once
  });

  it('waits for the reset when few GraphQL points are left, and asks GitHub nothing until then', async () => {
    github.setGraphqlRemaining('reader', 100); // a page costs 1 point: 99 left after it, below the 100 kept in reserve
    const outcome = await run();
    expect(outcome).toMatchObject({ kind: 'continue', pages: 1 });
    expect((outcome as { delaySeconds: number }).delaySeconds).toBe(3600);
    expect((await world.store.readState(REPOSITORY))!.status).toBe('rate-limited');
    const before = world.requests();
    await expect(run()).resolves.toMatchObject({ kind: 'continue', requests: 0 });
    expect(world.requests()).toBe(before);
    world.clock.set(new Date(NOW.getTime() + HOUR + 1000));
    await expect(run()).resolves.toMatchObject({ kind: 'done', pages: 2 });
    expect(await storedNumbers()).toHaveLength(12);
  });

  it("waits as long as a secondary limit's retry-after says", async () => {
    github.refuseWithSecondaryLimit(1, 120);
    await expect(run()).resolves.toMatchObject({ kind: 'continue', delaySeconds: 120 });
    world.clock.set(new Date(NOW.getTime() + 121_000));
    await expect(run()).resolves.toMatchObject({ kind: 'done', stored: 12 });
  });

  it.each([
    ['graphql-forbidden', 'GraphQL FORBIDDEN', /Pull requests permission.*single sign-on/],
    ['saml-forbidden', 'HTTP 403', /Pull requests permission.*single sign-on/],
    ['server-error', 'HTTP 502', /^GitHub had a server error \(HTTP 502\)\.$/],
  ] as const)(
    'records a %s as a failing state with one audit entry, keeps the cursor, and clears it on success',
    async (failure, detail, reason) => {
      world.budget.pages = 1;
      await run();
      world.budget.pages = Number.POSITIVE_INFINITY;
      github.refuseWith(failure, 2);
      await expect(run()).resolves.toEqual({ kind: 'failed', detail });
      world.clock.set(new Date(NOW.getTime() + HOUR));
      await expect(run()).resolves.toEqual({ kind: 'failed', detail });
      expect((await world.store.readState(REPOSITORY))!).toMatchObject({
        status: 'failing',
        failure: { reason: expect.stringMatching(reason), since: NOW.toISOString() },
        pass: { kind: 'backfill', pages: 1 },
      });
      expect(world.audit.entries).toEqual([
        expect.objectContaining({
          action: 'github.sync-failing',
          actorAccountId: APP_ACTOR,
          subject: REPOSITORY,
          details: { reason: detail },
        }),
      ]);

      await expect(run()).resolves.toMatchObject({ kind: 'done', pages: 2 });
      expect(await storedNumbers()).toHaveLength(12);
      expect((await world.store.readState(REPOSITORY))!).toMatchObject({ status: 'ok', failure: null });
    },
  );

  it('reads on without .gitattributes when the token lacks Contents: read, and remembers that it could not', async () => {
    github.withholdContents(REPOSITORY);
    await expect(run()).resolves.toMatchObject({ kind: 'done', stored: 12 });
    expect((await world.store.readState(REPOSITORY))!).toMatchObject({ status: 'ok', gitattributesReadable: false });
  });

  it('stops on a revoked token with a clear state and one audit entry, and resumes once the token is replaced', async () => {
    world.budget.pages = 1;
    await run();
    world.budget.pages = Number.POSITIVE_INFINITY;
    github.revokeToken(TOKEN);
    await expect(run()).resolves.toEqual({ kind: 'stopped', reason: 'unauthorized' });
    await expect(run()).resolves.toEqual({ kind: 'stopped', reason: 'unauthorized' });
    expect(world.requests()).toBe(2); // the second run asked GitHub nothing
    expect((await world.store.readState(REPOSITORY))!).toMatchObject({ status: 'stopped', pass: { kind: 'backfill', pages: 1 } });
    expect(world.connection.value!.lastCheck).toMatchObject({
      outcome: 'failed',
      problem: expect.stringContaining('no longer accepts the stored token'),
    });
    expect(world.audit.entries).toEqual([
      expect.objectContaining({ action: 'github.sync-stopped', actorAccountId: APP_ACTOR, subject: REPOSITORY }),
    ]);

    const replacement = 'github_pat_11REPLACEMENT00000000_replacementToken00000000000000000000000000000000000000000000';
    github.issueToken({ token: replacement, login: 'reader', repositories: 'all' });
    world.token.value = replacement;
    await world.connection.write(connectionTo([REPOSITORY], '2026-03-10T13:00:00.000Z'));
    await expect(run()).resolves.toMatchObject({ kind: 'done', pages: 2 });
    expect(await storedNumbers()).toHaveLength(12);
  });

  it('reads nothing for a repository no longer watched', async () => {
    await world.connection.write(connectionTo(['acme/other']));
    await expect(run()).resolves.toEqual({ kind: 'stopped', reason: 'not-watched' });
    expect(world.requests()).toBe(0);
  });
});
