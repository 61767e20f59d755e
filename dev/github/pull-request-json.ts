import { API, fullRepositoryJson, nodeId, simpleUserJson, type SimAccount, type SimRepository } from './github-json';

/**
 * The JSON GitHub answers for pull requests: an item of `GET /repos/{owner}/{repo}/pulls`
 * (`pull-request-simple`) and of `GET …/pulls/{pull_number}/reviews` (`pull-request-review`). The timing
 * fields are what flow metrics read: `created_at`, the reviews' `submitted_at`, `merged_at`, `closed_at`.
 */
const WEB = 'https://github.com';

export type SimReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED';

export interface SimReview {
  id: number;
  reviewer: SimAccount;
  state: SimReviewState;
  body: string;
  submittedAt: string;
  /** The head commit the review looked at. */
  commitId: string;
}

interface SimCommit {
  sha: string;
  authoredAt: string;
  message: string;
}

interface SimChangedFile {
  path: string;
  additions: number;
  deletions: number;
}

export interface SimPullRequest {
  repository: SimRepository;
  id: number;
  number: number;
  title: string;
  body: string | null;
  author: SimAccount;
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  /** A draft now. */
  isDraft: boolean;
  /** Marked ready (`ready`) or converted to a draft, in order. */
  draftEvents: Array<{ at: string; ready: boolean }>;
  /** Oldest first. */
  commits: SimCommit[];
  files: SimChangedFile[];
  /** Chronological, as GitHub lists them. */
  reviews: SimReview[];
}

/**
 * The `repository` shape GitHub embeds in a pull request's `head` and `base`: the full repository without
 * the fields only `GET /repos/{owner}/{repo}` carries (the caller's permissions, the network counts).
 */
const REPOSITORY_ONLY_FIELDS = new Set(['permissions', 'organization', 'network_count', 'subscribers_count']);

export function embeddedRepositoryJson(repository: SimRepository) {
  const full = fullRepositoryJson(repository, { admin: false, push: false, pull: true });
  return Object.fromEntries(Object.entries(full).filter(([field]) => !REPOSITORY_ONLY_FIELDS.has(field)));
}

function branchJson(repository: SimRepository, ref: string, sha: string) {
  const repo = embeddedRepositoryJson(repository);
  return { label: `${repository.owner.login}:${ref}`, ref, sha, user: repo.owner, repo };
}

const pullUrl = (pull: SimPullRequest) => `${API}/repos/${pull.repository.owner.login}/${pull.repository.name}/pulls/${pull.number}`;
const pullHtml = (pull: SimPullRequest) => `${WEB}/${pull.repository.owner.login}/${pull.repository.name}/pull/${pull.number}`;

/** An item of `GET /repos/{owner}/{repo}/pulls`. */
export function pullRequestSimpleJson(pull: SimPullRequest) {
  const repoUrl = `${API}/repos/${pull.repository.owner.login}/${pull.repository.name}`;
  const url = pullUrl(pull);
  const html = pullHtml(pull);
  const issueUrl = `${repoUrl}/issues/${pull.number}`;
  return {
    url,
    id: pull.id,
    node_id: nodeId('PR', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repoUrl}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: `${repoUrl}/statuses/${pull.headSha}`,
    number: pull.number,
    state: pull.closedAt ? 'closed' : 'open',
    locked: false,
    title: pull.title,
    user: simpleUserJson(pull.author),
    body: pull.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branchJson(pull.repository, pull.headRef, pull.headSha),
    base: branchJson(pull.repository, pull.baseRef, pull.baseSha),
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: issueUrl },
      comments: { href: `${issueUrl}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${repoUrl}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${repoUrl}/statuses/${pull.headSha}` },
    },
    author_association: 'MEMBER',
    auto_merge: null,
    draft: pull.isDraft,
  };
}

/** An item of `GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews`. */
export function pullRequestReviewJson(pull: SimPullRequest, review: SimReview) {
  const html = `${pullHtml(pull)}#pullrequestreview-${review.id}`;
  return {
    id: review.id,
    node_id: nodeId('PRR', review.id),
    user: simpleUserJson(review.reviewer),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pullUrl(pull),
    author_association: 'MEMBER',
    _links: { html: { href: html }, pull_request: { href: pullUrl(pull) } },
    submitted_at: review.submittedAt,
    commit_id: review.commitId,
  };
}
