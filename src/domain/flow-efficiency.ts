/**
 * Flow efficiency: the share of an item's cycle time spent actively worked on, rather than waiting.
 *
 * Which stages are active is configurable per stage (`WorkflowStage.active`); by default every stage from
 * the start stage up to the done stage is active, and time an item spent moved back before the start stage
 * counts as waiting. Time flagged as blocked counts as waiting too, unless `blockedCountsAsWaiting` is
 * false. So with no configuration, flow efficiency is "not blocked" time over cycle time, which is already
 * informative where teams flag impediments; admins who split out queue stages ("Ready for QA") and mark
 * them waiting get the classic measure.
 *
 * Computed for done items, over exact elapsed time from start to done. The aggregate over many items is
 * total active time / total cycle time (a weighted mean), so one long item is not outvoted by many short
 * ones.
 */
import { flaggedIntervals, IntervalBuffer } from './blocked-time';
import type { FlowTimeline } from './flow-timeline';

export interface FlowEfficiencyOptions {
  /** Default true. */
  blockedCountsAsWaiting?: boolean;
}

export interface FlowEfficiency {
  /** Per item: active milliseconds between start and done; NaN when not done. */
  activeMs: Float64Array;
  /** Per item: milliseconds from start to done; NaN when not done. */
  totalMs: Float64Array;
}

export function flowEfficiency(timeline: FlowTimeline, options: FlowEfficiencyOptions = {}): FlowEfficiency {
  const blockedIsWaiting = options.blockedCountsAsWaiting ?? true;
  const { history, start, done, transitionEnd, now } = timeline;
  const { activeStages, stageOfStatus } = timeline.workflow;
  const { initialStatus, transitionOffset, transitionAt, transitionStatus, created, flagOffset } = history;
  const activeMs = new Float64Array(timeline.itemCount).fill(NaN);
  const totalMs = new Float64Array(timeline.itemCount).fill(NaN);
  const active = new IntervalBuffer();
  const flagged = new IntervalBuffer();

  for (let i = 0; i < timeline.itemCount; i++) {
    const doneAt = done[i]!;
    if (Number.isNaN(doneAt)) continue;
    const startedAt = start[i]!;
    const first = transitionOffset[i]!;
    const last = transitionEnd[i]!;
    active.ensure(last - first + 1);
    active.count = 0;
    const spans = active.values;
    let activeTotal = 0;
    let since = created[i]!;
    let status = initialStatus[i]!;
    // Each turn closes the visit of `status` that began at `since`, clipped to [start, done].
    for (let j = first; ; j++) {
      const until = j < last && transitionAt[j]! < doneAt ? transitionAt[j]! : doneAt;
      const from = since > startedAt ? since : startedAt;
      if (until > from && activeStages[stageOfStatus[status]!]) {
        activeTotal += until - from;
        spans[2 * active.count] = from;
        spans[2 * active.count + 1] = until;
        active.count++;
      }
      if (until >= doneAt) break;
      since = until;
      status = transitionStatus[j]!;
    }
    if (blockedIsWaiting && active.count > 0 && flagOffset[i + 1]! > flagOffset[i]!) {
      flaggedIntervals(history, i, startedAt, doneAt, now, flagged);
      // Both lists are in time order and non-overlapping: one merge pass finds their intersection.
      let a = 0;
      for (let f = 0; f < flagged.count; f++) {
        const flagFrom = flagged.values[2 * f]!;
        const flagTo = flagged.values[2 * f + 1]!;
        while (a < active.count && spans[2 * a + 1]! <= flagFrom) a++;
        for (let k = a; k < active.count && spans[2 * k]! < flagTo; k++) {
          const overlap = Math.min(flagTo, spans[2 * k + 1]!) - Math.max(flagFrom, spans[2 * k]!);
          if (overlap > 0) activeTotal -= overlap;
        }
      }
    }
    activeMs[i] = activeTotal;
    totalMs[i] = doneAt - startedAt;
  }
  return { activeMs, totalMs };
}

/** Total active time / total time over the given items; NaN when they have no time at all. */
export function aggregateFlowEfficiency(efficiency: FlowEfficiency, items: ArrayLike<number>): number {
  let active = 0;
  let total = 0;
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    const itemTotal = efficiency.totalMs[item]!;
    if (!Number.isNaN(itemTotal)) {
      active += efficiency.activeMs[item]!;
      total += itemTotal;
    }
  }
  return total > 0 ? active / total : NaN;
}
