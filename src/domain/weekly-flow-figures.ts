/**
 * The few numbers a weekly digest tells a team about one project, as of `now`:
 *
 * - throughput: items finished in the last 7 days (today included) against the 7 days before them; the
 *   earlier count is null when the history does not reach back over all of those days;
 * - cycle time: the 50th and 85th percentiles of the items finished in the last 30 days;
 * - WIP: items in progress now;
 * - items at risk: items in progress for longer than that 85th percentile (see `AT_RISK_PERCENTILE`), oldest
 *   first. With nothing finished in 30 days there is no yardstick, so nothing is called at risk.
 *
 * Each number is measured exactly as the full report measures it (same timeline, same unit, same percentile
 * method), so the digest and the project page never disagree about the same days.
 */
import { WorkingDays } from './business-calendar';
import type { CompactHistory } from './compact-history';
import { cycleTimes } from './cycle-time';
import { DurationMeasure } from './duration-unit';
import type { FlowConfig } from './flow-config';
import { buildFlowTimeline } from './flow-timeline';
import { AT_RISK_PERCENTILE, comparableWindowBefore } from './period-comparison';
import { percentileOfSorted, sortedSample } from './percentiles';
import { itemsDoneIn, type ReportWindow } from './report-window';
import { defaultWorkflow, resolveWorkflow } from './workflow';
import { workItemAges } from './work-item-age';

/** The week the digest reports throughput for, and the longer span its cycle times are taken from. */
const DIGEST_WEEK_DAYS = 7;
const DIGEST_CYCLE_TIME_DAYS = 30;

interface AgedItem {
  key: string;
  /** In the configured unit. */
  age: number;
}

export interface WeeklyFlowFigures {
  /** Unit of cycle times and ages (`days-inclusive`, `days-exclusive` or `hours`). */
  unit: string;
  throughput: { lastWeek: number; weekBefore: number | null };
  /** Over the items finished in the last 30 days; null when none was. */
  cycleTime: { p50: number | null; p85: number | null; items: number };
  wip: number;
  /** Every item at risk, oldest first (ties by key). */
  atRisk: AgedItem[];
}

const lastDays = (nowDay: number, days: number): ReportWindow => ({ from: nowDay - days + 1, to: nowDay });
const orNull = (value: number) => (Number.isFinite(value) ? value : null);

/**
 * @throws UnmappedStatusError when an issue passes through a status the workflow does not place;
 *   WorkflowError when the workflow is malformed (as `buildFlowReport`).
 */
export function weeklyFlowFigures(history: CompactHistory, config: FlowConfig, now: number): WeeklyFlowFigures {
  const conventions = config.conventions;
  const workflow = resolveWorkflow(config.workflow ?? defaultWorkflow(history.statuses), history.statuses);
  const timeline = buildFlowTimeline(history, workflow, conventions, now);
  const measure = new DurationMeasure(conventions.unit, new WorkingDays(conventions.businessCalendar));

  const week = lastDays(timeline.nowDay, DIGEST_WEEK_DAYS);
  const weekBefore = comparableWindowBefore(timeline, week);

  const cycle = cycleTimes(timeline, measure);
  const finished = itemsDoneIn(timeline, lastDays(timeline.nowDay, DIGEST_CYCLE_TIME_DAYS));
  const sorted = sortedSample(cycle, finished);
  const p50 = percentileOfSorted(sorted, 50, conventions.percentileMethod);
  const p85 = percentileOfSorted(sorted, AT_RISK_PERCENTILE, conventions.percentileMethod);

  const ages = workItemAges(timeline, measure);
  const atRisk: AgedItem[] = [];
  ages.items.forEach((item, k) => {
    // NaN (nothing finished) compares false: no yardstick, nothing at risk.
    if (ages.ages[k]! > p85) atRisk.push({ key: history.key[item]!, age: ages.ages[k]! });
  });
  atRisk.sort((a, b) => b.age - a.age || a.key.localeCompare(b.key));

  return {
    unit: conventions.unit,
    throughput: { lastWeek: itemsDoneIn(timeline, week).length, weekBefore: weekBefore ? itemsDoneIn(timeline, weekBefore).length : null },
    cycleTime: { p50: orNull(p50), p85: orNull(p85), items: sorted.length },
    wip: ages.items.length,
    atRisk,
  };
}
