import { STATUSES } from '../jira/catalogue';
import { generateDemoData } from '../jira/demo-data/generate-demo-site';
import { ChangeKind, type IssueStore } from '../jira/issue-store';
import { OpenApiContract } from '../testing/openapi-contract';
import { createDemoGitHub, DEMO_GITHUB_LOGIN, DEMO_REPOSITORIES } from './demo-github';
import type { SimPullRequest } from './pull-request-json';

/**
 * The simulated GitHub's pull requests and reviews: GitHub's shapes (checked against GitHub's description),
 * its paging, its filters and orders, the token's repository access, and demo pull requests whose times
 * agree with the Jira issues they are named after.
 */
const contract = new OpenApiContract('github-rest.subset.openapi.json');
const NOW = new Date('2026-03-10T12:00:00Z');
const JIRA = { seed: 1729, anchor: new Date('2026-03-10T00:00:00Z') };
const PULLS = '/repos/{owner}/{repo}/pulls';
const REVIEWS = '/repos/{owner}/{repo}/pulls/{pull_number}/reviews';

const demo = createDemoGitHub(() => NOW, { pullRequestsFrom: JIRA });
const { github, tokens } = demo;

async function get(path: string, token: string | null = tokens.readOnly.token) {
  const answer = await github.handle({ method: 'GET', path, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { ...answer, json: JSON.parse(answer.body) as unknown };
}

function expectContract(template: string, answer: { status: number; json: unknown }) {
  expect(contract.check('get', template, answer.status, answer.json).problems).toEqual([]);
}

/** GitHub's 404 body is `basic-error`; the list operations do not repeat it, the repository operation does. */
function expectNotFound(answer: { status: number; json: unknown }) {
  expect(answer.status).toBe(404);
  expect(answer.json).toMatchObject({ message: 'Not Found', status: '404' });
  expectContract('/repos/{owner}/{repo}', answer);
}

/** `rel` → URL, from a `Link` header. */
function links(header: string | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of (header ?? '').split(', ').filter(Boolean)) {
    const match = /^<([^>]+)>; rel="(\w+)"$/.exec(part);
    if (!match) throw new Error(`not a Link entry: ${part}`);
    result[match[2]!] = match[1]!;
  }
  return result;
}

type PullJson = { number: number; title: string; state: string; created_at: string; updated_at: string; head: { ref: string } };

/** Follows `rel="next"` from the first page, checking each page against the contract. */
async function everyPage(path: string, template: string) {
  const pages: { items: unknown[]; link: Record<string, string> }[] = [];
  let next: string | undefined = path;
  while (next) {
    const answer = await get(next.replace('https://api.github.com', ''));
    expect(answer.status).toBe(200);
    expectContract(template, answer);
    const link = links(answer.headers.link);
    pages.push({ items: answer.json as unknown[], link });
    next = link.next;
    expect(pages.length).toBeLessThan(50);
  }
  return pages;
}

describe('GET /repos/{owner}/{repo}/pulls', () => {
  it("pages through every pull request with Link headers, each page valid against GitHub's description", async () => {
    const all = github.pullRequests(DEMO_REPOSITORIES.webApp);
    expect(all.length).toBeGreaterThan(250);
    const pages = await everyPage(`/repos/${DEMO_REPOSITORIES.webApp}/pulls?state=all&per_page=100`, PULLS);
    expect(pages).toHaveLength(Math.ceil(all.length / 100));
    const numbers = pages.flatMap((page) => (page.items as PullJson[]).map((pull) => pull.number));
    expect(new Set(numbers).size).toBe(all.length);
    // The first page links forward only; a middle page every way; the last page back only.
    expect(Object.keys(pages[0]!.link).sort()).toEqual(['last', 'next']);
    expect(Object.keys(pages[1]!.link).sort()).toEqual(['first', 'last', 'next', 'prev']);
    expect(Object.keys(pages.at(-1)!.link).sort()).toEqual(['first', 'prev']);
    expect(pages[0]!.link.last).toBe(
      `https://api.github.com/repos/${DEMO_REPOSITORIES.webApp}/pulls?state=all&per_page=100&page=${pages.length}`,
    );
  });

  it('lists open pull requests newest first by default, 30 to a page', async () => {
    const answer = await get(`/repos/${DEMO_REPOSITORIES.webApp}/pulls`);
    const pulls = answer.json as PullJson[];
    const open = github.pullRequests(DEMO_REPOSITORIES.webApp).filter((pull) => pull.closedAt === null);
    expect(pulls).toHaveLength(Math.min(30, open.length));
    expect(pulls.every((pull) => pull.state === 'open')).toBe(true);
    const created = pulls.map((pull) => pull.created_at);
    expect(created).toEqual([...created].sort().reverse());
    expectContract(PULLS, answer);
  });

  it('filters closed ones and sorts by last update, oldest first unless told otherwise', async () => {
    const closed = (await get(`/repos/${DEMO_REPOSITORIES.mobileApp}/pulls?state=closed&sort=updated&per_page=100`)).json as PullJson[];
    expect(closed.every((pull) => pull.state === 'closed')).toBe(true);
    const updated = closed.map((pull) => pull.updated_at);
    expect(updated).toEqual([...updated].sort());
    const descending = (await get(`/repos/${DEMO_REPOSITORIES.mobileApp}/pulls?state=closed&sort=updated&direction=desc&per_page=5`))
      .json as PullJson[];
    const newest = [...github.pullRequests(DEMO_REPOSITORIES.mobileApp)]
      .filter((p) => p.closedAt)
      .map((p) => p.updatedAt)
      .sort()
      .reverse();
    expect(descending.map((pull) => pull.updated_at)).toEqual(newest.slice(0, 5));
  });

  it('cuts per_page to 100 as GitHub does, and finds a branch by head', async () => {
    const big = await get(`/repos/${DEMO_REPOSITORIES.webApp}/pulls?state=all&per_page=500`);
    expect(big.json as unknown[]).toHaveLength(100);
    expect(links(big.headers.link).next).toContain('per_page=500&page=2');
    const wanted = github.pullRequests(DEMO_REPOSITORIES.webApp)[10]!;
    const byHead = (await get(`/repos/${DEMO_REPOSITORIES.webApp}/pulls?state=all&head=acme-flow:${encodeURIComponent(wanted.headRef)}`))
      .json as PullJson[];
    expect(byHead.map((pull) => pull.number)).toEqual([wanted.number]);
  });

  it('answers 422 Validation Failed to a state GitHub does not know', async () => {
    const answer = await get(`/repos/${DEMO_REPOSITORIES.webApp}/pulls?state=merged`);
    expect(answer.status).toBe(422);
    expect(answer.json).toMatchObject({ message: 'Validation Failed', errors: [{ field: 'state', code: 'invalid' }] });
    expectContract(PULLS, answer);
  });

  it("answers 404 for a private repository outside the token's selection, and to no token", async () => {
    expectNotFound(await get(`/repos/${DEMO_REPOSITORIES.platformApi}/pulls`, tokens.narrow.token));
    expectNotFound(await get(`/repos/${DEMO_REPOSITORIES.platformApi}/pulls/1/reviews`, tokens.narrow.token));
    expectNotFound(await get(`/repos/${DEMO_REPOSITORIES.webApp}/pulls`, null));
    expect((await get(`/repos/${DEMO_REPOSITORIES.webApp}/pulls`, tokens.narrow.token)).status).toBe(200);
  });

  it("counts against the hour's budget and is refused once it is spent", async () => {
    const local = createDemoGitHub(() => NOW);
    const call = (path: string) =>
      local.github.handle({ method: 'GET', path, headers: { authorization: `Bearer ${local.tokens.readOnly.token}` } });
    const first = await call(`/repos/${DEMO_REPOSITORIES.webApp}/pulls`);
    expect(first.headers['x-ratelimit-used']).toBe('1');
    expect(JSON.parse(first.body)).toEqual([]);
    local.github.setRemaining(DEMO_GITHUB_LOGIN, 0);
    expect((await call(`/repos/${DEMO_REPOSITORIES.webApp}/pulls`)).status).toBe(403);
  });
});

describe('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', () => {
  const reviewed = github.pullRequests(DEMO_REPOSITORIES.webApp).find((pull) => pull.reviews.length >= 2)!;

  it("lists a pull request's reviews in order, valid against GitHub's description, paged like the pulls", async () => {
    const path = `/repos/${DEMO_REPOSITORIES.webApp}/pulls/${reviewed.number}/reviews`;
    const whole = await get(path);
    expectContract(REVIEWS, whole);
    const reviews = whole.json as { state: string; submitted_at: string; user: { login: string } }[];
    expect(reviews.map((review) => review.submitted_at)).toEqual(reviewed.reviews.map((review) => review.submittedAt));
    expect(reviews.at(-1)!.state).toBe('APPROVED');
    expect(whole.headers.link).toBeUndefined();

    const pages = await everyPage(`${path}?per_page=1`, REVIEWS);
    expect(pages.map((page) => (page.items[0] as { submitted_at: string }).submitted_at)).toEqual(
      reviews.map((review) => review.submitted_at),
    );
  });

  it('answers 404 for a pull request that does not exist', async () => {
    expectNotFound(await get(`/repos/${DEMO_REPOSITORIES.webApp}/pulls/99999/reviews`));
  });
});

describe('adding pull requests', () => {
  it('refuses times that contradict each other', () => {
    const local = createDemoGitHub(() => NOW).github;
    const opened = new Date('2026-03-01T10:00:00Z');
    const before = new Date('2026-03-01T09:00:00Z');
    const spec = { title: 'X-1 Thing', author: DEMO_GITHUB_LOGIN, headRef: 'feature/X-1', createdAt: opened };
    expect(() => local.addPullRequest(DEMO_REPOSITORIES.webApp, { ...spec, mergedAt: before })).toThrow('closes before it opens');
    expect(() =>
      local.addPullRequest(DEMO_REPOSITORIES.webApp, {
        ...spec,
        reviews: [{ reviewer: DEMO_GITHUB_LOGIN, state: 'APPROVED', submittedAt: before }],
      }),
    ).toThrow('outside the time');
    expect(() => local.addPullRequest('acme-flow/nowhere', spec)).toThrow('No GitHub repository');
  });
});

/** The issue's status category at a moment, replayed from its history. */
function categoryAt(store: IssueStore, row: number, at: number): string {
  const changes = store
    .histories(row)
    .flatMap((history) =>
      history.changes.flatMap((change) =>
        change.kind === ChangeKind.Status ? [{ at: history.created, from: change.from, to: change.to }] : [],
      ),
    );
  let status = changes[0]?.from ?? store.status.get(row);
  for (const change of changes) if (change.at <= at) status = change.to;
  return STATUSES[status]!.category;
}

describe('the demo pull requests', () => {
  const { store } = generateDemoData({ seed: JIRA.seed, now: JIRA.anchor });
  const pulls: SimPullRequest[] = Object.values(DEMO_REPOSITORIES).flatMap((repository) => github.pullRequests(repository));

  it('are named after FLOW and SPR issues, in title and branch, by the demo people', () => {
    expect(pulls.length).toBeGreaterThan(500);
    for (const pull of pulls) {
      const key = /^((?:FLOW|SPR)-\d+) /.exec(pull.title)?.[1];
      expect(key).toBeDefined();
      expect(pull.headRef).toMatch(new RegExp(`^(feature|fix)/${key}-[a-z0-9-]+$`));
      expect(pull.author.name).not.toBeNull();
      for (const review of pull.reviews) expect(review.reviewer.login).not.toBe(pull.author.login);
    }
  });

  it('open while the issue is in progress, and merge before it reaches Done', () => {
    const mergedCount = pulls.filter((pull) => pull.mergedAt).length;
    for (const pull of pulls) {
      const row = store.find(pull.title.split(' ')[0]!);
      expect(row).toBeGreaterThanOrEqual(0);
      const opened = Date.parse(pull.createdAt);
      expect({ pull: pull.title, at: 'opened', category: categoryAt(store, row, opened) }).toEqual({
        pull: pull.title,
        at: 'opened',
        category: 'indeterminate',
      });
      if (pull.mergedAt) {
        const merged = Date.parse(pull.mergedAt);
        expect({ pull: pull.title, at: 'merged', category: categoryAt(store, row, merged) }).toEqual({
          pull: pull.title,
          at: 'merged',
          category: 'indeterminate',
        });
        // Done comes after the merge: the issue is in a Done-category status by the anchor or later again.
        const doneLater = store
          .histories(row)
          .some((h) => h.created > merged && h.changes.some((c) => c.kind === ChangeKind.Status && STATUSES[c.to]!.category === 'done'));
        expect({ pull: pull.title, doneLater }).toEqual({ pull: pull.title, doneLater: true });
      }
      if (!pull.closedAt) expect(STATUSES[store.status.get(row)]!.category).toBe('indeterminate');
      const end = pull.closedAt ? Date.parse(pull.closedAt) : NOW.getTime();
      for (const review of pull.reviews) {
        expect(Date.parse(review.submittedAt)).toBeGreaterThanOrEqual(opened);
        expect(Date.parse(review.submittedAt)).toBeLessThanOrEqual(end);
      }
    }
    // Every case the product must show appears: merged, still open, closed unmerged, never reviewed.
    expect(mergedCount / pulls.length).toBeGreaterThan(0.8);
    expect(pulls.some((pull) => !pull.closedAt)).toBe(true);
    expect(pulls.some((pull) => pull.closedAt && !pull.mergedAt)).toBe(true);
    expect(pulls.some((pull) => pull.mergedAt && pull.reviews.length === 0)).toBe(true);
  });

  it('first reviews come hours to days after opening', () => {
    const waits = pulls
      .filter((pull) => pull.reviews[0])
      .map((pull) => (Date.parse(pull.reviews[0]!.submittedAt) - Date.parse(pull.createdAt)) / 3_600_000);
    waits.sort((a, b) => a - b);
    const median = waits[Math.floor(waits.length / 2)]!;
    expect(median).toBeGreaterThan(2);
    expect(median).toBeLessThan(24);
    expect(waits.at(-1)!).toBeGreaterThan(48);
  });

  it('are the same on every run', () => {
    const again = createDemoGitHub(() => NOW, { pullRequestsFrom: JIRA }).github;
    const shape = (pull: SimPullRequest) => [
      pull.number,
      pull.title,
      pull.createdAt,
      pull.mergedAt,
      pull.reviews.map((r) => r.submittedAt),
    ];
    expect(again.pullRequests(DEMO_REPOSITORIES.platformApi).map(shape)).toEqual(
      github.pullRequests(DEMO_REPOSITORIES.platformApi).map(shape),
    );
  });
});
