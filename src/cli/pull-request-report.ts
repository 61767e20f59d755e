/**
 * The `pullRequests` section of the command's JSON report: the figures the project page's Pull requests tab
 * shows (src/domain/pull-request-figures.ts), computed by the same functions over the same period as the rest
 * of the report, with durations in hours (two decimals) so they can be checked by hand.
 */
import { PHASE_PERCENTILES, TIME_SPLIT_PARTS, type ItemTimeSplit, type PullRequestFigures, type TimeSplitPart } from '../domain';

const HOUR = 3_600_000;
const hours = (ms: number): number | null => (Number.isFinite(ms) ? Math.round((ms / HOUR) * 100) / 100 : null);

function splitHours(split: ItemTimeSplit): Record<TimeSplitPart, number> {
  return Object.fromEntries(TIME_SPLIT_PARTS.map((part) => [part, hours(split[part]) ?? 0])) as Record<TimeSplitPart, number>;
}

export interface PullRequestSection {
  repositories: string[];
  /** Every pull request read, and those merged in the report's period (the phases and sizes are of these). */
  read: number;
  merged: number;
  /** Hours at the 50th, 85th and 95th percentiles (nearest rank); null when no pull request has the phase. */
  phases: Array<{ phase: string; count: number; hours: Record<string, number | null> }>;
  /** Lines changed without generated files; `upToLines` null for the last class. */
  sizes: Array<{ size: string; upToLines: number | null; count: number }>;
  /** Open, out of draft and not reviewed yet, as of the report's `now`: longest wait first. */
  waitingForFirstReview: Array<{ repository: string; number: number; jiraKeys: string[]; hours: number | null }>;
  finishedItems: number;
  finishedWithPullRequest: number;
  /** Share of the finished items with a linked pull request; null when none finished. */
  shareWithPullRequest: number | null;
  /** Where the cycle time of the finished items with a pull request went, summed and per item (hours). */
  timeSplit: { totals: Record<TimeSplitPart, number>; items: Array<{ key: string; hours: Record<TimeSplitPart, number> }> };
}

export function pullRequestSection(figures: PullRequestFigures, repositories: readonly string[], read: number): PullRequestSection {
  return {
    repositories: [...repositories],
    read,
    merged: figures.merged,
    phases: figures.phases.map(({ phase, count, values }) => ({
      phase,
      count,
      hours: Object.fromEntries(PHASE_PERCENTILES.map((percentile, k) => [String(percentile), hours(values[k]!)])),
    })),
    sizes: figures.sizes.map(({ size, count }) => ({ size: size.label, upToLines: Number.isFinite(size.upTo) ? size.upTo : null, count })),
    waitingForFirstReview: figures.waiting.map((pull) => ({
      repository: pull.repository,
      number: pull.number,
      jiraKeys: pull.jiraKeys,
      hours: hours(pull.waitingMs),
    })),
    finishedItems: figures.finished,
    finishedWithPullRequest: figures.finishedWithPullRequest,
    shareWithPullRequest: figures.finished === 0 ? null : Math.round((figures.finishedWithPullRequest / figures.finished) * 1000) / 1000,
    timeSplit: {
      totals: splitHours(figures.splitTotals),
      items: figures.splits.map(({ key, split }) => ({ key, hours: splitHours(split) })),
    },
  };
}
