import type { DurationMeasure } from './duration-unit';
import type { FlowReport } from './flow-report';
import type { FlowTimeline } from './flow-timeline';
import type { TimeInStatus } from './time-in-status';

/**
 * The report's time in each status as columns: one row per item that existed at `now`, in input order; row r
 * owns entries `offsets[r] .. offsets[r + 1] - 1`, its statuses in dictionary order (the order of the report's
 * records), each with its time rounded as the report shows it. The report's `timeInStatus` rows are built
 * from it (`timeInStatusRowsOf`), and the `flow-metrics` command writes their JSON straight from it, so both
 * say the same.
 */
export interface TimeInStatusTable {
  /** The status dictionary's names. */
  statuses: string[];
  key: string[];
  offsets: Int32Array;
  /** Status dictionary index. */
  status: Int32Array;
  /** In the unit's scale (days or hours), rounded to 2 decimals. */
  time: Float64Array;
}

const rounded = (value: number): number => {
  if (!Number.isFinite(value)) return 0;
  return Math.round(value * 100) / 100;
};

export function timeInStatusTable(timeline: FlowTimeline, statusTimes: TimeInStatus, measure: DurationMeasure): TimeInStatusTable {
  const { history, included } = timeline;
  const statusCount = history.statuses.length;
  let rows = 0;
  for (let i = 0; i < timeline.itemCount; i++) rows += included[i]!;
  const key = new Array<string>(rows);
  const offsets = new Int32Array(rows + 1);
  const status = new Int32Array(statusTimes.status.length);
  const time = new Float64Array(statusTimes.status.length);
  // Scratch: each status's time in the current item, NaN for a status it never visited.
  const msByStatus = new Float64Array(statusCount).fill(NaN);
  let size = 0;
  for (let i = 0, row = 0; i < timeline.itemCount; i++) {
    if (included[i] !== 1) continue;
    key[row] = history.key[i]!;
    offsets[row] = size;
    for (let e = statusTimes.offsets[i]!; e < statusTimes.offsets[i + 1]!; e++) msByStatus[statusTimes.status[e]!] = statusTimes.ms[e]!;
    for (let s = 0; s < statusCount; s++) {
      const ms = msByStatus[s]!;
      if (Number.isNaN(ms)) continue;
      status[size] = s;
      time[size++] = rounded(measure.elapsed(ms));
      msByStatus[s] = NaN;
    }
    row++;
  }
  offsets[rows] = size;
  return { statuses: history.statuses.map((s) => s.name), key, offsets, status: status.subarray(0, size), time: time.subarray(0, size) };
}

/** The time in each status as the report holds it: one object per row of the table. */
export function timeInStatusRowsOf(table: TimeInStatusTable): FlowReport['timeInStatus'] {
  const { statuses: names, offsets, status, time } = table;
  return table.key.map((key, row) => {
    // Keys in dictionary order, not visit order: items that visited the same statuses then share one object
    // shape, which keeps building 100,000 of these cheap.
    const statuses: Record<string, number> = {};
    for (let e = offsets[row]!; e < offsets[row + 1]!; e++) statuses[names[status[e]!]!] = time[e]!;
    return { key, statuses };
  });
}
