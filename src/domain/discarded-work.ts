/**
 * Discarded work: items finished without being delivered (closed as Won't Fix, Duplicate, Cancelled).
 *
 * Vacanti and the flow tools that follow him keep such items apart. They did leave work in progress, so work
 * in progress, cumulative flow and net flow count their departure; but closing an item is not delivering it,
 * so they are left out of cycle time, lead time, throughput and the forecasts built on throughput, where their
 * short times would flatter every number. An admin says which done statuses and which resolutions mean
 * "discarded" (see `Workflow.discardedStatuses` and `discardedResolutions`); the timeline marks the items that
 * end in one.
 */
import type { FlowTimeline } from './flow-timeline';
import type { ReportWindow } from './report-window';

export interface DiscardedWork {
  /** Items discarded within the window (their done day in it). */
  items: number;
  /**
   * The same, per reason, most first: the discarding status, or for an item discarded by its resolution
   * alone, that resolution.
   */
  byStatus: Array<{ status: string; items: number }>;
}

/** The items discarded within the window, counted per status (or resolution). */
export function discardedWork(timeline: FlowTimeline, window: ReportWindow): DiscardedWork {
  const { discarded, doneDay, currentStatus, history, workflow } = timeline;
  const perReason = new Map<string, number>();
  let items = 0;
  for (let i = 0; i < timeline.itemCount; i++) {
    if (discarded[i] !== 1 || doneDay[i]! < window.from || doneDay[i]! > window.to) continue;
    items++;
    const status = currentStatus[i]!;
    const resolution = history.facets?.resolution[i] ?? -1;
    const reason =
      workflow.discardedStatus[status] === 1 || resolution < 0 ? history.statuses[status]!.name : history.facets!.resolutions[resolution]!;
    perReason.set(reason, (perReason.get(reason) ?? 0) + 1);
  }
  const byStatus = Array.from(perReason, ([status, count]) => ({ status, items: count }));
  byStatus.sort((a, b) => b.items - a.items || a.status.localeCompare(b.status));
  return { items, byStatus };
}
