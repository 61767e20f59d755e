import { parse, validate } from 'graphql';
import { MORE_FILES_QUERY, PULL_REQUEST_PAGE_QUERY, type PullRequestPageJson } from '../../../src/adapters/github/pull-request-query';
import type { SimResponse } from '../../jira/sim-http';
import { SimulatedGitHub } from '../simulated-github';
import { githubSchema } from './github-schema';
import type { GitHubGraphqlBody } from './graphql-endpoint';

const NOW = new Date('2026-03-10T12:00:00Z');
const TOKEN = 'ghp_graphqlendpointtesttoken0000000000000';

function simulation() {
  const github = new SimulatedGitHub(() => NOW);
  github.addAccount('acme', { type: 'Organization' });
  github.addAccount('reader');
  github.addRepository('acme/web');
  github.issueToken({ token: TOKEN, login: 'reader', repositories: 'all' });
  github.addPullRequest('acme/web', { title: 'FLOW-1 First', author: 'reader', headRef: 'a', createdAt: new Date('2026-03-01T10:00:00Z') });
  return github;
}

const post = (github: SimulatedGitHub, query: string, variables: Record<string, unknown> = {}, token: string | null = TOKEN) =>
  github.handle({
    method: 'POST',
    path: '/graphql',
    headers: token ? { authorization: `bearer ${token}` } : {},
    body: JSON.stringify({ query, variables }),
  });

/** An answer's body, as GitHub shapes it; `Data` is what the query asked for. */
const bodyOf = <Data = unknown>(answer: SimResponse) => JSON.parse(answer.body) as GitHubGraphqlBody<Data>;
/** The first error an answer lists (the test fails when there is none). */
const firstError = (answer: SimResponse) => {
  const [error] = bodyOf(answer).errors ?? [];
  if (!error) throw new Error(`expected an error, got ${answer.body}`);
  return error;
};

describe('the simulated GitHub GraphQL endpoint', () => {
  it("holds the app's queries to GitHub's published schema", () => {
    expect(validate(githubSchema(), parse(PULL_REQUEST_PAGE_QUERY))).toEqual([]);
    expect(validate(githubSchema(), parse(MORE_FILES_QUERY))).toEqual([]);
  });

  it('refuses a field GitHub does not have, as GitHub does (200 with errors)', async () => {
    const answer = await post(
      simulation(),
      'query { repository(owner: "acme", name: "web") { pullRequests(first: 1) { nodes { author { email } } } } }',
    );
    expect(answer.status).toBe(200);
    expect(firstError(answer).message).toContain('Cannot query field "email" on type "Actor"');
  });

  it('answers the page query with points counted in the graphql bucket', async () => {
    const github = simulation();
    const answer = await post(github, PULL_REQUEST_PAGE_QUERY, { owner: 'acme', name: 'web', pageSize: 50, after: null });
    const body = bodyOf<PullRequestPageJson>(answer);
    expect(body.errors).toBeUndefined();
    expect(body.data?.rateLimit).toEqual({ cost: 2, remaining: 4998, resetAt: '2026-03-10T13:00:00Z' });
    expect(body.data?.repository?.pullRequests.nodes[0]).toMatchObject({
      number: 1,
      title: 'FLOW-1 First',
      author: { __typename: 'User', login: 'reader' },
      isDraft: false,
      mergedAt: null,
    });
    expect(answer.headers).toMatchObject({ 'x-ratelimit-resource': 'graphql', 'x-ratelimit-used': '2', 'x-ratelimit-remaining': '4998' });
    expect(github.graphqlPointsUsed('reader')).toBe(2);
  });

  it('names a repository it cannot find with NOT_FOUND and a null repository', async () => {
    const answer = await post(simulation(), PULL_REQUEST_PAGE_QUERY, { owner: 'acme', name: 'nope', pageSize: 10, after: null });
    expect(bodyOf<PullRequestPageJson>(answer).data?.repository).toBeNull();
    expect(firstError(answer)).toMatchObject({
      type: 'NOT_FOUND',
      path: ['repository'],
      message: "Could not resolve to a Repository with the name 'acme/nope'.",
    });
  });

  it('refuses a spent budget with RATE_LIMITED, an unauthenticated call with 401, and a secondary limit with retry-after', async () => {
    const github = simulation();
    github.setGraphqlRemaining('reader', 0);
    const spent = await post(github, 'query { viewer { login } }');
    expect(spent.status).toBe(200);
    expect(firstError(spent).type).toBe('RATE_LIMITED');
    expect(spent.headers['x-ratelimit-remaining']).toBe('0');
    expect((await post(github, 'query { viewer { login } }', {}, null)).status).toBe(401);
    github.refuseWithSecondaryLimit(1, 30);
    const secondary = await post(github, 'query { viewer { login } }');
    expect(secondary.status).toBe(403);
    expect(secondary.headers['retry-after']).toBe('30');
  });

  it('refuses a page larger than 100 before charging for it', async () => {
    const github = simulation();
    const answer = await post(github, PULL_REQUEST_PAGE_QUERY, { owner: 'acme', name: 'web', pageSize: 101, after: null });
    expect(firstError(answer).message).toContain('exceeds the `first` limit of 100 records');
    expect(github.graphqlPointsUsed('reader')).toBe(0);
  });
});
