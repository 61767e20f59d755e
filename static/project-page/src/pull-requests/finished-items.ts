import {
  buildFlowTimeline,
  defaultWorkflow,
  isoDateToDay,
  MS_PER_DAY,
  resolveWorkflow,
  type CompactHistory,
  type FlowReport,
  type FlowConfig,
} from '../../../../src/domain';
import type { FinishedItem } from './pull-request-figures';

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
export function reportPeriod(report: FlowReport): { from: number; to: number } {
  const from = (isoDateToDay(report.generated.window.from) ?? 0) * MS_PER_DAY;
  const to = ((isoDateToDay(report.generated.window.to) ?? 0) + 1) * MS_PER_DAY;
  return { from, to };
}
