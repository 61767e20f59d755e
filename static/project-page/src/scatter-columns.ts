import { dayToIsoDate, isoDateToDay, type WindowMeasures } from '../../../src/domain';

type ScatterPoint = WindowMeasures['scatter'][number];

/**
 * The scatterplot's points as the report worker sends them: three typed columns, each point's item as its row
 * in the items' columns (`itemColumns`, which the page holds once per choice of items), its day as a day
 * number. 15,000 points as objects took 20 ms and more to copy on each side of the thread; as columns, well
 * under one.
 */
export interface ScatterColumns {
  row: Int32Array;
  day: Int32Array;
  cycleTime: Float64Array;
}

/**
 * The points as the page holds them: their columns, and the keys of the items their rows name (the key column of the
 * table of items they were picked from). The chart's dots are built from these; the points as objects only when a
 * view reads them (see `use-report-figures.ts`).
 */
export interface KeyedScatterColumns extends ScatterColumns {
  keys: readonly string[];
}

/** The points as columns; `rowOfKey` gives each point's item's row among the items' columns. */
export function scatterColumns(points: readonly ScatterPoint[], rowOfKey: ReadonlyMap<string, number>): ScatterColumns {
  const columns: ScatterColumns = {
    row: new Int32Array(points.length),
    day: new Int32Array(points.length),
    cycleTime: new Float64Array(points.length),
  };
  const days = new Map<string, number>();
  points.forEach((point, k) => {
    let day = days.get(point.date);
    if (day === undefined) days.set(point.date, (day = isoDateToDay(point.date)!));
    columns.row[k] = rowOfKey.get(point.key)!;
    columns.day[k] = day;
    columns.cycleTime[k] = point.cycleTime;
  });
  return columns;
}

/** The points back from their columns, named by the items' keys (`itemColumns.key`). */
export function scatterPoints(columns: ScatterColumns, itemKeys: readonly string[]): ScatterPoint[] {
  const dates = new Map<number, string>();
  return Array.from(columns.row, (row, k) => {
    const day = columns.day[k]!;
    let date = dates.get(day);
    if (date === undefined) dates.set(day, (date = dayToIsoDate(day)));
    return { key: itemKeys[row]!, date, cycleTime: columns.cycleTime[k]! };
  });
}
