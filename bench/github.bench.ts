/**
 * `npm run bench:github`: what reading pull requests costs GitHub's budget. A simulated GitHub with 5
 * repositories of 2,000 pull requests each (reviews, commits, changed files, some drafts) is read by the app's
 * sync (the real use-case and GraphQL adapter, Octokit included) from backfill to done; then 1% of the pull
 * requests change (a review, a merge or a close, of the open ones) and an incremental sync reads them: each
 * merge and close must then be stored as closed.
 *
 * Compared with the straightforward REST approach: list the pull requests (100 a page), then per pull request
 * its reviews, its commits and its files (each 100 a page). That count is computed from the same pull
 * requests, page by page, as those endpoints page.
 *
 * Targets: the backfill at most 1/20 of the straightforward approach's requests; the incremental at most 2
 * requests per repository plus 1 per 50 changed pull requests. Exits non-zero when a target is missed.
 */
import '../dev/runtime/forge-global-fetch';
import { SimulatedGitHub } from '../dev/github/simulated-github';
import { syncRepositoryPullRequests } from '../src/app/pull-requests/pull-request-sync';
import { pullRequestSyncWorld } from '../src/app/pull-requests/testing/pull-request-sync-world';

const REPOSITORIES = 5;
const PULLS_PER_REPOSITORY = Number(process.env['BENCH_PULLS_PER_REPOSITORY'] ?? 2000);
const CHANGED_SHARE = 0.01;
const NOW = new Date('2026-06-01T12:00:00Z');
const HOUR = 3_600_000;
const TOKEN = 'github_pat_11BENCH0000000000000000_benchTokenForPullRequestSync000000000000000000000000000000000';
const REST_PAGE = 100;

/** A small deterministic generator (mulberry32), so every run reads the same pull requests. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildGitHub(clock: () => Date): { github: SimulatedGitHub; repositories: string[]; restRequests: number } {
  const github = new SimulatedGitHub(clock);
  github.addAccount('acme', { type: 'Organization' });
  github.addAccount('reader');
  for (const login of ['dev-a', 'dev-b', 'dev-c', 'dev-d']) github.addAccount(login);
  github.issueToken({ token: TOKEN, login: 'reader', repositories: 'all' });
  const next = random(1729);
  const repositories: string[] = [];
  let restRequests = 0;
  for (let r = 0; r < REPOSITORIES; r++) {
    const repository = `acme/service-${r + 1}`;
    repositories.push(repository);
    github.addRepository(repository, { gitattributes: 'gen/** linguist-generated=true\n' });
    restRequests += Math.max(1, Math.ceil(PULLS_PER_REPOSITORY / REST_PAGE));
    const span = 330 * 24 * HOUR;
    for (let k = 0; k < PULLS_PER_REPOSITORY; k++) {
      const opened = NOW.getTime() - span + (span * k) / PULLS_PER_REPOSITORY + next() * HOUR;
      const reviewsAt = [opened + (1 + next() * 20) * HOUR];
      if (next() < 0.4) reviewsAt.push(reviewsAt[0]! + (1 + next() * 10) * HOUR);
      const mergedAt = reviewsAt[reviewsAt.length - 1]! + next() * 5 * HOUR;
      const open = k >= PULLS_PER_REPOSITORY - 20;
      const commits = 1 + Math.floor(next() * 6);
      const files = 1 + Math.floor(next() * (next() < 0.02 ? 250 : 12));
      github.addPullRequest(repository, {
        title: `PROJ-${r * PULLS_PER_REPOSITORY + k + 1} Change`,
        author: 'dev-a',
        headRef: `feature/proj-${r * PULLS_PER_REPOSITORY + k + 1}`,
        createdAt: new Date(opened),
        draft: next() < 0.1,
        commits: Array.from({ length: commits }, (_, c) => ({
          authoredAt: new Date(opened - (commits - c) * HOUR),
          message: c === 0 ? 'Start' : 'More',
        })),
        files: Array.from({ length: files }, (_, f) => ({
          path: f === 0 && next() < 0.3 ? 'package-lock.json' : `src/file-${f}.ts`,
          additions: Math.floor(next() * 80),
          deletions: Math.floor(next() * 20),
        })),
        reviews: open
          ? []
          : reviewsAt.map((at, i) => ({
              reviewer: 'dev-b',
              state: i === reviewsAt.length - 1 ? ('APPROVED' as const) : ('CHANGES_REQUESTED' as const),
              submittedAt: new Date(at),
            })),
        ...(open ? {} : { mergedAt: new Date(mergedAt) }),
      });
      // The straightforward approach: reviews, commits and files of this pull request, 100 a page.
      restRequests +=
        Math.max(1, Math.ceil((open ? 0 : reviewsAt.length) / REST_PAGE)) + Math.ceil(commits / REST_PAGE) + Math.ceil(files / REST_PAGE);
    }
  }
  return { github, repositories, restRequests };
}

async function syncAll(world: ReturnType<typeof pullRequestSyncWorld>, repositories: readonly string[]) {
  let jobs = 0;
  for (const repository of repositories) {
    for (;;) {
      jobs += 1;
      const outcome = await syncRepositoryPullRequests(world.ports, repository);
      if (outcome.kind === 'done') break;
      if (outcome.kind !== 'continue') throw new Error(`${repository}: ${JSON.stringify(outcome)}`);
      if (outcome.delaySeconds > 0) world.clock.set(new Date(world.clock.now().getTime() + outcome.delaySeconds * 1000));
    }
  }
  return jobs;
}

async function main() {
  let now = NOW;
  const started = Date.now();
  const { github, repositories, restRequests } = buildGitHub(() => now);
  const total = REPOSITORIES * PULLS_PER_REPOSITORY;
  console.log(`Simulated GitHub: ${REPOSITORIES} repositories, ${total} pull requests (built in ${Date.now() - started} ms)`);
  const world = pullRequestSyncWorld(github, { token: TOKEN, repositories, projectKeys: ['PROJ'], now });
  const clockSet = world.clock.set.bind(world.clock);
  world.clock.set = (at: Date) => {
    now = at;
    clockSet(at);
  };

  const backfillStart = Date.now();
  const backfillJobs = await syncAll(world, repositories);
  const backfill = {
    requests: world.requests(),
    points: github.graphqlPointsUsed('reader'),
    ms: Date.now() - backfillStart,
    jobs: backfillJobs,
  };
  const stored = (await Promise.all(repositories.map((r) => world.store.readAll(r)))).reduce((sum, pulls) => sum + pulls.length, 0);

  world.clock.set(new Date(now.getTime() + HOUR));
  const changed = Math.round(total * CHANGED_SHARE);
  const pick = random(42);
  const touched = new Set<string>();
  /** The merged or closed ones: the incremental sync must store them as closed. */
  const ended = new Set<string>();
  while (touched.size < changed) {
    const repository = repositories[Math.floor(pick() * repositories.length)]!;
    const number = 1 + Math.floor(pick() * PULLS_PER_REPOSITORY);
    const id = `${repository}#${number}`;
    const pull = github.pullRequests(repository)[number - 1]!;
    if (touched.has(id)) continue;
    // Only open pull requests can change (the last 20 of each repository): half get a review, then merges, then closes.
    if (pull.closedAt !== null) continue;
    const at = new Date(now.getTime() - pick() * 50 * 60_000);
    const kind = pick();
    if (kind < 0.5) github.amendPullRequest(repository, number, { review: { reviewer: 'dev-c', state: 'COMMENTED', submittedAt: at } });
    else if (kind < 0.8) github.amendPullRequest(repository, number, { mergedAt: at });
    else github.amendPullRequest(repository, number, { closedAt: at });
    if (kind >= 0.5) ended.add(id);
    touched.add(id);
  }
  const before = { requests: world.requests(), points: github.graphqlPointsUsed('reader') };
  const incrementalStart = Date.now();
  await syncAll(world, repositories);
  const incremental = {
    requests: world.requests() - before.requests,
    points: github.graphqlPointsUsed('reader') - before.points,
    ms: Date.now() - incrementalStart,
  };
  const endedStored = (await Promise.all(repositories.map((r) => world.store.readAll(r))))
    .flat()
    .filter((pull) => ended.has(`${pull.repository}#${pull.number}`) && pull.closedAt !== null).length;
  world.restoreFetch();

  const backfillTarget = restRequests / 20;
  const incrementalTarget = 2 * REPOSITORIES + Math.ceil(touched.size / 50);
  const rows = [
    ['', 'requests', 'GraphQL points', 'time'],
    ['straightforward REST backfill', String(restRequests), '–', '–'],
    ['backfill (GraphQL)', String(backfill.requests), String(backfill.points), `${backfill.ms} ms (${backfill.jobs} jobs)`],
    [`incremental, ${touched.size} changed`, String(incremental.requests), String(incremental.points), `${incremental.ms} ms`],
  ];
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(34) : cell.padStart(i === 3 ? 22 : 16))).join(''));
  console.log(
    `stored: ${stored} of ${total} pull requests; merged or closed since the backfill: ${endedStored} of ${ended.size} read as closed`,
  );
  const backfillOk = backfill.requests <= backfillTarget;
  const incrementalOk = incremental.requests <= incrementalTarget;
  console.log(
    `backfill: ${backfill.requests} requests, 1/${(restRequests / backfill.requests).toFixed(0)} of REST's (target ≤ ${Math.floor(backfillTarget)}): ${backfillOk ? 'met' : 'MISSED'}`,
  );
  console.log(`incremental: ${incremental.requests} requests (target ≤ ${incrementalTarget}): ${incrementalOk ? 'met' : 'MISSED'}`);
  if (!backfillOk || !incrementalOk || stored !== total || endedStored !== ended.size) process.exitCode = 1;
}

void main();
