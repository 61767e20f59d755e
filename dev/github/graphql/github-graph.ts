/**
 * The simulation's repositories and pull requests as GitHub's GraphQL types (`Repository`, `PullRequest`,
 * `PullRequestCommit`, `PullRequestReview`, the draft timeline events, `PullRequestChangedFile`, `Blob`),
 * as plain objects whose connection fields are functions of their arguments: graphql-js calls them while it
 * executes a query against GitHub's schema, which shapes and checks the answer.
 */
import { GraphQLError } from 'graphql';
import { nodeId, type SimAccount, type SimRepository } from '../github-json';
import type { SimPullRequest } from '../pull-request-json';
import { connection, type ConnectionArgs } from './connection';

const firstLine = (text: string) => text.split('\n', 1)[0]!;

interface OrderArgs extends ConnectionArgs {
  orderBy?: { field: 'CREATED_AT' | 'UPDATED_AT' | 'COMMENTS'; direction: 'ASC' | 'DESC' } | null;
  states?: Array<'OPEN' | 'CLOSED' | 'MERGED'> | null;
  headRefName?: string | null;
  baseRefName?: string | null;
}

/**
 * An account as GraphQL's `Actor`: an app's account is a `Bot`, whose login GraphQL gives without the
 * `[bot]` that REST appends (`dependabot`, where REST says `dependabot[bot]`).
 */
function actorNode(account: SimAccount) {
  const bot = /^(.+)\[bot\]$/.exec(account.login);
  if (bot) return { __typename: 'Bot', id: nodeId('BOT', account.id), login: bot[1]! };
  return { __typename: account.type, id: nodeId(account.type === 'User' ? 'U' : 'O', account.id), login: account.login };
}

const pullState = (pull: SimPullRequest) => (pull.mergedAt ? 'MERGED' : pull.closedAt ? 'CLOSED' : 'OPEN');

export function pullRequestNode(pull: SimPullRequest) {
  const reviews = pull.reviews.map((review) => ({
    __typename: 'PullRequestReview',
    id: nodeId('PRR', review.id),
    author: actorNode(review.reviewer),
    state: review.state,
    submittedAt: review.submittedAt,
    createdAt: review.submittedAt,
  }));
  const draftEvents = pull.draftEvents.map((event, index) => ({
    __typename: event.ready ? 'ReadyForReviewEvent' : 'ConvertToDraftEvent',
    id: nodeId(event.ready ? 'RFRE' : 'CTDE', pull.id * 100 + index),
    createdAt: event.at,
  }));
  return {
    __typename: 'PullRequest',
    id: nodeId('PR', pull.id),
    databaseId: pull.id,
    number: pull.number,
    title: pull.title,
    author: actorNode(pull.author),
    headRefName: pull.headRef,
    baseRefName: pull.baseRef,
    isDraft: pull.isDraft,
    state: pullState(pull),
    merged: pull.mergedAt !== null,
    createdAt: pull.createdAt,
    updatedAt: pull.updatedAt,
    mergedAt: pull.mergedAt,
    closedAt: pull.closedAt,
    additions: pull.files.reduce((sum, file) => sum + file.additions, 0),
    deletions: pull.files.reduce((sum, file) => sum + file.deletions, 0),
    changedFiles: pull.files.length,
    commits: (args: ConnectionArgs) =>
      connection(
        pull.commits.map((commit) => ({
          __typename: 'PullRequestCommit',
          commit: {
            __typename: 'Commit',
            oid: commit.sha,
            authoredDate: commit.authoredAt,
            committedDate: commit.authoredAt,
            message: commit.message,
            messageHeadline: firstLine(commit.message),
          },
        })),
        args,
      ),
    reviews: (args: ConnectionArgs & { states?: string[] | null }) =>
      connection(args.states ? reviews.filter((review) => args.states!.includes(review.state)) : reviews, args),
    timelineItems: (args: ConnectionArgs & { itemTypes?: string[] | null; since?: string | null }) => {
      const wanted = (typename: string) => {
        if (!args.itemTypes) return true;
        const itemType = typename.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
        return args.itemTypes.includes(itemType);
      };
      const since = args.since ? Date.parse(args.since) : null;
      return connection(
        draftEvents.filter((event) => wanted(event.__typename) && (since === null || Date.parse(event.createdAt) >= since)),
        args,
      );
    },
    files: (args: ConnectionArgs) =>
      connection(
        pull.files.map((file) => ({ __typename: 'PullRequestChangedFile', ...file })),
        args,
      ),
  };
}

export function repositoryNode(repository: SimRepository, pulls: readonly SimPullRequest[]) {
  const fullName = `${repository.owner.login}/${repository.name}`;
  return {
    __typename: 'Repository',
    id: nodeId('R', repository.id),
    databaseId: repository.id,
    name: repository.name,
    nameWithOwner: fullName,
    isPrivate: repository.private,
    isArchived: repository.archived,
    object: ({ expression }: { expression?: string | null }) => {
      // Only the default branch's .gitattributes is kept by the simulation.
      const path = /^(?:HEAD|[^:]+):\.gitattributes$/.exec(expression ?? '');
      // Permission comes before existence: without Contents: read, even a missing file is FORBIDDEN.
      if (repository.contentsWithheld) {
        throw new GraphQLError('Resource not accessible by personal access token', { extensions: { type: 'FORBIDDEN' } });
      }
      if (!path || repository.gitattributes === null) return null;
      return {
        __typename: 'Blob',
        text: repository.gitattributes,
        byteSize: Buffer.byteLength(repository.gitattributes),
        isBinary: false,
        isTruncated: false,
      };
    },
    pullRequest: ({ number }: { number: number }) => {
      const pull = pulls.find((candidate) => candidate.number === number);
      // GitHub answers null with a NOT_FOUND error beside it, as for a repository.
      if (!pull)
        throw new GraphQLError(`Could not resolve to a PullRequest with the number of ${number}.`, { extensions: { type: 'NOT_FOUND' } });
      return pullRequestNode(pull);
    },
    pullRequests: (args: OrderArgs) => {
      const field = args.orderBy?.field ?? 'CREATED_AT';
      const sign = (args.orderBy?.direction ?? 'ASC') === 'ASC' ? 1 : -1;
      const key = (pull: SimPullRequest) => (field === 'UPDATED_AT' ? pull.updatedAt : pull.createdAt);
      const chosen = pulls
        .filter((pull) => !args.states || args.states.includes(pullState(pull)))
        .filter((pull) => !args.headRefName || args.headRefName === pull.headRef)
        .filter((pull) => !args.baseRefName || args.baseRefName === pull.baseRef)
        .sort((a, b) => sign * (key(a).localeCompare(key(b)) || a.number - b.number));
      return connection(chosen.map(pullRequestNode), args);
    },
  };
}

export function notFound(what: string, name: string): GraphQLError {
  return new GraphQLError(`Could not resolve to a ${what} with the name '${name}'.`, { extensions: { type: 'NOT_FOUND' } });
}
