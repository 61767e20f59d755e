/**
 * Blocked time: how long an item was flagged (Jira's "Flagged" field, usually "Impediment") while it was in
 * progress.
 *
 * Only the part of each flagged interval between the item's start and its done date (or `now`) counts: a
 * flag on a backlog item blocks nobody's work. Flag changes after `now` are ignored. Items never flagged, or
 * whose site does not record the field, have zero blocked time; items not started have none (NaN).
 */
import type { CompactHistory } from './compact-history';
import type { FlowTimeline } from './flow-timeline';

/** Reusable output buffer for `flaggedIntervals`: pairs [from, to) in time order. */
export class IntervalBuffer {
  values = new Float64Array(16);
  count = 0;

  ensure(intervals: number): void {
    if (this.values.length < 2 * intervals) this.values = new Float64Array(4 * intervals);
  }
}

/**
 * The flagged intervals of an item, clipped to [clipFrom, clipTo], as of `now`, written into `out`
 * (replacing its contents). A flag still set at `now` lasts until `now`.
 */
export function flaggedIntervals(
  history: CompactHistory,
  item: number,
  clipFrom: number,
  clipTo: number,
  now: number,
  out: IntervalBuffer,
): void {
  const { flagOffset, flagAt, flagOn } = history;
  const first = flagOffset[item]!;
  const end = flagOffset[item + 1]!;
  out.count = 0;
  if (end === first) return;
  out.ensure(end - first + 1);
  const values = out.values;
  let since = NaN;
  for (let j = first; j <= end; j++) {
    const at = j < end ? flagAt[j]! : now;
    if (j < end && at > now) {
      // Later changes have not happened yet as of `now`: close any open interval at `now`.
      j = end - 1;
      continue;
    }
    const on = j < end && flagOn[j] === 1;
    if (on) {
      if (Number.isNaN(since)) since = at;
    } else if (!Number.isNaN(since)) {
      const from = since > clipFrom ? since : clipFrom;
      const to = at < clipTo ? at : clipTo;
      if (to > from) {
        values[2 * out.count] = from;
        values[2 * out.count + 1] = to;
        out.count++;
      }
      since = NaN;
    }
  }
}

/** Per item: milliseconds flagged while in progress; NaN for items not started. */
export function blockedTime(timeline: FlowTimeline): Float64Array {
  const { history, start, done, now } = timeline;
  const { flagOffset } = history;
  const result = new Float64Array(timeline.itemCount).fill(NaN);
  const buffer = new IntervalBuffer();
  for (let i = 0; i < timeline.itemCount; i++) {
    const startedAt = start[i]!;
    if (Number.isNaN(startedAt)) continue;
    let total = 0;
    if (flagOffset[i + 1]! > flagOffset[i]!) {
      const doneAt = done[i]!;
      flaggedIntervals(history, i, startedAt, Number.isNaN(doneAt) ? now : doneAt, now, buffer);
      for (let k = 0; k < buffer.count; k++) total += buffer.values[2 * k + 1]! - buffer.values[2 * k]!;
    }
    result[i] = total;
  }
  return result;
}
