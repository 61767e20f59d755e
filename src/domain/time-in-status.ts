/**
 * Time in status: for each item, how long it spent in each Jira status, summed over every visit.
 *
 * Exact elapsed time (milliseconds; no calendar, no rounding), from creation until the item was done, or
 * until `now` if it is not: once an item is finished its clock stops, so time sitting in "Done" never
 * dominates the numbers. Statuses (not stages) are reported because that is the question users ask:
 * "where did this item wait?".
 *
 * Output is columnar like the history: item i owns entries `offsets[i] .. offsets[i + 1] - 1`, in the order
 * the statuses were first visited.
 */
import { issueCount } from './compact-history';
import type { FlowTimeline } from './flow-timeline';

export interface TimeInStatus {
  offsets: Int32Array;
  /** Status dictionary index. */
  status: Int32Array;
  /** Milliseconds. */
  ms: Float64Array;
}

export function timeInStatus(timeline: FlowTimeline): TimeInStatus {
  const { history, included, transitionEnd, done, now } = timeline;
  const n = issueCount(history);
  const { created, initialStatus, transitionOffset, transitionAt, transitionStatus } = history;
  const capacity = transitionAt.length + n;
  const outStatus = new Int32Array(capacity);
  const outMs = new Float64Array(capacity);
  const offsets = new Int32Array(n + 1);
  // Scratch: position of each status in the current item's output run, -1 when not visited yet.
  const slot = new Int32Array(history.statuses.length).fill(-1);
  let size = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = size;
    if (included[i] !== 1) continue;
    const runStart = size;
    const doneAt = done[i]!;
    const end = Number.isNaN(doneAt) ? now : doneAt;
    let since = created[i]!;
    let status = initialStatus[i]!;
    const last = transitionEnd[i]!;
    // One visit per loop turn: the visit of `status` from `since` until the next transition (or the end).
    for (let j = transitionOffset[i]!; ; j++) {
      const nextAt = j < last ? transitionAt[j]! : end;
      const until = nextAt < end ? nextAt : end;
      if (until >= since) {
        let position = slot[status]!;
        if (position < 0) {
          position = size++;
          slot[status] = position;
          outStatus[position] = status;
          outMs[position] = 0;
        }
        outMs[position]! += until - since;
      }
      if (j >= last || nextAt >= end) break;
      since = nextAt;
      status = transitionStatus[j]!;
    }
    for (let k = runStart; k < size; k++) slot[outStatus[k]!] = -1;
  }
  offsets[n] = size;
  return { offsets, status: outStatus.slice(0, size), ms: outMs.slice(0, size) };
}
