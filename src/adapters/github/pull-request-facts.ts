import { extractJiraKeys, GeneratedFiles, handWrittenSize, type ChangedFile, type PullRequestFacts } from '../../domain';
import type { ActorJson, PullRequestJson } from './pull-request-query';

/**
 * A pull request as GitHub's GraphQL API answers it, reduced to what the app keeps (see
 * src/domain/pull-request.ts): times, draft spans, size without generated files, and the issue keys its
 * branch, title and commit headlines name. The text itself goes no further than this function.
 */
const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);

/** Draft spans from the ready-for-review and convert-to-draft events, in order. */
function draftPeriods(pull: Pick<PullRequestJson, 'isDraft' | 'createdAt' | 'closedAt' | 'timelineItems'>): Array<[number, number | null]> {
  const events = pull.timelineItems.nodes
    .filter((event) => event.createdAt && (event.__typename === 'ReadyForReviewEvent' || event.__typename === 'ConvertToDraftEvent'))
    .map((event) => ({ ready: event.__typename === 'ReadyForReviewEvent', at: Date.parse(event.createdAt!) }))
    .sort((a, b) => a.at - b.at);
  const created = Date.parse(pull.createdAt);
  // Opened as a draft when the first event makes it ready, or when it is a draft and nothing ever changed that.
  const openedAsDraft = events.length > 0 ? events[0]!.ready : pull.isDraft;
  const periods: Array<[number, number | null]> = [];
  let since: number | null = openedAsDraft ? created : null;
  for (const event of events) {
    if (event.ready && since !== null) {
      periods.push([since, event.at]);
      since = null;
    } else if (!event.ready && since === null) {
      since = event.at;
    }
  }
  // Still a draft: the span is open, or ends when the pull request was closed as one.
  if (since !== null) periods.push([since, time(pull.closedAt)]);
  return periods;
}

/** An app's account: GraphQL types it `Bot`; REST (and so an export from it) appends `[bot]` to its login. */
const isBot = (actor: ActorJson) => actor.__typename === 'Bot' || actor.login.endsWith('[bot]');

/**
 * A review that tells the author someone else looked at the work: not the author's own (a reply to a
 * comment is a COMMENTED review by the author), nor an app's (linters, CI summaries). A review whose account
 * was deleted counts: it was a person's. The logins are compared here and go no further.
 */
function isSomeoneElsesReview(pull: Pick<PullRequestJson, 'author'>, review: { author?: ActorJson | null }): boolean {
  const reviewer = review.author;
  if (!reviewer) return true;
  if (isBot(reviewer)) return false;
  return !pull.author || pull.author.login.toLowerCase() !== reviewer.login.toLowerCase();
}

export interface FactsReading {
  knownProjects: ReadonlySet<string> | null;
  generated: GeneratedFiles;
}

export function pullRequestFacts(
  repository: string,
  pull: PullRequestJson,
  files: readonly ChangedFile[],
  reading: FactsReading,
): PullRequestFacts {
  const commits = pull.commits.nodes.map((node) => node.commit);
  const authored = commits.map((commit) => Date.parse(commit.authoredDate)).filter(Number.isFinite);
  const reviews = (pull.reviews?.nodes ?? [])
    .filter((review) => review.submittedAt && isSomeoneElsesReview(pull, review))
    .map((review) => ({ state: review.state, at: Date.parse(review.submittedAt!) }))
    .sort((a, b) => a.at - b.at);
  const size = handWrittenSize(files, reading.generated);
  return {
    repository,
    number: pull.number,
    jiraKeys: extractJiraKeys([pull.headRefName, pull.title, ...commits.map((commit) => commit.messageHeadline)], {
      knownProjects: reading.knownProjects,
    }),
    createdAt: Date.parse(pull.createdAt),
    firstCommitAt: authored.length > 0 ? Math.min(...authored) : null,
    firstReviewAt: reviews[0]?.at ?? null,
    approvedAt: reviews.find((review) => review.state === 'APPROVED')?.at ?? null,
    mergedAt: time(pull.mergedAt),
    closedAt: time(pull.closedAt),
    draftPeriods: draftPeriods(pull),
    additions: size.additions,
    deletions: size.deletions,
    changedFiles: size.files,
    updatedAt: Date.parse(pull.updatedAt),
  };
}
