import type { PullRequestFacts } from '../pull-request';

export const HOUR = 3_600_000;
/** 2026-03-02T09:00:00Z: an arbitrary Monday morning the fixtures count hours from. */
const T0 = Date.UTC(2026, 2, 2, 9);
export const at = (hours: number) => T0 + hours * HOUR;

/** A merged-nowhere, unreviewed, open pull request opened at T0 unless told otherwise. */
export function pullRequest(facts: Partial<PullRequestFacts> = {}): PullRequestFacts {
  return {
    repository: 'acme/web',
    number: 1,
    jiraKeys: [],
    createdAt: T0,
    firstCommitAt: null,
    firstReviewAt: null,
    approvedAt: null,
    mergedAt: null,
    closedAt: null,
    draftPeriods: [],
    additions: 0,
    deletions: 0,
    changedFiles: 0,
    updatedAt: facts.closedAt ?? facts.createdAt ?? T0,
    ...facts,
  };
}

/** A pull request merged at `mergedHour` (closed then too). */
export function mergedPullRequest(mergedHour: number, facts: Partial<PullRequestFacts> = {}): PullRequestFacts {
  return pullRequest({ mergedAt: at(mergedHour), closedAt: at(mergedHour), ...facts });
}
