import { ISSUE_TYPES } from '../jira/catalogue';
import { DEMO_USERS, userIndex, type DemoUser } from '../jira/demo-data/demo-users';
import { generateDemoData } from '../jira/demo-data/generate-demo-site';
import { FLOW, SPR, type ProjectBlueprint } from '../jira/demo-data/project-blueprints';
import { Prng, deriveSeed } from '../jira/demo-data/prng';
import { MS_PER_HOUR } from '../../src/domain';
import { MINUTE_MS } from '../jira/demo-data/work-calendar';
import type { IssueStore } from '../jira/issue-store';
import { issueSummary } from '../jira/issue-json';
import { firstWorkStretch, type WorkStretch } from './first-work-stretch';
import type { NewPullRequest, NewReview } from './pull-request-ledger';
import type { SimReviewState } from './pull-request-json';

/**
 * The demo site's pull requests, drawn from the simulated Jira's demo issues so that pull-request timing
 * and flow metrics tell one story. For a share of the FLOW and SPR issues whose work started, the
 * assignee opens one pull request (sometimes a second one in the API repository) named after the issue
 * key, a team mate reviews it hours to days later, and it merges before the issue reaches Done. Work that
 * was dropped or put aside leaves pull requests closed unmerged; work still in progress leaves them open.
 * Same Jira seed and anchor, same pull requests.
 */
export interface JiraDemoSource {
  seed: number;
  /** Where the Jira demo data ends. */
  anchor: Date;
}

export interface DemoPullRequest {
  repository: string;
  issueKey: string;
  spec: NewPullRequest;
}

/** Each project's code lives mostly in one repository; some changes also touch the shared API. */
export interface ProjectRepositories {
  main: string;
  api: string;
}

/** How often each thing happens: tuned so the demo shows every case without drowning in any. */
const SHARE_WITH_PULL_REQUEST = 0.75;
const SHARE_WITH_SECOND_PULL_REQUEST = 0.18;
const SHARE_SHIPPED_WITHOUT_REVIEW = 0.07;
const SHARE_ABANDONED_ATTEMPT = 0.05;
const SHARE_OPEN_AWAITING_REVIEW = 0.3;
/** A pull request needs room to be opened, reviewed and merged within the work. */
const SHORTEST_STRETCH_MS = 2 * MS_PER_HOUR;

/** The GitHub login a demo person uses: their name, lower-case and hyphenated (`tomas-rivera`). */
export function githubLoginOf(user: DemoUser): string {
  return user.displayName
    .normalize('NFD')
    .replace(/[^A-Za-z ]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-');
}

export function demoPullRequests(
  source: JiraDemoSource,
  repositories: { FLOW: ProjectRepositories; SPR: ProjectRepositories },
): DemoPullRequest[] {
  const { store } = generateDemoData({ seed: source.seed, now: source.anchor });
  const anchor = source.anchor.getTime();
  const pulls = [
    ...projectPullRequests(store, FLOW, repositories.FLOW, anchor, new Prng(deriveSeed(source.seed, 'github:FLOW')), source.seed),
    ...projectPullRequests(store, SPR, repositories.SPR, anchor, new Prng(deriveSeed(source.seed, 'github:SPR')), source.seed),
  ];
  // GitHub numbers pull requests in the order they were opened.
  return pulls.sort((a, b) => a.spec.createdAt.getTime() - b.spec.createdAt.getTime());
}

function projectPullRequests(
  store: IssueStore,
  blueprint: ProjectBlueprint,
  repositories: ProjectRepositories,
  anchor: number,
  rng: Prng,
  seed: number,
): DemoPullRequest[] {
  const projectIndex = store.projectIndex(blueprint.key);
  const team = blueprint.team.map((accountId) => DEMO_USERS[userIndex(accountId)]!);
  const result: DemoPullRequest[] = [];
  for (let row = 0; row < store.issueCount; row++) {
    if (store.project.get(row) !== projectIndex || ISSUE_TYPES[store.type.get(row)]?.name === 'Epic') continue;
    const stretch = firstWorkStretch(store, row);
    if (!stretch || !rng.chance(SHARE_WITH_PULL_REQUEST)) continue;
    const until = stretch.endedAt ?? anchor;
    if (until - stretch.startedAt < SHORTEST_STRETCH_MS) continue;

    const key = store.keyOf(row);
    const summary = issueSummary(store, row);
    const assignee = DEMO_USERS[store.assignee.get(row)];
    const author = assignee && team.includes(assignee) ? assignee : rng.pick(team);
    const prefix = ISSUE_TYPES[store.type.get(row)]?.name === 'Bug' ? 'fix' : 'feature';
    const named = (suffix: string) => ({
      title: `${key} ${capitalise(summary)}${suffix ? ` (${suffix})` : ''}`,
      headRef: `${prefix}/${key}-${slug(summary)}${suffix ? `-${slug(suffix)}` : ''}`,
    });
    const draw = new PullRequestDraw(rng, stretch, until, author, team);
    // Commits, files and drafts come from a generator of their own, so the timings above stay as they were.
    const detail = new Prng(deriveSeed(seed, `github:detail:${key}`));
    const main = { ...named(''), ...draw.next() };
    result.push({
      repository: repositories.main,
      issueKey: key,
      spec: { ...main, ...pullRequestDetails(main, stretch.startedAt, detail, repositories.main) },
    });
    if (rng.chance(SHARE_WITH_SECOND_PULL_REQUEST)) {
      const api = { ...named('API'), ...draw.next() };
      result.push({
        repository: repositories.api,
        issueKey: key,
        spec: { ...api, ...pullRequestDetails(api, stretch.startedAt, detail, repositories.api) },
      });
    }
  }
  return result;
}

/** The timing and reviews of one pull request within a stretch of work. */
class PullRequestDraw {
  constructor(
    private readonly rng: Prng,
    private readonly stretch: WorkStretch,
    private readonly until: number,
    private readonly author: DemoUser,
    private readonly team: readonly DemoUser[],
  ) {}

  next(): Pick<NewPullRequest, 'author' | 'createdAt' | 'mergedAt' | 'closedAt' | 'reviews' | 'body'> {
    const { rng, stretch, until } = this;
    const span = until - stretch.startedAt;
    // Opened once some work is done: early in the stretch, never in its first minutes.
    const opened = stretch.startedAt + span * (0.05 + 0.35 * rng.next());
    const author = githubLoginOf(this.author);
    const base = { author, createdAt: new Date(opened), body: `Work for the linked Jira issue.` };

    if (stretch.end === 'ongoing') {
      const awaiting = rng.chance(SHARE_OPEN_AWAITING_REVIEW);
      return { ...base, reviews: awaiting ? [] : this.reviews(opened, until, false) };
    }
    const shipped = stretch.end === 'done' && !rng.chance(SHARE_ABANDONED_ATTEMPT);
    if (!shipped) {
      const closed = opened + (until - opened) * (0.3 + 0.6 * rng.next());
      return { ...base, closedAt: new Date(closed), reviews: rng.chance(0.5) ? this.reviews(opened, closed, false) : [] };
    }
    // Merged a little before the issue moved to Done, leaving time for the rest of the workflow.
    const merged = until - span * (0.02 + 0.1 * rng.next()) - MINUTE_MS;
    const reviews = rng.chance(SHARE_SHIPPED_WITHOUT_REVIEW) ? [] : this.reviews(opened, merged, true);
    return { ...base, mergedAt: new Date(merged), reviews };
  }

  /** A first review a few hours to days after opening; an approval follows if the first one was not. */
  private reviews(opened: number, before: number, approvalNeeded: boolean): NewReview[] {
    const { rng } = this;
    const room = before - opened;
    const wait = Math.min(rng.logNormal(6 * MS_PER_HOUR, 1.1), 0.7 * room);
    const first = opened + Math.max(MINUTE_MS, wait);
    if (first >= before) return [];
    const reviewers = this.team.filter((person) => person !== this.author);
    const state = rng.weighted<SimReviewState>([
      ['APPROVED', 50],
      ['CHANGES_REQUESTED', 30],
      ['COMMENTED', 20],
    ]);
    const reviews: NewReview[] = [
      { reviewer: githubLoginOf(rng.pick(reviewers)), state, submittedAt: new Date(first), body: REVIEW_BODIES[state] },
    ];
    if (state !== 'APPROVED' && approvalNeeded) {
      const approval = first + (before - first) * (0.3 + 0.6 * rng.next());
      reviews.push({ reviewer: githubLoginOf(rng.pick(reviewers)), state: 'APPROVED', submittedAt: new Date(approval), body: '' });
    }
    return reviews;
  }
}

const SHARE_OPENED_AS_DRAFT = 0.15;
const SHARE_TOUCHING_LOCKFILE = 0.25;
const SHARE_TOUCHING_GENERATED_CLIENT = 0.2;
/** Where each repository's code lives, for changed files' paths. */
const SOURCE_FOLDERS = ['src/components', 'src/services', 'src/pages', 'src/state', 'tests'];

/**
 * What GitHub also shows of a pull request: its commits (the first authored some hours before it opened,
 * after the work started), its changed files (now and then a lockfile, and in the web app a generated API
 * client, both left out of sizes) and, for some, a start as a draft marked ready before anyone reviewed it.
 */
function pullRequestDetails(
  spec: Pick<NewPullRequest, 'title' | 'createdAt' | 'reviews' | 'mergedAt' | 'closedAt'>,
  workStarted: number,
  rng: Prng,
  repository: string,
): Pick<NewPullRequest, 'commits' | 'files' | 'draft' | 'draftEvents'> {
  const opened = spec.createdAt.getTime();
  const firstCommit = Math.max(workStarted, opened - rng.logNormal(5 * MS_PER_HOUR, 0.9));
  const commitCount = 1 + rng.int(5);
  const commits = Array.from({ length: commitCount }, (_, k) => ({
    authoredAt: new Date(k === 0 ? firstCommit : firstCommit + ((opened - firstCommit) * k) / commitCount),
    message: k === 0 ? spec.title : rng.pick(['Cover the edge cases', 'Tidy up', 'Fix the tests', 'Address review']),
  }));
  const files = Array.from({ length: 1 + rng.int(8) }, (_, k) => ({
    path: `${rng.pick(SOURCE_FOLDERS)}/part-${k + 1}.ts`,
    additions: Math.round(rng.logNormal(30, 1)),
    deletions: Math.round(rng.logNormal(8, 1)),
  }));
  if (rng.chance(SHARE_TOUCHING_LOCKFILE))
    files.push({ path: 'package-lock.json', additions: 200 + rng.int(1500), deletions: 50 + rng.int(400) });
  if (repository.endsWith('/web-app') && rng.chance(SHARE_TOUCHING_GENERATED_CLIENT)) {
    files.push({ path: 'src/api/generated/client.ts', additions: 100 + rng.int(600), deletions: rng.int(200) });
  }
  if (!rng.chance(SHARE_OPENED_AS_DRAFT)) return { commits, files };
  // Marked ready before the first review (or the merge or close, when there was none).
  const firstEvent = Math.min(
    ...[spec.reviews?.[0]?.submittedAt, spec.mergedAt, spec.closedAt].filter((at): at is Date => !!at).map((at) => at.getTime()),
    opened + 2 * MS_PER_HOUR,
  );
  const ready = opened + (firstEvent - opened) * (0.2 + 0.5 * rng.next());
  return { commits, files, draft: true, draftEvents: [{ at: new Date(ready), ready: true }] };
}

const REVIEW_BODIES: Record<SimReviewState, string> = {
  APPROVED: 'Looks good.',
  CHANGES_REQUESTED: 'A few things to change before this goes in.',
  COMMENTED: 'Some questions inline.',
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Words a developer leaves out of a branch name. */
const FILLER = new Set(['a', 'an', 'the', 'to', 'for', 'of', 'in', 'on', 'by', 'via', 'when', 'with', 'and', 'allow', 'users']);

/** A branch-name slug from a summary's first telling words: `Dark mode for the reports page` → `dark-mode-reports`. */
function slug(text: string): string {
  const words = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9 ]/g, ' ')
    .trim()
    .split(/\s+/);
  const telling = words.filter((word) => !FILLER.has(word));
  return (telling.length > 0 ? telling : words).slice(0, 3).join('-');
}
