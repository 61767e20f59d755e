/**
 * The one GraphQL query the pull-request sync sends per page, and the shape of its answer. One request brings
 * a page of a repository's pull requests (most recently updated first) with everything the flow metrics need:
 * the first commit's time, reviews (state, time and whether by the author or a bot), draft changes, merge and close, and each changed
 * file's path and line counts, so generated files can be left out of the size. Titles, branch names and commit
 * headlines are asked for only to find the issue keys they name; the author's and reviewers' logins only to
 * leave out self-reviews and bots' reviews. None of them is kept.
 *
 * Cost (https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api): one
 * request for the page plus one per pull request for each of the four nested lists, 1 + 4 × pageSize requests,
 * divided by 100: 2 points for a page of 50. Checked against GitHub's published schema in the tests.
 */
export const PULL_REQUEST_PAGE_SIZE = 50;
/** Enough for nearly every pull request; the first commit is the first listed, keys rarely hide further down. */
const COMMITS_PER_PULL = 20;
const REVIEWS_PER_PULL = 20;
const DRAFT_EVENTS_PER_PULL = 20;
/** GitHub's largest page. A pull request with more changed files has the rest read by `MORE_FILES_QUERY`. */
const FILES_PER_PAGE = 100;

/** One page of a pull request's changed files: what both queries ask of them (paths and line counts only). */
const CHANGED_FILES_PAGE = /* GraphQL */ `
  {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      path
      additions
      deletions
    }
  }
`;

/** Who opened a pull request or wrote a review: a person (`User`), an app (`Bot`), or null for a deleted account. */
const AUTHOR = `author {
    __typename
    login
  }`;

/** What both queries ask of each pull request. */
const PULL_REQUEST_FIELDS = /* GraphQL */ `{
  id
  number
  title
  ${AUTHOR}
  headRefName
  isDraft
  createdAt
  updatedAt
  mergedAt
  closedAt
  commits(first: ${COMMITS_PER_PULL}) {
    nodes {
      commit {
        authoredDate
        messageHeadline
      }
    }
  }
  reviews(first: ${REVIEWS_PER_PULL}, states: [APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED]) {
    nodes {
      ${AUTHOR}
      state
      submittedAt
    }
  }
  timelineItems(first: ${DRAFT_EVENTS_PER_PULL}, itemTypes: [READY_FOR_REVIEW_EVENT, CONVERT_TO_DRAFT_EVENT]) {
    nodes {
      __typename
      ... on ReadyForReviewEvent {
        createdAt
      }
      ... on ConvertToDraftEvent {
        createdAt
      }
    }
  }
  files(first: ${FILES_PER_PAGE}) ${CHANGED_FILES_PAGE}
}`;

/** Asked in every query: what it cost and how many points are left this hour. */
const QUERY_COST = `rateLimit {
      cost
      remaining
      resetAt
    }`;

/** The default branch's `.gitattributes`, whose `linguist-generated` paths count as generated files. */
const GITATTRIBUTES = `gitattributes: object(expression: "HEAD:.gitattributes") {
        ... on Blob {
          text
        }
      }`;

/**
 * A page of pull requests, most recently updated first, from the cursor in `$<cursor>`: the app names it
 * `$after`; `gh api graphql --paginate` needs `$endCursor`, which docs/pull-requests-export.graphql uses.
 */
const pullRequestPageQuery = (cursor: 'after' | 'endCursor') => /* GraphQL */ `
  query PullRequestPage($owner: String!, $name: String!, $pageSize: Int!, $${cursor}: String) {
    ${QUERY_COST}
    repository(owner: $owner, name: $name) {
      ${GITATTRIBUTES}
      pullRequests(first: $pageSize, after: $${cursor}, orderBy: { field: UPDATED_AT, direction: DESC }) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes ${PULL_REQUEST_FIELDS}
      }
    }
  }
`;

export const PULL_REQUEST_PAGE_QUERY = pullRequestPageQuery('after');

/** The same query for exporting with `gh api graphql --paginate` (docs/pull-requests-export.graphql holds its text). */
export const PULL_REQUEST_EXPORT_QUERY = pullRequestPageQuery('endCursor');

/**
 * One pull request by number, with the same fields as a page's: what a webhook delivery names is read again
 * from GitHub rather than taken from the delivery. Costs one point.
 */
export const PULL_REQUEST_BY_NUMBER_QUERY = /* GraphQL */ `
  query PullRequestByNumber($owner: String!, $name: String!, $number: Int!) {
    ${QUERY_COST}
    repository(owner: $owner, name: $name) {
      ${GITATTRIBUTES}
      pullRequest(number: $number) ${PULL_REQUEST_FIELDS}
    }
  }
`;

/** The rest of a large pull request's changed files, a page at a time. */
export const MORE_FILES_QUERY = /* GraphQL */ `
  query MorePullRequestFiles($id: ID!, $after: String) {
    ${QUERY_COST}
    node(id: $id) {
      ... on PullRequest {
        files(first: ${FILES_PER_PAGE}, after: $after) ${CHANGED_FILES_PAGE}
      }
    }
  }
`;

export interface RateLimitJson {
  cost: number;
  remaining: number;
  resetAt: string;
}

export interface FilePageJson {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Array<{ path: string; additions: number; deletions: number }>;
}

export interface ActorJson {
  __typename?: string;
  login: string;
}

export interface PullRequestJson {
  id: string;
  number: number;
  title: string;
  /** Absent from an export made without it: then no review can be told to be the author's own. */
  author?: ActorJson | null;
  headRefName: string;
  isDraft: boolean;
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  closedAt: string | null;
  commits: { nodes: Array<{ commit: { authoredDate: string; messageHeadline: string } }> };
  reviews: { nodes: Array<{ author?: ActorJson | null; state: string; submittedAt: string | null }> } | null;
  timelineItems: { nodes: Array<{ __typename: string; createdAt?: string }> };
  files: FilePageJson | null;
}

export interface PullRequestPageJson {
  rateLimit: RateLimitJson | null;
  repository: {
    gitattributes: { text?: string | null } | null;
    pullRequests: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: PullRequestJson[] };
  } | null;
}

export interface PullRequestByNumberJson {
  rateLimit: RateLimitJson | null;
  repository: { gitattributes: { text?: string | null } | null; pullRequest: PullRequestJson | null } | null;
}

export interface MoreFilesJson {
  rateLimit: RateLimitJson | null;
  node: { files: FilePageJson | null } | null;
}
