import { createHash } from 'node:crypto';
import type { SimAccount, SimRepository } from './github-json';
import type { SimPullRequest, SimReview, SimReviewState } from './pull-request-json';

/**
 * The pull requests of the simulated GitHub, per repository, and the questions `GET …/pulls` asks of them:
 * which state, which head or base branch, in what order. Each pull request is checked on the way in, so a
 * merge before the opening or a review of a pull request not yet opened never reaches an answer.
 */
export interface NewReview {
  reviewer: string;
  state: SimReviewState;
  body?: string;
  submittedAt: Date;
}

interface NewCommit {
  authoredAt: Date;
  message: string;
}

interface NewChangedFile {
  path: string;
  additions: number;
  deletions: number;
}

/** A draft change: marked ready for review (`ready: true`) or converted back to a draft. */
interface NewDraftEvent {
  at: Date;
  ready: boolean;
}

export interface NewPullRequest {
  title: string;
  body?: string | null;
  /** The author's login. */
  author: string;
  headRef: string;
  baseRef?: string;
  createdAt: Date;
  /** When merged; a merged pull request is closed at the same moment. */
  mergedAt?: Date | null;
  /** When closed without merging. */
  closedAt?: Date | null;
  reviews?: readonly NewReview[];
  /** The branch's commits, oldest first; one authored at opening when not given. */
  commits?: readonly NewCommit[];
  /** The changed files; none when not given. */
  files?: readonly NewChangedFile[];
  /** Opened as a draft. */
  draft?: boolean;
  /** Later draft changes, in order; each must change the state. */
  draftEvents?: readonly NewDraftEvent[];
}

type PullState = 'open' | 'closed' | 'all';
type PullSort = 'created' | 'updated';

export interface PullQuery {
  ok: true;
  state: PullState;
  sort: PullSort;
  direction: 'asc' | 'desc';
  /** `owner:branch`, or a bare branch name. */
  head: string | null;
  base: string | null;
}

export type PullQueryReading = PullQuery | { ok: false; field: string };

/** GitHub writes times to the second. */
const githubTime = (at: Date) => `${at.toISOString().slice(0, 19)}Z`;

const sha = (text: string) => createHash('sha1').update(text).digest('hex');

export class PullRequestLedger {
  private readonly byRepository = new Map<SimRepository, SimPullRequest[]>();

  constructor(private readonly nextId: () => number) {}

  add(repository: SimRepository, spec: NewPullRequest, account: (login: string) => SimAccount): SimPullRequest {
    const created = spec.createdAt.getTime();
    const merged = spec.mergedAt?.getTime() ?? null;
    const closed = merged ?? spec.closedAt?.getTime() ?? null;
    if (!Number.isFinite(created)) throw new Error(`Pull request "${spec.title}" has no valid opening time`);
    if (spec.mergedAt && spec.closedAt && spec.closedAt.getTime() !== merged) {
      throw new Error(`Pull request "${spec.title}" is merged, so it closes when it merges`);
    }
    if (closed !== null && !(closed >= created)) throw new Error(`Pull request "${spec.title}" closes before it opens`);
    const reviews = [...(spec.reviews ?? [])].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
    for (const review of reviews) {
      const at = review.submittedAt.getTime();
      if (!(at >= created) || (closed !== null && at > closed)) {
        throw new Error(`A review of "${spec.title}" falls outside the time the pull request was open`);
      }
    }

    let isDraft = spec.draft ?? false;
    for (const event of spec.draftEvents ?? []) {
      const at = event.at.getTime();
      if (event.ready !== isDraft) throw new Error(`A draft change of "${spec.title}" does not change whether it is a draft`);
      if (!(at >= created) || (closed !== null && at > closed))
        throw new Error(`A draft change of "${spec.title}" falls outside the time it was open`);
      isDraft = !event.ready;
    }

    const list = this.byRepository.get(repository) ?? [];
    const number = list.length + 1;
    const fullName = `${repository.owner.login}/${repository.name}`;
    const headSha = sha(`${fullName}#${number}:head`);
    const lastActivity = Math.max(
      created,
      closed ?? created,
      ...reviews.map((r) => r.submittedAt.getTime()),
      ...(spec.draftEvents ?? []).map((e) => e.at.getTime()),
    );
    const commits = spec.commits ?? [{ authoredAt: spec.createdAt, message: spec.title }];
    const pull: SimPullRequest = {
      repository,
      id: this.nextId(),
      number,
      title: spec.title,
      body: spec.body ?? null,
      author: account(spec.author),
      headRef: spec.headRef,
      headSha,
      baseRef: spec.baseRef ?? repository.defaultBranch,
      baseSha: sha(`${fullName}#${number}:base`),
      createdAt: githubTime(spec.createdAt),
      updatedAt: githubTime(new Date(lastActivity)),
      closedAt: closed === null ? null : githubTime(new Date(closed)),
      mergedAt: merged === null ? null : githubTime(new Date(merged)),
      mergeCommitSha: merged === null ? null : sha(`${fullName}#${number}:merge`),
      isDraft,
      draftEvents: (spec.draftEvents ?? []).map((event) => ({ at: githubTime(event.at), ready: event.ready })),
      commits: commits.map((commit, index) => ({
        sha: sha(`${fullName}#${number}:commit:${index}`),
        authoredAt: githubTime(commit.authoredAt),
        message: commit.message,
      })),
      files: (spec.files ?? []).map((file) => ({ ...file })),
      reviews: reviews.map((review): SimReview => ({
        id: this.nextId(),
        reviewer: account(review.reviewer),
        state: review.state,
        body: review.body ?? '',
        submittedAt: githubTime(review.submittedAt),
        commitId: headSha,
      })),
    };
    list.push(pull);
    this.byRepository.set(repository, list);
    return pull;
  }

  /** A later event on an existing pull request: a review, a merge or a close. GitHub's `updated_at` moves to it. */
  amend(
    repository: SimRepository,
    number: number,
    change: { review?: NewReview; mergedAt?: Date; closedAt?: Date },
    account: (login: string) => SimAccount,
  ): SimPullRequest {
    const pull = this.find(repository, number);
    if (!pull) throw new Error(`No pull request #${number}`);
    const at = (change.review?.submittedAt ?? change.mergedAt ?? change.closedAt)!;
    if (pull.closedAt !== null && change.review) throw new Error(`#${number} is closed`);
    if (change.review) {
      pull.reviews.push({
        id: this.nextId(),
        reviewer: account(change.review.reviewer),
        state: change.review.state,
        body: change.review.body ?? '',
        submittedAt: githubTime(change.review.submittedAt),
        commitId: pull.headSha,
      });
    }
    if (change.mergedAt) {
      pull.mergedAt = githubTime(change.mergedAt);
      pull.closedAt = pull.mergedAt;
      pull.mergeCommitSha = sha(`${pull.repository.owner.login}/${pull.repository.name}#${number}:merge`);
    } else if (change.closedAt) {
      pull.closedAt = githubTime(change.closedAt);
    }
    pull.updatedAt = githubTime(at);
    return pull;
  }

  of(repository: SimRepository): readonly SimPullRequest[] {
    return this.byRepository.get(repository) ?? [];
  }

  find(repository: SimRepository, number: number): SimPullRequest | undefined {
    return this.of(repository).find((pull) => pull.number === number);
  }

  /**
   * Reads `state`, `sort`, `direction`, `head` and `base` with GitHub's defaults. `popularity` and
   * `long-running` are GitHub sorts the simulation does not offer: they are refused like unknown values.
   */
  readQuery(params: URLSearchParams): PullQueryReading {
    const state = params.get('state') ?? 'open';
    if (state !== 'open' && state !== 'closed' && state !== 'all') return { ok: false, field: 'state' };
    const sort = params.get('sort') ?? 'created';
    if (sort !== 'created' && sort !== 'updated') return { ok: false, field: 'sort' };
    // GitHub: newest first when sorting by creation, otherwise oldest first.
    const direction = params.get('direction') ?? (sort === 'created' ? 'desc' : 'asc');
    if (direction !== 'asc' && direction !== 'desc') return { ok: false, field: 'direction' };
    return { ok: true, state, sort, direction, head: params.get('head'), base: params.get('base') };
  }

  list(repository: SimRepository, query: PullQuery): SimPullRequest[] {
    const headMatches = (pull: SimPullRequest) => {
      if (query.head === null) return true;
      const [owner, ref] = query.head.includes(':') ? query.head.split(':', 2) : [pull.repository.owner.login, query.head];
      return owner!.toLowerCase() === pull.repository.owner.login.toLowerCase() && ref === pull.headRef;
    };
    const key = query.sort === 'created' ? (pull: SimPullRequest) => pull.createdAt : (pull: SimPullRequest) => pull.updatedAt;
    const sign = query.direction === 'asc' ? 1 : -1;
    return this.of(repository)
      .filter((pull) => query.state === 'all' || (query.state === 'open') === (pull.closedAt === null))
      .filter((pull) => headMatches(pull) && (query.base === null || query.base === pull.baseRef))
      .sort((a, b) => sign * (key(a).localeCompare(key(b)) || a.number - b.number));
  }
}
