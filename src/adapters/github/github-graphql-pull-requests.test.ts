import { SimulatedGitHub } from '../../../dev/github/simulated-github';
import { toResponse } from '../../../dev/runtime/product-target';
import { GitHubGraphqlPullRequests } from './github-graphql-pull-requests';

const NOW = new Date('2026-03-10T12:00:00Z');
const TOKEN = 'github_pat_11AAAAAAA0pullrequestreader_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVW';
const REPOSITORY = 'acme/web';
const reading = { knownProjects: new Set(['FLOW', 'SPR']), generatedPaths: ['docs/api/'] };
const hours = (h: number) => new Date(Date.parse('2026-03-02T09:00:00Z') + h * 3_600_000);

let github: SimulatedGitHub;
const seen: Array<{ url: string; headers: Record<string, string>; body: string }> = [];
const originalFetch = globalThis.fetch;

function buildGitHub() {
  github = new SimulatedGitHub(() => NOW);
  github.addAccount('acme', { type: 'Organization' });
  github.addAccount('reader');
  github.addAccount('dev-one');
  github.addAccount('dev-two');
  github.addRepository(REPOSITORY, { gitattributes: 'src/generated/** linguist-generated=true\n' });
  github.issueToken({ token: TOKEN, login: 'reader', repositories: [REPOSITORY] });
  // #1: opened as a draft, marked ready, changes requested, approved, merged.
  github.addPullRequest(REPOSITORY, {
    title: 'FLOW-12 Login form',
    author: 'dev-one',
    headRef: 'feature/flow-12-login',
    createdAt: hours(2),
    draft: true,
    draftEvents: [{ at: hours(4), ready: true }],
    commits: [
      { authoredAt: hours(0), message: 'Start the login form\n\nLonger body naming UTF-8.' },
      { authoredAt: hours(6), message: 'SPR-3: share the validation' },
    ],
    files: [
      { path: 'src/login.ts', additions: 40, deletions: 2 },
      { path: 'package-lock.json', additions: 900, deletions: 100 },
      { path: 'src/generated/schema.ts', additions: 300, deletions: 0 },
      { path: 'docs/api/index.md', additions: 50, deletions: 5 },
      { path: 'src/login.test.ts', additions: 20, deletions: 0 },
    ],
    reviews: [
      { reviewer: 'dev-two', state: 'CHANGES_REQUESTED', submittedAt: hours(7) },
      { reviewer: 'dev-two', state: 'APPROVED', submittedAt: hours(9) },
    ],
    mergedAt: hours(10),
  });
  // #2: open, never reviewed, 130 files (more than one read lists).
  github.addPullRequest(REPOSITORY, {
    title: 'Rename everything',
    author: 'dev-two',
    headRef: 'chore/rename',
    createdAt: hours(20),
    files: Array.from({ length: 130 }, (_, i) => ({ path: `src/module-${i}.ts`, additions: 1, deletions: 1 })),
  });
  // #3: closed unmerged after being put back to draft.
  github.addPullRequest(REPOSITORY, {
    title: 'Try a new cache',
    author: 'dev-one',
    headRef: 'spike/cache',
    createdAt: hours(1),
    draftEvents: [{ at: hours(3), ready: false }],
    closedAt: hours(5),
  });
}

beforeEach(() => {
  buildGitHub();
  seen.length = 0;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = typeof init?.body === 'string' ? init.body : '';
    seen.push({ url: url.toString(), headers, body });
    return toResponse(await github.handle({ method: init?.method ?? 'GET', path: url.pathname + url.search, headers, body }));
  };
});
afterAll(() => {
  globalThis.fetch = originalFetch;
});

const source = (pageSize = 50) => new GitHubGraphqlPullRequests(() => NOW.getTime(), pageSize);

describe('pull requests through GitHub GraphQL', () => {
  it('reads a page into facts: times, draft spans, keys from branch, title and commits, size without generated files', async () => {
    const page = (await source().page(TOKEN, REPOSITORY, null, reading))!;
    expect(page.pulls.map((pull) => pull.number)).toEqual([2, 1, 3]); // most recently updated first
    expect(page.gitattributesReadable).toBe(true);
    const merged = page.pulls.find((pull) => pull.number === 1)!;
    expect(merged).toEqual({
      repository: REPOSITORY,
      number: 1,
      jiraKeys: ['FLOW-12', 'SPR-3'],
      createdAt: hours(2).getTime(),
      firstCommitAt: hours(0).getTime(),
      firstReviewAt: hours(7).getTime(),
      approvedAt: hours(9).getTime(),
      mergedAt: hours(10).getTime(),
      closedAt: hours(10).getTime(),
      draftPeriods: [[hours(2).getTime(), hours(4).getTime()]],
      // src/login.ts and its test only: the lockfile, the linguist-generated path and the configured path are left out.
      additions: 60,
      deletions: 2,
      changedFiles: 2,
      updatedAt: hours(10).getTime(),
    });
    const dropped = page.pulls.find((pull) => pull.number === 3)!;
    expect(dropped.draftPeriods).toEqual([[hours(3).getTime(), hours(5).getTime()]]);
    expect(dropped.jiraKeys).toEqual([]);
  });

  it('reads the pull requests without .gitattributes when the token lacks Contents: read, and says so', async () => {
    github.withholdContents(REPOSITORY);
    const page = (await source().page(TOKEN, REPOSITORY, null, reading))!;
    expect(page.gitattributesReadable).toBe(false);
    // The linguist-generated path now counts (300 lines); the lockfile and the configured path are still left out.
    expect(page.pulls.find((pull) => pull.number === 1)).toMatchObject({ additions: 360, changedFiles: 3 });
    const byNumber = (await source().pullRequest(TOKEN, REPOSITORY, 1, reading))!;
    expect(byNumber).toMatchObject({ gitattributesReadable: false, pulls: [expect.objectContaining({ additions: 360 })] });
    const missing = (await source().pullRequest(TOKEN, REPOSITORY, 99, reading))!;
    expect(missing).toMatchObject({ gitattributesReadable: false, pulls: [] });
    expect((await source().page(TOKEN, 'acme/hidden', null, reading)) ?? 'none').toBe('none');
  });

  it("reads the rest of a large pull request's files with a second request", async () => {
    const page = (await source().page(TOKEN, REPOSITORY, null, reading))!;
    expect(page.pulls.find((pull) => pull.number === 2)).toMatchObject({
      additions: 130,
      deletions: 130,
      changedFiles: 130,
      firstReviewAt: null,
    });
    expect(page.requests).toBe(2);
    expect(seen).toHaveLength(2);
    expect(page.cost).toBe(3); // 2 points for the page, 1 for the files
    expect(page.remaining).toBe(5000 - 3);
  });

  it("counts neither the author's own reviews nor an app's as the first review, and keeps no login", async () => {
    github.addAccount('lint-app[bot]');
    // #4: opened at 30h; the author answers a comment (a COMMENTED review) at 31h, an app comments at 32h,
    // dev-two comments at 35h and approves at 36h; the author approving their own at 33h does not count either.
    github.addPullRequest(REPOSITORY, {
      title: 'FLOW-20 Cache headers',
      author: 'dev-one',
      headRef: 'flow-20',
      createdAt: hours(30),
      reviews: [
        { reviewer: 'dev-one', state: 'COMMENTED', submittedAt: hours(31) },
        { reviewer: 'lint-app[bot]', state: 'COMMENTED', submittedAt: hours(32) },
        { reviewer: 'DEV-ONE', state: 'APPROVED', submittedAt: hours(33) },
        { reviewer: 'dev-two', state: 'COMMENTED', submittedAt: hours(35) },
        { reviewer: 'dev-two', state: 'APPROVED', submittedAt: hours(36) },
      ],
    });
    const page = (await source().pullRequest(TOKEN, REPOSITORY, 4, reading))!;
    expect(page.pulls).toEqual([
      expect.objectContaining({ number: 4, firstReviewAt: hours(35).getTime(), approvedAt: hours(36).getTime() }),
    ]);
    expect(JSON.stringify(page)).not.toMatch(/dev-one|dev-two|lint-app/i);
  });

  it("reads one pull request by number with the page's fields, in one request and one point", async () => {
    const page = (await source().pullRequest(TOKEN, REPOSITORY, 1, reading))!;
    const fromPage = (await source().page(TOKEN, REPOSITORY, null, reading))!.pulls.find((pull) => pull.number === 1);
    expect(page.pulls).toEqual([fromPage]);
    expect(page).toMatchObject({ nextCursor: null, requests: 1, cost: 1 });
    expect((JSON.parse(seen[0]!.body) as { variables: unknown }).variables).toEqual({ owner: 'acme', name: 'web', number: 1 });
  });

  it("reads a large pull request's remaining files by number too", async () => {
    const page = (await source().pullRequest(TOKEN, REPOSITORY, 2, reading))!;
    expect(page.pulls).toEqual([expect.objectContaining({ number: 2, changedFiles: 130 })]);
    expect(page.requests).toBe(2);
  });

  it('answers no pull request for a number the repository does not have, and null for a repository the token cannot see', async () => {
    await expect(source().pullRequest(TOKEN, REPOSITORY, 99, reading)).resolves.toMatchObject({ pulls: [], nextCursor: null });
    await expect(source().pullRequest(TOKEN, 'acme/secret', 1, reading)).resolves.toBeNull();
  });

  it('pages with a cursor, most recently updated first', async () => {
    const first = (await source(2).page(TOKEN, REPOSITORY, null, reading))!;
    expect(first.pulls.map((pull) => pull.number)).toEqual([2, 1]);
    expect(first.nextCursor).not.toBeNull();
    const second = (await source(2).page(TOKEN, REPOSITORY, first.nextCursor, reading))!;
    expect(second.pulls.map((pull) => pull.number)).toEqual([3]);
    expect(second.nextCursor).toBeNull();
  });

  it('posts to /graphql with the token in the Authorization header only', async () => {
    await source().page(TOKEN, REPOSITORY, null, reading);
    expect(seen[0]!.url).toBe('https://api.github.com/graphql');
    expect(seen[0]!.headers.authorization).toBe(`token ${TOKEN}`);
    expect(seen[0]!.body).not.toContain(TOKEN);
  });

  it('answers null for a repository the token cannot see', async () => {
    github.addRepository('acme/secret');
    await expect(source().page(TOKEN, 'acme/secret', null, reading)).resolves.toBeNull();
    await expect(source().page(TOKEN, 'acme/missing', null, reading)).resolves.toBeNull();
  });

  it('stops on a revoked token as unauthorized', async () => {
    github.revokeToken(TOKEN);
    await expect(source().page(TOKEN, REPOSITORY, null, reading)).rejects.toMatchObject({ name: 'ServiceRefusal', reason: 'unauthorized' });
  });

  it('turns a spent GraphQL budget into rate-limited until the budget resets', async () => {
    github.setGraphqlRemaining('reader', 1);
    const refusal = await source()
      .page(TOKEN, REPOSITORY, null, reading)
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({ name: 'ServiceRefusal', reason: 'rate-limited', retryAt: NOW.getTime() + 3_600_000 });
    expect(String(refusal)).not.toContain(TOKEN);
  });

  it('turns a secondary limit into rate-limited for as long as retry-after says', async () => {
    github.refuseWithSecondaryLimit(1, 90);
    await expect(source().page(TOKEN, REPOSITORY, null, reading)).rejects.toMatchObject({
      reason: 'rate-limited',
      retryAt: NOW.getTime() + 90_000,
    });
    await expect(source().page(TOKEN, REPOSITORY, null, reading)).resolves.not.toBeNull();
  });
});
