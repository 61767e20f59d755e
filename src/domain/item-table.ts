import { dayToIsoDate, NO_DAY } from './calendar-day';
import type { DurationMeasure } from './duration-unit';
import type { FlowEfficiency } from './flow-efficiency';
import type { ReportItem } from './flow-report';
import type { FlowTimeline } from './flow-timeline';

/**
 * The report's items as columns: one entry per item that existed at `now`, in input order. Numbers are
 * rounded as the report shows them, NaN standing for null; days are day numbers (see `isoDateToDay`); types
 * and statuses indexes into their names. A page's worker sends this to the page (a typed array crosses
 * threads at almost no cost, 20,000 objects with their records take several frames), and the report's
 * `items` are built from it (`itemRowsOf`), so both say the same.
 */
export interface ItemTable {
  stages: string[];
  types: string[];
  statuses: string[];
  key: string[];
  type: Uint16Array;
  status: Uint16Array;
  start: Float64Array;
  done: Float64Array;
  cycleTime: Float64Array;
  leadTime: Float64Array;
  age: Float64Array;
  discarded: Uint8Array;
  blockedTime: Float64Array;
  flowEfficiency: Float64Array;
  /** Per item, one per stage, in `stages` order. */
  stageDates: Float64Array;
  timeInStage: Float64Array;
}

/** What each item measures, per item of the timeline (see `itemFacts` in flow-report.ts). */
interface ItemMeasures {
  cycle: Float64Array;
  lead: Float64Array;
  age: Float64Array;
  blocked: Float64Array;
  efficiency: FlowEfficiency;
  /** Milliseconds per item and stage (see `timeInStage`). */
  stageTimes: Float64Array;
}

const rounded = (value: number, decimals = 2): number => {
  if (!Number.isFinite(value)) return NaN;
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
};
const dayOrNaN = (day: number): number => (day === NO_DAY ? NaN : day);

/** A table of `n` items with these stages, issue types and statuses, its columns still to be written. */
function emptyItemTable(stages: string[], types: string[], statuses: string[], n: number): ItemTable {
  const stageCount = stages.length;
  return {
    stages,
    types,
    statuses,
    key: new Array<string>(n),
    type: new Uint16Array(n),
    status: new Uint16Array(n),
    start: new Float64Array(n),
    done: new Float64Array(n),
    cycleTime: new Float64Array(n),
    leadTime: new Float64Array(n),
    age: new Float64Array(n),
    discarded: new Uint8Array(n),
    blockedTime: new Float64Array(n),
    flowEfficiency: new Float64Array(n),
    stageDates: new Float64Array(n * stageCount),
    timeInStage: new Float64Array(n * stageCount),
  };
}

export function itemTable(timeline: FlowTimeline, measures: ItemMeasures, measure: DurationMeasure): ItemTable {
  const { history, stageCount, stageEntry, zone, included } = timeline;
  const { lead, stageTimes } = measures;
  let n = 0;
  for (let i = 0; i < timeline.itemCount; i++) n += included[i]!;
  const table = emptyItemTable(
    [...timeline.workflow.stageNames],
    [...history.issueTypes],
    history.statuses.map((status) => status.name),
    n,
  );
  for (let i = 0, row = 0; i < timeline.itemCount; i++) {
    if (included[i] !== 1) continue;
    for (let k = 0; k < stageCount; k++) {
      const entry = stageEntry[i * stageCount + k]!;
      table.stageDates[row * stageCount + k] = Number.isNaN(entry) ? NaN : zone.dayOf(entry);
      const time = rounded(measure.elapsed(stageTimes[i * stageCount + k]!));
      table.timeInStage[row * stageCount + k] = Number.isNaN(time) ? 0 : time;
    }
    table.key[row] = history.key[i]!;
    table.type[row] = history.type[i]!;
    table.status[row] = timeline.currentStatus[i]!;
    table.done[row] = dayOrNaN(timeline.doneDay[i]!);
    table.leadTime[row] = rounded(lead[i]!);
    table.discarded[row] = timeline.discarded[i]!;
    row++;
  }
  writeEveryFromStart(table, timeline, measures, measure);
  return table;
}

/**
 * The table of `timeline`'s items from `table`, that of the same items on a timeline with another start stage
 * (see `movedStartTimeline`): only the columns that run from the start are worked out again, the stage dates
 * and times in stage (most of the work) are copied.
 */
export function itemTableWithStart(table: ItemTable, timeline: FlowTimeline, measures: ItemMeasures, measure: DurationMeasure): ItemTable {
  const moved: ItemTable = {
    ...table,
    start: new Float64Array(table.start.length),
    cycleTime: new Float64Array(table.cycleTime.length),
    age: new Float64Array(table.age.length),
    blockedTime: new Float64Array(table.blockedTime.length),
    flowEfficiency: new Float64Array(table.flowEfficiency.length),
  };
  writeEveryFromStart(moved, timeline, measures, measure);
  return moved;
}

/**
 * The columns that run from an item's start (its start day, cycle time, age, blocked time and flow efficiency),
 * written for every item `timeline` includes, row after row. One loop whose columns are read once: a moved start
 * writes 20,000 rows at the reader's change, before the engine has compiled this loop as much as it will.
 */
function writeEveryFromStart(table: FromStartColumns, timeline: FlowTimeline, measures: ItemMeasures, measure: DurationMeasure): void {
  const { included, startDay, itemCount } = timeline;
  const { cycle, age, blocked } = measures;
  const { activeMs, totalMs } = measures.efficiency;
  const { start, cycleTime, age: ageColumn, blockedTime, flowEfficiency } = table;
  for (let i = 0, row = 0; i < itemCount; i++) {
    if (included[i] !== 1) continue;
    const total = totalMs[i]!;
    start[row] = dayOrNaN(startDay[i]!);
    cycleTime[row] = rounded(cycle[i]!);
    ageColumn[row] = rounded(age[i]!);
    blockedTime[row] = rounded(measure.elapsed(blocked[i]!));
    flowEfficiency[row] = total > 0 ? rounded(activeMs[i]! / total, 3) : NaN;
    row++;
  }
}

/** The columns that run from an item's start, which a stage range moving the start changes (see `writeEveryFromStart`). */
export type FromStartColumns = Pick<ItemTable, 'start' | 'cycleTime' | 'age' | 'blockedTime' | 'flowEfficiency'>;

/**
 * A table told as rows of a table it was picked from (`of`, the whole history's): which rows (ascending; null for
 * every row, in order) and, for a stage range that moved the start, the columns that run from the start (one
 * entry per row picked; null for those of `of`). What a page that holds `of` is sent for another choice of items or
 * start stage: a few typed arrays instead of 20,000 items again (see `pickedItemTable`).
 */
export interface ItemTablePick {
  of: ItemTable;
  rows: Int32Array | null;
  fromStart: FromStartColumns | null;
}

/** The whole of a table, as a pick. */
export const wholeTablePick = (table: ItemTable): ItemTablePick => ({ of: table, rows: null, fromStart: null });

/** Some rows (`rows`, ascending, numbered as in `pick`'s own table) of the table `pick` tells. */
export function pickRows(pick: ItemTablePick, rows: Int32Array): ItemTablePick {
  const fromStart = pick.fromStart;
  // Plain loops: a typed array's `from` or `map` with a function per entry costs several times more.
  const column = (values: Float64Array) => {
    const picked = new Float64Array(rows.length);
    for (let r = 0; r < rows.length; r++) picked[r] = values[rows[r]!]!;
    return picked;
  };
  const ofRows = pick.rows;
  let rowsOfOf = rows;
  if (ofRows !== null) {
    rowsOfOf = new Int32Array(rows.length);
    for (let r = 0; r < rows.length; r++) rowsOfOf[r] = ofRows[rows[r]!]!;
  }
  return {
    of: pick.of,
    rows: rowsOfOf,
    fromStart:
      fromStart === null
        ? null
        : {
            start: column(fromStart.start),
            cycleTime: column(fromStart.cycleTime),
            age: column(fromStart.age),
            blockedTime: column(fromStart.blockedTime),
            flowEfficiency: column(fromStart.flowEfficiency),
          },
  };
}

/**
 * The columns that run from the start of `timeline`'s items (a timeline whose start stage was moved from that of
 * `pick`'s table, with the same items, see `movedStartTimeline`): `pick` with its start moved.
 */
export function pickWithStart(
  pick: ItemTablePick,
  timeline: FlowTimeline,
  measures: ItemMeasures,
  measure: DurationMeasure,
): ItemTablePick {
  const n = pick.rows === null ? pick.of.key.length : pick.rows.length;
  const moved = {
    start: new Float64Array(n),
    cycleTime: new Float64Array(n),
    age: new Float64Array(n),
    blockedTime: new Float64Array(n),
    flowEfficiency: new Float64Array(n),
  };
  writeEveryFromStart(moved, timeline, measures, measure);
  return { ...pick, fromStart: moved };
}

/** The table a pick tells: equal, column for column, to the one it was told for. */
export function pickedItemTable({ of, rows, fromStart }: ItemTablePick): ItemTable {
  const table = rows === null ? { ...of } : itemTableRows(of, rows);
  return fromStart === null ? table : { ...table, ...fromStart };
}

/** Some rows of a table (`rows`, ascending): the items of a choice among those `table` holds, as they are there. */
export function itemTableRows(table: ItemTable, rows: Int32Array): ItemTable {
  const n = rows.length;
  const perStage = table.stages.length;
  const picked = emptyItemTable(table.stages, table.types, table.statuses, n);
  // One pass, every column written by hand: a helper per column type would be slower than the copies themselves.
  for (let r = 0; r < n; r++) {
    const row = rows[r]!;
    picked.key[r] = table.key[row]!;
    picked.type[r] = table.type[row]!;
    picked.status[r] = table.status[row]!;
    picked.start[r] = table.start[row]!;
    picked.done[r] = table.done[row]!;
    picked.cycleTime[r] = table.cycleTime[row]!;
    picked.leadTime[r] = table.leadTime[row]!;
    picked.age[r] = table.age[row]!;
    picked.discarded[r] = table.discarded[row]!;
    picked.blockedTime[r] = table.blockedTime[row]!;
    picked.flowEfficiency[r] = table.flowEfficiency[row]!;
    for (let k = 0; k < perStage; k++) {
      picked.stageDates[r * perStage + k] = table.stageDates[row * perStage + k]!;
      picked.timeInStage[r * perStage + k] = table.timeInStage[row * perStage + k]!;
    }
  }
  return picked;
}

const orNull = (value: number) => (Number.isNaN(value) ? null : value);

/** The items as the report holds them: one object per row of the table. */
export function itemRowsOf(table: ItemTable): ReportItem[] {
  const { stages, types, statuses } = table;
  const perStage = stages.length;
  // A few hundred days among 100,000 dates: each written once.
  const labels = new Map<number, string>();
  const label = (day: number): string | null => {
    if (Number.isNaN(day)) return null;
    let text = labels.get(day);
    if (text === undefined) labels.set(day, (text = dayToIsoDate(day)));
    return text;
  };
  // Every item's records have the same keys in the same order: copies of one template share one shape.
  const emptyDates: Record<string, string | null> = Object.fromEntries(stages.map((stage) => [stage, null]));
  const emptyTimes: Record<string, number> = Object.fromEntries(stages.map((stage) => [stage, 0]));
  return table.key.map((key, i) => {
    const stageDates = { ...emptyDates };
    const timeInStage = { ...emptyTimes };
    for (let k = 0; k < perStage; k++) {
      stageDates[stages[k]!] = label(table.stageDates[i * perStage + k]!);
      timeInStage[stages[k]!] = table.timeInStage[i * perStage + k]!;
    }
    return {
      key,
      type: types[table.type[i]!]!,
      status: statuses[table.status[i]!]!,
      stageDates,
      start: label(table.start[i]!),
      done: label(table.done[i]!),
      cycleTime: orNull(table.cycleTime[i]!),
      leadTime: orNull(table.leadTime[i]!),
      age: orNull(table.age[i]!),
      discarded: table.discarded[i] === 1,
      blockedTime: orNull(table.blockedTime[i]!),
      flowEfficiency: orNull(table.flowEfficiency[i]!),
      timeInStage,
    };
  });
}
