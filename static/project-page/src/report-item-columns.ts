import { dayToIsoDate, isoDateToDay, type ReportItem } from '../../../src/domain';

/**
 * A report's items as columns of numbers: what the report worker sends the page instead of 20,000 objects.
 * A browser copies a typed array between threads at almost no cost, but copies each object, and each string
 * and object inside it, one by one: 20,000 items with their stage dates and times took several frames. Days
 * travel as day numbers, types and statuses as indexes into their names; the page builds the objects back
 * only when a view reads them (see `use-report-figures.ts`).
 */
export interface ReportItemColumns {
  stages: string[];
  types: string[];
  statuses: string[];
  key: string[];
  type: Uint16Array;
  status: Uint16Array;
  /** Day numbers (see `isoDateToDay`); NaN stands for null in every number column. */
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

const orNaN = (value: number | null) => value ?? NaN;
const orNull = (value: number) => (Number.isNaN(value) ? null : value);

/** Day numbers of ISO dates, each date read once: the items share a few hundred days. */
function dayNumbers(): (isoDate: string | null) => number {
  const days = new Map<string, number>();
  return (isoDate) => {
    if (isoDate === null) return NaN;
    let day = days.get(isoDate);
    if (day === undefined) days.set(isoDate, (day = isoDateToDay(isoDate) ?? NaN));
    return day;
  };
}

/** Indexes into a list of names that grows as new names are met. */
function dictionary(): { names: string[]; index: (name: string) => number } {
  const names: string[] = [];
  const known = new Map<string, number>();
  return {
    names,
    index(name) {
      let at = known.get(name);
      if (at === undefined) known.set(name, (at = names.push(name) - 1));
      return at;
    },
  };
}

export function itemColumns(items: readonly ReportItem[], stages: readonly string[]): ReportItemColumns {
  const n = items.length;
  const perStage = stages.length;
  const types = dictionary();
  const statuses = dictionary();
  const dayOf = dayNumbers();
  const columns: ReportItemColumns = {
    stages: [...stages],
    types: types.names,
    statuses: statuses.names,
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
    stageDates: new Float64Array(n * perStage),
    timeInStage: new Float64Array(n * perStage),
  };
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    columns.key[i] = item.key;
    columns.type[i] = types.index(item.type);
    columns.status[i] = statuses.index(item.status);
    columns.start[i] = dayOf(item.start);
    columns.done[i] = dayOf(item.done);
    columns.cycleTime[i] = orNaN(item.cycleTime);
    columns.leadTime[i] = orNaN(item.leadTime);
    columns.age[i] = orNaN(item.age);
    columns.discarded[i] = item.discarded ? 1 : 0;
    columns.blockedTime[i] = orNaN(item.blockedTime);
    columns.flowEfficiency[i] = orNaN(item.flowEfficiency);
    for (let k = 0; k < perStage; k++) {
      columns.stageDates[i * perStage + k] = dayOf(item.stageDates[stages[k]!] ?? null);
      columns.timeInStage[i * perStage + k] = item.timeInStage[stages[k]!] ?? 0;
    }
  }
  return columns;
}

/** The items again, as the report holds them. */
export function itemsOfColumns(columns: ReportItemColumns): ReportItem[] {
  const { stages, types, statuses } = columns;
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
  return columns.key.map((key, i) => {
    const stageDates = { ...emptyDates };
    const timeInStage = { ...emptyTimes };
    for (let k = 0; k < perStage; k++) {
      stageDates[stages[k]!] = label(columns.stageDates[i * perStage + k]!);
      timeInStage[stages[k]!] = columns.timeInStage[i * perStage + k]!;
    }
    return {
      key,
      type: types[columns.type[i]!]!,
      status: statuses[columns.status[i]!]!,
      stageDates,
      start: label(columns.start[i]!),
      done: label(columns.done[i]!),
      cycleTime: orNull(columns.cycleTime[i]!),
      leadTime: orNull(columns.leadTime[i]!),
      age: orNull(columns.age[i]!),
      discarded: columns.discarded[i] === 1,
      blockedTime: orNull(columns.blockedTime[i]!),
      flowEfficiency: orNull(columns.flowEfficiency[i]!),
      timeInStage,
    };
  });
}
