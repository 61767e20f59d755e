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

export function itemTable(timeline: FlowTimeline, measures: ItemMeasures, measure: DurationMeasure): ItemTable {
  const { history, stageCount, stageEntry, zone, included } = timeline;
  const { cycle, lead, age, blocked, efficiency, stageTimes } = measures;
  let n = 0;
  for (let i = 0; i < timeline.itemCount; i++) n += included[i]!;
  const table: ItemTable = {
    stages: [...timeline.workflow.stageNames],
    types: [...history.issueTypes],
    statuses: history.statuses.map((status) => status.name),
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
  for (let i = 0, row = 0; i < timeline.itemCount; i++) {
    if (included[i] !== 1) continue;
    for (let k = 0; k < stageCount; k++) {
      const entry = stageEntry[i * stageCount + k]!;
      table.stageDates[row * stageCount + k] = Number.isNaN(entry) ? NaN : zone.dayOf(entry);
      const time = rounded(measure.elapsed(stageTimes[i * stageCount + k]!));
      table.timeInStage[row * stageCount + k] = Number.isNaN(time) ? 0 : time;
    }
    const totalMs = efficiency.totalMs[i]!;
    table.key[row] = history.key[i]!;
    table.type[row] = history.type[i]!;
    table.status[row] = timeline.currentStatus[i]!;
    table.start[row] = dayOrNaN(timeline.startDay[i]!);
    table.done[row] = dayOrNaN(timeline.doneDay[i]!);
    table.cycleTime[row] = rounded(cycle[i]!);
    table.leadTime[row] = rounded(lead[i]!);
    table.age[row] = rounded(age[i]!);
    table.discarded[row] = timeline.discarded[i]!;
    table.blockedTime[row] = rounded(measure.elapsed(blocked[i]!));
    table.flowEfficiency[row] = totalMs > 0 ? rounded(efficiency.activeMs[i]! / totalMs, 3) : NaN;
    row++;
  }
  return table;
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
