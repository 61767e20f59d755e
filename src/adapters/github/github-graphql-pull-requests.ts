import { GeneratedFiles, linguistGeneratedPatterns, type ChangedFile } from '../../domain';
import type { GitHubPullRequests, PullRequestPage, PullRequestReading } from '../../ports';
import { githubRefusal } from './github-refusal';
import { octokitFor } from './octokit-client';
import { pullRequestFacts } from './pull-request-facts';
import {
  MORE_FILES_QUERY,
  PULL_REQUEST_PAGE_QUERY,
  PULL_REQUEST_PAGE_SIZE,
  type FilePageJson,
  type MoreFilesJson,
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
    let requests = 1;
    let answer: PullRequestPageJson;
    try {
      answer = await octokit.graphql<PullRequestPageJson>(PULL_REQUEST_PAGE_QUERY, { owner, name, pageSize: this.pageSize, after: cursor });
    } catch (error) {
      // GitHub answers a repository the token cannot see with data.repository null and a NOT_FOUND error.
      if (isOnlyNotFound(error)) return null;
      throw githubRefusal(error, this.now());
    }
    if (!answer.repository) return null;
    let limit = answer.rateLimit;
    let cost = limit?.cost ?? 0;
    const generated = new GeneratedFiles([...linguistGeneratedPatterns(answer.repository.gitattributes?.text ?? ''), ...reading.generatedPaths]);
    const pulls = [];
    for (const pull of answer.repository.pullRequests.nodes) {
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
    const { pageInfo } = answer.repository.pullRequests;
    return {
      pulls,
      nextCursor: pageInfo.hasNextPage ? pageInfo.endCursor : null,
      cost,
      remaining: limit?.remaining ?? null,
      resetAt: resetAtOf(limit),
      requests,
    };
  }
}

function resetAtOf(limit: RateLimitJson | null): number | null {
  const at = limit ? Date.parse(limit.resetAt) : NaN;
  return Number.isFinite(at) ? at : null;
}

function isOnlyNotFound(error: unknown): boolean {
  const failure = error as { errors?: Array<{ type?: string }>; data?: { repository?: unknown } };
  return Array.isArray(failure?.errors) && failure.errors.length > 0 && failure.errors.every((e) => e.type === 'NOT_FOUND') && !failure.data?.repository;
}
