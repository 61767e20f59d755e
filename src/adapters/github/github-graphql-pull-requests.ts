import type { Octokit } from '@octokit/rest';
import { type ChangedFile, GeneratedFiles, linguistGeneratedRules, type PullRequestFacts } from '../../domain';
import type { GitHubPullRequests, PullRequestPage, PullRequestReading } from '../../ports';
import { githubRefusal } from './github-refusal';
import { octokitFor } from './octokit-client';
import { pullRequestFacts } from './pull-request-facts';
import {
  MORE_FILES_QUERY,
  PULL_REQUEST_BY_NUMBER_QUERY,
  PULL_REQUEST_PAGE_QUERY,
  PULL_REQUEST_PAGE_SIZE,
  type FilePageJson,
  type MoreFilesJson,
  type PullRequestByNumberJson,
  type PullRequestJson,
  type PullRequestPageJson,
  type RateLimitJson,
} from './pull-request-query';

/**
 * Pull requests through GitHub's GraphQL API (`octokit.graphql`, `POST /graphql`): one request per page of
 * pull requests, plus one per further hundred changed files of an unusually large one. The repository's
 * `.gitattributes` comes in the same request, for its `linguist-generated` paths.
 */
export class GitHubGraphqlPullRequests implements GitHubPullRequests {
  constructor(
    private readonly now: () => number = Date.now,
    private readonly pageSize: number = PULL_REQUEST_PAGE_SIZE,
  ) {}

  async page(token: string, repository: string, cursor: string | null, reading: PullRequestReading): Promise<PullRequestPage | null> {
    const [owner, name] = repository.split('/');
    const octokit = octokitFor(token);
    let answer: PullRequestPageJson;
    let gitattributesReadable = true;
    try {
      answer = await octokit.graphql<PullRequestPageJson>(PULL_REQUEST_PAGE_QUERY, { owner, name, pageSize: this.pageSize, after: cursor });
    } catch (error) {
      // GitHub answers a repository the token cannot see with data.repository null and a NOT_FOUND error.
      if (isOnlyNotFound(error)) return null;
      const partial = withoutGitattributes<PullRequestPageJson>(error);
      if (!partial) throw githubRefusal(error, this.now());
      answer = partial;
      gitattributesReadable = false;
    }
    if (!answer.repository) return null;
    const read = await this.facts(
      octokit,
      repository,
      answer.repository.gitattributes,
      answer.repository.pullRequests.nodes,
      answer.rateLimit,
      reading,
    );
    const { pageInfo } = answer.repository.pullRequests;
    return { ...read, nextCursor: pageInfo.hasNextPage ? pageInfo.endCursor : null, requests: 1 + read.requests, gitattributesReadable };
  }

  async pullRequest(token: string, repository: string, number: number, reading: PullRequestReading): Promise<PullRequestPage | null> {
    const [owner, name] = repository.split('/');
    const octokit = octokitFor(token);
    let answer: PullRequestByNumberJson;
    let gitattributesReadable = true;
    try {
      answer = await octokit.graphql<PullRequestByNumberJson>(PULL_REQUEST_BY_NUMBER_QUERY, { owner, name, number });
    } catch (error) {
      if (isOnlyNotFound(error)) return null;
      // A number with no pull request: the repository is there, the pull request is not (a page of none); and a
      // token without Contents: read gets everything but the `.gitattributes`.
      const partial = (error as { errors?: GraphqlErrorJson[]; data?: PullRequestByNumberJson }) ?? {};
      const missingPull = (e: GraphqlErrorJson) => e.type === 'NOT_FOUND' && !isGitattributesError(e);
      if (!partial.data?.repository || !partial.errors?.every((e) => missingPull(e) || isGitattributesError(e))) {
        throw githubRefusal(error, this.now());
      }
      answer = partial.data;
      gitattributesReadable = !partial.errors.some(isGitattributesError);
    }
    if (!answer.repository) return null;
    const pull = answer.repository.pullRequest;
    const read = await this.facts(octokit, repository, answer.repository.gitattributes, pull ? [pull] : [], answer.rateLimit, reading);
    return { ...read, nextCursor: null, requests: 1 + read.requests, gitattributesReadable };
  }

  /** The pull requests' facts, reading the rest of any very large one's changed files (`requests`: those extra reads). */
  private async facts(
    octokit: Octokit,
    repository: string,
    gitattributes: { text?: string | null } | null,
    nodes: readonly PullRequestJson[],
    rateLimit: RateLimitJson | null,
    reading: PullRequestReading,
  ): Promise<{ pulls: PullRequestFacts[]; cost: number; remaining: number | null; resetAt: number | null; requests: number }> {
    let requests = 0;
    let limit = rateLimit;
    let cost = limit?.cost ?? 0;
    const generated = new GeneratedFiles(reading.generatedPaths, linguistGeneratedRules(gitattributes?.text ?? ''));
    const pulls: PullRequestFacts[] = [];
    for (const pull of nodes) {
      const files: ChangedFile[] = [...(pull.files?.nodes ?? [])];
      let more: FilePageJson | null = pull.files;
      while (more?.pageInfo.hasNextPage) {
        let next: MoreFilesJson;
        try {
          next = await octokit.graphql<MoreFilesJson>(MORE_FILES_QUERY, { id: pull.id, after: more.pageInfo.endCursor });
        } catch (error) {
          throw githubRefusal(error, this.now());
        }
        requests += 1;
        cost += next.rateLimit?.cost ?? 0;
        limit = next.rateLimit ?? limit;
        more = next.node?.files ?? null;
        files.push(...(more?.nodes ?? []));
      }
      pulls.push(pullRequestFacts(repository, pull, files, { knownProjects: reading.knownProjects, generated }));
    }
    return { pulls, cost, remaining: limit?.remaining ?? null, resetAt: resetAtOf(limit), requests };
  }
}

function resetAtOf(limit: RateLimitJson | null): number | null {
  const at = limit ? Date.parse(limit.resetAt) : NaN;
  return Number.isFinite(at) ? at : null;
}

interface GraphqlErrorJson {
  type?: string;
  path?: ReadonlyArray<string | number>;
}

/**
 * Reading `.gitattributes` needs Contents: read, which the app does not require: without it GitHub answers the
 * pull requests with a FORBIDDEN (or NOT_FOUND) error on just that field, `path: ["repository", "gitattributes"]`.
 */
function isGitattributesError(error: GraphqlErrorJson): boolean {
  return (
    (error.type === 'FORBIDDEN' || error.type === 'NOT_FOUND') && error.path?.[0] === 'repository' && error.path?.[1] === 'gitattributes'
  );
}

/** The answer's data when its only errors are about `.gitattributes`, or null. */
function withoutGitattributes<T extends { repository: unknown }>(error: unknown): T | null {
  const partial = error as { errors?: GraphqlErrorJson[]; data?: T };
  if (!partial?.data?.repository || !Array.isArray(partial.errors) || partial.errors.length === 0) return null;
  return partial.errors.every(isGitattributesError) ? partial.data : null;
}

function isOnlyNotFound(error: unknown): boolean {
  const failure = error as { errors?: Array<{ type?: string }>; data?: { repository?: unknown } };
  return (
    Array.isArray(failure?.errors) &&
    failure.errors.length > 0 &&
    failure.errors.every((e) => e.type === 'NOT_FOUND') &&
    !failure.data?.repository
  );
}
