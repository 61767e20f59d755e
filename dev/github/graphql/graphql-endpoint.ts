/**
 * `POST /graphql` of the simulated GitHub: a query is parsed, validated against GitHub's published schema,
 * priced by GitHub's rules (query-cost.ts), charged to the token's GraphQL budget (5,000 points an hour,
 * separate from REST's), then executed over the simulation's data (github-graph.ts).
 *
 * As GitHub answers: errors in the query, a spent budget (type `RATE_LIMITED`) and unknown repositories
 * (type `NOT_FOUND`, `data.repository: null`) come back with status 200 and an `errors` list; the
 * `x-ratelimit-*` headers name the `graphql` resource and count points, not requests.
 */
import { executeSync, GraphQLError, parse, validate, type DocumentNode, type ExecutionResult } from 'graphql';
import type { SimRepository } from '../github-json';
import type { SimPullRequest } from '../pull-request-json';
import { githubSchema } from './github-schema';
import { notFound, pullRequestNode, repositoryNode } from './github-graph';
import { queryCost } from './query-cost';

export interface GraphBucket {
  limit: number;
  used: number;
  resetAt: number;
}

/** What the endpoint may see of the simulation, as the calling token. */
export interface GraphSource {
  /** The repository, when it exists and the token may see it. */
  repository(fullName: string): SimRepository | null;
  pullRequests(repository: SimRepository): readonly SimPullRequest[];
  /** Every pull request the token may see, to find one by node id. */
  visiblePullRequests(): Iterable<SimPullRequest>;
  accountId: number;
}

export interface GraphAnswer {
  status: number;
  body: unknown;
}

/** One error as GitHub lists it: its `type` (NOT_FOUND, RATE_LIMITED, ...) beside the message, not inside `extensions`. */
interface GitHubGraphqlError {
  type?: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: Record<string, unknown>;
  message: string;
}

/** The body of an answer with status 200: the data (null when nothing ran), and the errors when there are any. */
export interface GitHubGraphqlBody<Data> {
  data?: Data | null;
  errors?: GitHubGraphqlError[];
}

function githubErrors(errors: readonly GraphQLError[]): GitHubGraphqlError[] {
  return errors.map((error) => {
    const { type, ...extensions } = (error.extensions ?? {}) as { type?: string };
    return {
      ...(type ? { type } : {}),
      ...(error.path ? { path: error.path } : {}),
      ...(error.locations ? { locations: error.locations } : {}),
      ...(Object.keys(extensions).length > 0 ? { extensions } : {}),
      message: error.message,
    };
  });
}

export function answerGraphql(requestBody: string | undefined, source: GraphSource, bucket: GraphBucket): GraphAnswer {
  let request: { query?: unknown; variables?: unknown };
  try {
    request = JSON.parse(requestBody ?? '') as typeof request;
  } catch {
    return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql' } };
  }
  if (typeof request.query !== 'string') {
    return { status: 200, body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] } };
  }
  const variables = (request.variables && typeof request.variables === 'object' ? request.variables : {}) as Record<string, unknown>;
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    return { status: 200, body: { errors: githubErrors([error as GraphQLError]) } };
  }
  const invalid = validate(githubSchema(), document);
  if (invalid.length > 0) return { status: 200, body: { errors: githubErrors(invalid) } };
  const price = queryCost(document, variables);
  if (price.problems.length > 0) {
    return { status: 200, body: { errors: price.problems.map((message) => ({ type: 'MAX_NODE_LIMIT_EXCEEDED', message })) } };
  }
  if (bucket.limit - bucket.used < price.cost) {
    return {
      status: 200,
      body: { errors: [{ type: 'RATE_LIMITED', message: `API rate limit exceeded for user ID ${source.accountId}.` }] },
    };
  }
  bucket.used += price.cost;

  const rootValue = {
    rateLimit: () => ({
      cost: price.cost,
      limit: bucket.limit,
      nodeCount: price.nodeCount,
      remaining: bucket.limit - bucket.used,
      resetAt: new Date(bucket.resetAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      used: bucket.used,
    }),
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repository = source.repository(`${owner}/${name}`);
      if (!repository) throw notFound('Repository', `${owner}/${name}`);
      return repositoryNode(repository, source.pullRequests(repository));
    },
    node: ({ id }: { id: string }) => {
      for (const pull of source.visiblePullRequests()) {
        const node = pullRequestNode(pull);
        if (node.id === id) return node;
      }
      throw new GraphQLError(`Could not resolve to a node with the global id of '${id}'`, { extensions: { type: 'NOT_FOUND' } });
    },
  };
  const result: ExecutionResult = executeSync({ schema: githubSchema(), document, rootValue, variableValues: variables });
  const body: GitHubGraphqlBody<unknown> = { data: result.data ?? null };
  if (result.errors?.length) body.errors = githubErrors(result.errors);
  return { status: 200, body };
}
