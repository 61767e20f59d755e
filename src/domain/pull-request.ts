/**
 * What the app keeps of one pull request: its timing and size, and the Jira items it names. Nothing a person
 * wrote (title, description, code, comments) and no one's login or name: the keys are read from the branch,
 * title and commit messages when the pull request is read, and only the keys are kept.
 * Times are epoch milliseconds.
 */
export interface PullRequestFacts {
  /** `owner/name`. */
  repository: string;
  number: number;
  /** Upper-case issue keys, in order of first mention. */
  jiraKeys: string[];
  createdAt: number;
  /** The earliest authored commit on the branch; null when GitHub lists none. */
  firstCommitAt: number | null;
  /** The first submitted review (approval, changes requested or comment). */
  firstReviewAt: number | null;
  /** The first approving review. */
  approvedAt: number | null;
  mergedAt: number | null;
  /** Closed, merged or not; null while open. */
  closedAt: number | null;
  /** Spans spent as a draft, in order; an open span ends at null. */
  draftPeriods: Array<[from: number, until: number | null]>;
  /** Lines and files of the change without generated files (see generated-files.ts). */
  additions: number;
  deletions: number;
  changedFiles: number;
  /** GitHub's last update of the pull request: how incremental reads know what changed. */
  updatedAt: number;
}

/** When the pull request first asked for review: at opening, or when a draft opened as one was marked ready. */
export function readyForReviewAt(pull: PullRequestFacts): number | null {
  const first = pull.draftPeriods[0];
  if (!first || first[0] > pull.createdAt) return pull.createdAt;
  return first[1];
}

function isOpen(pull: PullRequestFacts): boolean {
  return pull.closedAt === null;
}

/** Open, out of draft, and not reviewed yet. */
export function isAwaitingFirstReview(pull: PullRequestFacts): boolean {
  const last = pull.draftPeriods[pull.draftPeriods.length - 1];
  const inDraft = last !== undefined && last[1] === null;
  return isOpen(pull) && !inDraft && pull.firstReviewAt === null;
}
