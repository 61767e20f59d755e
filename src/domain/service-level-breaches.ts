/**
 * Which items in progress have already taken longer than the project's service-level expectation (SLE), as
 * of `now`: what a Slack alert announces. The SLE is the one the project page shows (the configured
 * percentile of the cycle times of items finished in the configured window), and an item's age is measured
 * as the page's aging chart measures it, so an alert never names an item the page would not show beyond it.
 *
 * Reaching the SLE exactly is still within it: "85% of items finish within 9 days" holds for a 9-day item.
 */
import { WorkingDays } from './business-calendar';
import type { CompactHistory } from './compact-history';
import { cycleTimes } from './cycle-time';
import { DurationMeasure } from './duration-unit';
import type { FlowConfig } from './flow-config';
import { buildFlowTimeline } from './flow-timeline';
import { sortedSample } from './percentiles';
import { itemsDoneIn, resolveWindow } from './report-window';
import { serviceLevelExpectation } from './service-level-expectation';
import { workItemAges } from './work-item-age';
import { defaultWorkflow, resolveWorkflow } from './workflow';

export interface ServiceLevelBreach {
  key: string;
  /** The workflow stage the item is in now. */
  stage: string;
  /** In the configured unit, rounded as the project page rounds it. */
  age: number;
  /** When the item's current stretch in progress began (epoch ms): tells one crossing from the next. */
  startedAt: number;
}

export interface ServiceLevelBreaches {
  serviceLevel: { percentile: number; value: number | null; unit: string };
  /** Every item in progress now, by key, with the start of its stretch in progress. */
  inProgress: Map<string, number>;
  /** The items older than the SLE, oldest first (ties by key). */
  breaches: ServiceLevelBreach[];
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * @throws UnmappedStatusError when an issue passes through a status the workflow does not place;
 *   WorkflowError when the workflow is malformed (as `buildFlowReport`).
 */
export function serviceLevelBreaches(history: CompactHistory, config: FlowConfig, now: number): ServiceLevelBreaches {
  const conventions = config.conventions;
  const workflow = resolveWorkflow(config.workflow ?? defaultWorkflow(history.statuses), history.statuses);
  const timeline = buildFlowTimeline(history, workflow, conventions, now);
  const measure = new DurationMeasure(conventions.unit, new WorkingDays(conventions.businessCalendar));

  const finished = itemsDoneIn(timeline, resolveWindow(config.window, timeline));
  const sle = serviceLevelExpectation(
    sortedSample(cycleTimes(timeline, measure), finished),
    conventions.serviceLevelPercentile,
    conventions.percentileMethod,
  );
  const value = Number.isFinite(sle.value) ? round(sle.value) : null;

  const ages = workItemAges(timeline, measure);
  const inProgress = new Map<string, number>();
  const breaches: ServiceLevelBreach[] = [];
  ages.items.forEach((item, k) => {
    const key = history.key[item]!;
    const startedAt = timeline.start[item]!;
    inProgress.set(key, startedAt);
    const age = round(ages.ages[k]!);
    if (value !== null && age > value) {
      breaches.push({ key, stage: workflow.stageNames[timeline.currentStage[item]!]!, age, startedAt });
    }
  });
  breaches.sort((a, b) => b.age - a.age || a.key.localeCompare(b.key));
  return { serviceLevel: { percentile: conventions.serviceLevelPercentile, value, unit: conventions.unit }, inProgress, breaches };
}
