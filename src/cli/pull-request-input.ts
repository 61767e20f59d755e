/**
 * Pull requests exported from GitHub for the `flow-metrics` command, in one documented shape: the answers of
 * the GraphQL query the app's own sync sends (`PULL_REQUEST_PAGE_QUERY` in
 * src/adapters/github/pull-request-query.ts), either one answer or a JSON array of them (one per page, as
 * `gh api graphql --paginate --slurp` writes them), each `{"data": {"repository": …}}` or just the `data`.
 * They are reduced exactly as the sync reduces them (src/adapters/github/pull-request-facts.ts): times, draft
 * spans, size without generated files (lockfiles, the repository's `linguist-generated` paths), and the
 * issue keys of projects the Jira export holds. A pull request's changed files beyond the first page count
 * only if the export appends them to its `files.nodes`.
 */
import { pullRequestFacts } from '../adapters/github/pull-request-facts';
import type { PullRequestJson } from '../adapters/github/pull-request-query';
import { GeneratedFiles, linguistGeneratedRules, type PullRequestFacts } from '../domain';
import { CliInputError } from './cli-error';

/** `--pull-requests owner/name=FILE`: which repository a file's answers are of (GraphQL answers do not say). */
export interface PullRequestSource {
  repository: string;
  path: string;
}

const REPOSITORY = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;

export function parsePullRequestSource(text: string): PullRequestSource {
  const at = text.indexOf('=');
  const repository = at > 0 ? text.slice(0, at) : '';
  const path = at > 0 ? text.slice(at + 1) : '';
  if (!REPOSITORY.test(repository) || path === '') {
    throw new CliInputError(
      `--pull-requests: "${text}" is not owner/name=FILE (the repository the exported pull requests are of, then the file)`,
    );
  }
  return { repository, path };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function problem(source: string, where: string, what: string): CliInputError {
  return new CliInputError(`${source}: ${where}: ${what}`);
}

const isTime = (value: unknown) => typeof value === 'string' && Number.isFinite(Date.parse(value));

/** The fields the reduction reads, checked so a wrong file is named rather than half read. */
function checkedPull(node: unknown, source: string, where: string): PullRequestJson {
  if (!isObject(node)) throw problem(source, where, 'is not a pull request object');
  if (!Number.isInteger(node['number'])) throw problem(source, `${where}.number`, 'is not a whole number');
  const at = `${where} (#${String(node['number'])})`;
  for (const field of ['createdAt', 'updatedAt']) if (!isTime(node[field])) throw problem(source, `${at}.${field}`, 'is not a date-time');
  for (const field of ['mergedAt', 'closedAt'])
    if (node[field] != null && !isTime(node[field])) throw problem(source, `${at}.${field}`, 'is not a date-time or null');
  const list = (field: string, optional: boolean) => {
    const value = node[field];
    if (value == null && optional) return;
    if (!isObject(value) || !Array.isArray(value['nodes'])) throw problem(source, `${at}.${field}.nodes`, 'is not a list');
  };
  list('commits', false);
  list('reviews', true);
  list('timelineItems', false);
  list('files', true);
  for (const [k, commit] of ((node['commits'] as Json)['nodes'] as unknown[]).entries()) {
    if (!isObject(commit) || !isObject(commit['commit']) || !isTime(commit['commit']['authoredDate'])) {
      throw problem(source, `${at}.commits.nodes[${k}].commit.authoredDate`, 'is not a date-time');
    }
  }
  return node as unknown as PullRequestJson;
}

/**
 * @param knownProjects the projects of the Jira export: only their keys count as issue keys, so `UTF-8` or
 *   `ISO-8601` in a title is not taken for an issue.
 */
export function readPullRequests(text: string, source: PullRequestSource, knownProjects: ReadonlySet<string>): PullRequestFacts[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliInputError(`${source.path} is not valid JSON: ${(error as Error).message}`);
  }
  const answers: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  const byNumber = new Map<number, PullRequestFacts>();
  answers.forEach((answer, page) => {
    const where = Array.isArray(parsed) ? `[${page}]` : '(answer)';
    const data = isObject(answer) && isObject(answer['data']) ? answer['data'] : answer;
    const repository = isObject(data) ? data['repository'] : undefined;
    const pulls = isObject(repository) && isObject(repository['pullRequests']) ? repository['pullRequests']['nodes'] : undefined;
    if (!isObject(repository) || !Array.isArray(pulls)) {
      throw problem(
        source.path,
        where,
        'is not an answer of the pull-request query: expected data.repository.pullRequests.nodes (see docs/flow-metrics-cli.md)',
      );
    }
    const gitattributes =
      isObject(repository['gitattributes']) && typeof repository['gitattributes']['text'] === 'string'
        ? repository['gitattributes']['text']
        : '';
    const generated = new GeneratedFiles([], linguistGeneratedRules(gitattributes));
    pulls.forEach((node, k) => {
      const pull = checkedPull(node, source.path, `${where}.data.repository.pullRequests.nodes[${k}]`);
      // Pages overlap when pull requests change while they are read: the newest reading of each wins.
      const facts = pullRequestFacts(source.repository, pull, pull.files?.nodes ?? [], { knownProjects, generated });
      const earlier = byNumber.get(facts.number);
      if (!earlier || earlier.updatedAt <= facts.updatedAt) byNumber.set(facts.number, facts);
    });
  });
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}
