/**
 * Discarded work: items finished without being delivered (closed as Won't Fix, Duplicate, Cancelled).
 *
 * Vacanti and the flow tools that follow him keep such items apart. They did leave work in progress, so work
 * in progress, cumulative flow and net flow count their departure; but closing an item is not delivering it,
 * so they are left out of cycle time, lead time, throughput and the forecasts built on throughput, where their
 * short times would flatter every number. An admin says which done statuses mean "discarded" (see
 * `Workflow.discardedStatuses`); the timeline marks the items that end in one.
 */
import type { FlowTimeline } from './flow-timeline';
import type { ReportWindow } from './report-window';

export interface DiscardedWork {
  /** Items discarded within the window (their done day in it). */
  items: number;
  /** The same, per discarding status, most first. */
  byStatus: Array<{ status: string; items: number }>;
}

/** The items discarded within the window, counted per status. */
export function discardedWork(timeline: FlowTimeline, window: ReportWindow): DiscardedWork {
  const { discarded, doneDay, currentStatus } = timeline;
  const perStatus = new Map<number, number>();
  let items = 0;
  for (let i = 0; i < timeline.itemCount; i++) {
    if (discarded[i] !== 1 || doneDay[i]! < window.from || doneDay[i]! > window.to) continue;
    items++;
    perStatus.set(currentStatus[i]!, (perStatus.get(currentStatus[i]!) ?? 0) + 1);
  }
  const byStatus = Array.from(perStatus, ([status, count]) => ({ status: timeline.history.statuses[status]!.name, items: count }));
  byStatus.sort((a, b) => b.items - a.items || a.status.localeCompare(b.status));
  return { items, byStatus };
}
