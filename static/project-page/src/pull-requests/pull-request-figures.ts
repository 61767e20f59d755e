/**
 * The Pull requests tab's figures are the domain's (src/domain/pull-request-figures.ts), which the
 * `flow-metrics` command reports too; this file adds how the tab words and formats them.
 */
import type { TimeSplitPart } from '../../../../src/domain';

export {
  finishedItems,
  PHASE_PERCENTILES,
  pullRequestFigures,
  reportPeriod,
  type FinishedItem,
  type PullRequestFigures,
  type WaitingPullRequest,
} from '../../../../src/domain';

export const PART_LABELS: Record<TimeSplitPart, string> = {
  before: 'Before the first pull request',
  coding: 'Coding',
  pickup: 'Waiting for review',
  review: 'In review',
  merge: 'Approved, not merged',
  between: 'Between pull requests',
  after: 'After the last merge',
};

/** Hours below two days, days above: the scale review times are talked about in. */
export function formatWait(ms: number): string {
  const hours = ms / 3_600_000;
  if (!Number.isFinite(hours)) return '–';
  if (hours < 48) return `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} h`;
  return `${(hours / 24).toFixed(1)} d`;
}
