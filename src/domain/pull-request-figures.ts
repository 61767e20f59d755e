/**
 * The pull-request figures of a project, as the Pull requests tab shows them and the `flow-metrics` command
 * reports them, from its pull requests and its finished items:
 * - phase percentiles and sizes of the pull requests merged in the report's period;
 * - open pull requests still waiting for a first review, longest wait first;
 * - how many items finished in the period had a linked pull request;
 * - where those items' cycle time went (before, inside and after their pull requests).
 */
import { isoDateToDay, MS_PER_DAY } from './calendar-day';
import type { CompactHistory } from './compact-history';
import type { FlowConfig } from './flow-config';
import type { FlowReport } from './flow-report';
import { buildFlowTimeline } from './flow-timeline';
import { itemTimeSplit, TIME_SPLIT_PARTS, type ItemTimeSplit } from './item-time-split';
import { isAwaitingFirstReview, readyForReviewAt, type PullRequestFacts } from './pull-request';
import { phasePercentiles, type PhasePercentiles } from './pull-request-phases';
import { sizeDistribution, type SizeCount } from './pull-request-size';
import { defaultWorkflow, resolveWorkflow } from './workflow';

export const PHASE_PERCENTILES = [50, 85, 95] as const;

export interface FinishedItem {
  key: string;
  /** Epoch ms. */
  start: number;
  done: number;
}

interface WaitingPullRequest {
  repository: string;
  number: number;
  jiraKeys: string[];
  waitingMs: number;
}

export interface PullRequestFigures {
  merged: number;
  phases: PhasePercentiles[];
  sizes: SizeCount[];
  waiting: WaitingPullRequest[];
  finished: number;
  finishedWithPullRequest: number;
  /** Per finished item with a pull request in its cycle, in order of finishing. */
  splits: Array<{ key: string; split: ItemTimeSplit }>;
  /** The parts summed over those items (ms). */
  splitTotals: ItemTimeSplit;
}

export function pullRequestFigures(
  pulls: readonly PullRequestFacts[],
  finishedItems: readonly FinishedItem[],
  window: { from: number; to: number },
  now: number,
): PullRequestFigures {
  const mergedInWindow = pulls.filter((pull) => pull.mergedAt !== null && pull.mergedAt >= window.from && pull.mergedAt < window.to);
  const waiting = pulls
    .filter(isAwaitingFirstReview)
    .map((pull) => ({
      repository: pull.repository,
      number: pull.number,
      jiraKeys: pull.jiraKeys,
      waitingMs: now - (readyForReviewAt(pull) ?? pull.createdAt),
    }))
    .sort((a, b) => b.waitingMs - a.waitingMs);

  const byKey = new Map<string, PullRequestFacts[]>();
  for (const pull of pulls) for (const key of pull.jiraKeys) byKey.set(key, [...(byKey.get(key) ?? []), pull]);
  const finished = finishedItems.filter((item) => item.done >= window.from && item.done < window.to).sort((a, b) => a.done - b.done);
  const splits: PullRequestFigures['splits'] = [];
  const splitTotals = Object.fromEntries(TIME_SPLIT_PARTS.map((part) => [part, 0])) as ItemTimeSplit;
  let finishedWithPullRequest = 0;
  for (const item of finished) {
    const linked = byKey.get(item.key) ?? [];
    if (linked.length > 0) finishedWithPullRequest += 1;
    const split = itemTimeSplit(item.start, item.done, linked);
    if (!split) continue;
    splits.push({ key: item.key, split });
    for (const part of TIME_SPLIT_PARTS) splitTotals[part] += split[part];
  }
  return {
    merged: mergedInWindow.length,
    phases: phasePercentiles(mergedInWindow, PHASE_PERCENTILES, 'nearest-rank'),
    sizes: sizeDistribution(mergedInWindow),
    waiting,
    finished: finished.length,
    finishedWithPullRequest,
    splits,
    splitTotals,
  };
}

/**
 * The items finished by now, with their start and done to the millisecond (the report's items carry days,
 * too coarse beside pull requests timed in hours), on the same workflow and conventions as the report.
 */
export function finishedItems(history: CompactHistory, config: FlowConfig, now: number): FinishedItem[] {
  const workflow = resolveWorkflow(config.workflow ?? defaultWorkflow(history.statuses), history.statuses);
  const timeline = buildFlowTimeline(history, workflow, config.conventions, now);
  const items: FinishedItem[] = [];
  for (let i = 0; i < timeline.itemCount; i++) {
    const start = timeline.start[i]!;
    const done = timeline.done[i]!;
    if (timeline.included[i] && Number.isFinite(start) && Number.isFinite(done)) items.push({ key: history.key[i]!, start, done });
  }
  return items;
}

/** The report's period as epoch ms: from the first day's start to the end of the last day (UTC days). */
export function reportPeriod(report: Pick<FlowReport, 'generated'>): { from: number; to: number } {
  const from = (isoDateToDay(report.generated.window.from) ?? 0) * MS_PER_DAY;
  const to = ((isoDateToDay(report.generated.window.to) ?? 0) + 1) * MS_PER_DAY;
  return { from, to };
}

export interface PhaseTrendPeriod {
  /** The reporting period (ISO dates, both days included), as the report's throughput has them. */
  start: string;
  end: string;
  merged: number;
  phases: PhasePercentiles[];
}

/**
 * The phase percentiles of the pull requests merged in each reporting period (a week or a month, as the
 * report's throughput), so a team sees whether review got faster. Days are UTC days, as `reportPeriod`'s.
 */
export function phaseTrend(pulls: readonly PullRequestFacts[], periods: ReadonlyArray<{ start: string; end: string }>): PhaseTrendPeriod[] {
  return periods.map(({ start, end }) => {
    const from = (isoDateToDay(start) ?? 0) * MS_PER_DAY;
    const to = ((isoDateToDay(end) ?? 0) + 1) * MS_PER_DAY;
    const merged = pulls.filter((pull) => pull.mergedAt !== null && pull.mergedAt >= from && pull.mergedAt < to);
    return { start, end, merged: merged.length, phases: phasePercentiles(merged, PHASE_PERCENTILES, 'nearest-rank') };
  });
}

export interface TimeSplitPeriod {
  start: string;
  end: string;
  /** Items finished in the period with a pull request in their cycle. */
  items: number;
  /** Their time split, summed (ms). */
  totals: ItemTimeSplit;
}

/**
 * Where the time of the items finished in each reporting period went (see `itemTimeSplit`), summed per
 * period, for a stacked chart over time. Days are UTC days, as `reportPeriod`'s.
 */
export function timeSplitTrend(
  pulls: readonly PullRequestFacts[],
  items: readonly FinishedItem[],
  periods: ReadonlyArray<{ start: string; end: string }>,
): TimeSplitPeriod[] {
  const splits = itemTimeSplits(pulls, items);
  return periods.map(({ start, end }) => {
    const from = (isoDateToDay(start) ?? 0) * MS_PER_DAY;
    const to = ((isoDateToDay(end) ?? 0) + 1) * MS_PER_DAY;
    const totals = Object.fromEntries(TIME_SPLIT_PARTS.map((part) => [part, 0])) as ItemTimeSplit;
    let count = 0;
    for (const item of items) {
      const split = item.done >= from && item.done < to ? splits.get(item.key) : undefined;
      if (!split) continue;
      count += 1;
      for (const part of TIME_SPLIT_PARTS) totals[part] += split[part];
    }
    return { start, end, items: count, totals };
  });
}

/** Each finished item's time split, by key, for the items with a pull request in their cycle. */
export function itemTimeSplits(pulls: readonly PullRequestFacts[], items: readonly FinishedItem[]): Map<string, ItemTimeSplit> {
  const byKey = new Map<string, PullRequestFacts[]>();
  for (const pull of pulls) for (const key of pull.jiraKeys) byKey.set(key, [...(byKey.get(key) ?? []), pull]);
  const splits = new Map<string, ItemTimeSplit>();
  for (const item of items) {
    const split = itemTimeSplit(item.start, item.done, byKey.get(item.key) ?? []);
    if (split) splits.set(item.key, split);
  }
  return splits;
}
