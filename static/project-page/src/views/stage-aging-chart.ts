import type { StageAgingReport } from '../../../../src/domain';
import { agingTop, sleReading } from './aging-chart';
import { counted } from './format';
import type { PageReport } from '../report-worker-protocol';

type Column = StageAgingReport['columns'][number];

/** A band of a column: ages from `from` to `to` lie between two percentiles of its sample. */
export interface AgingBand {
  from: number;
  /** Null for the band above the highest percentile: it reaches the top of the chart. */
  to: number | null;
  /** "below 50%", "50–70%", "above 95%". */
  label: string;
  /** 0 for the lowest band, rising to the highest: which colour it takes. */
  rank: number;
}

interface AgingColumn {
  name: string;
  /** Items in the column. */
  wip: number;
  basis: Column['basis'];
  samples: number;
  bands: AgingBand[];
}

/**
 * Items of one column drawn on one spot: those of one age, or all those older than the chart's top (drawn on
 * its top line, where their ages no longer set them apart). One dot with their count beside it.
 */
interface AgingCluster {
  column: number;
  /** Where the dot is drawn: its age, or the top for items older than it. */
  y: number;
  /** The items' age; for the items beyond the top, the oldest's. */
  age: number;
  /** Whether the dot stands for the items older than the top, drawn on its line. */
  beyondTop: boolean;
  /** Oldest first beyond the top. */
  keys: string[];
  title: string;
}

export interface StageAgingChart {
  columns: AgingColumn[];
  /** Whether the columns are the statuses of the workflow's single in-progress stage. */
  byStatus: boolean;
  clusters: AgingCluster[];
  top: number | null;
  aboveTop: number;
  items: number;
  /** The service-level expectation's line across the columns, when there is one. */
  sle: { label: string; value: number } | null;
  /**
   * The band drawn behind each item in progress (by key), and how many bands its column has (which sets the
   * band's colour): the table under the chart colours each item's pace as its dot sits.
   */
  itemBands: Map<string, { band: AgingBand; of: number }>;
}

/** "5 days" or "1 day" (or hours). */
const duration = (value: number, unit: string) => `${value} ${value === 1 ? unit.replace(/s$/, '') : unit}`;

/** The bands between consecutive percentiles of a column, lowest first; none when its sample is empty. */
export function bandsOf(percentiles: Column['percentiles']): AgingBand[] {
  const edges = Object.entries(percentiles)
    .filter((entry): entry is [string, number] => entry[1] !== null)
    .map(([percentile, value]) => ({ percentile: Number(percentile), value }))
    .sort((a, b) => a.percentile - b.percentile);
  if (edges.length === 0) return [];
  const bands: AgingBand[] = [{ from: 0, to: edges[0]!.value, label: `below ${edges[0]!.percentile}%`, rank: 0 }];
  edges
    .slice(1)
    .forEach((edge, k) =>
      bands.push({ from: edges[k]!.value, to: edge.value, label: `${edges[k]!.percentile}–${edge.percentile}%`, rank: k + 1 }),
    );
  bands.push({ from: edges.at(-1)!.value, to: null, label: `above ${edges.at(-1)!.percentile}%`, rank: edges.length });
  return bands;
}

/** The band behind a dot of this age: from its lower edge up to, not including, its upper one. Null without bands. */
export function bandOfAge(bands: readonly AgingBand[], age: number): AgingBand | null {
  return bands.find((band) => age >= band.from && (band.to === null || age < band.to)) ?? null;
}

/** "older than 85% of items that left Review", or against cycle times when the stage had too few exits. */
export function paceReading(pace: number | null, column: Pick<Column, 'stage' | 'basis'>): string | null {
  if (pace === null) return null;
  return column.basis === 'stage-exits'
    ? `older than ${pace}% of items that left ${column.stage}`
    : `older than ${pace}% of the period's cycle times`;
}

/**
 * Which percentiles a column's bands come from, in words for its summary. A stage outside the measured range
 * (`inProgressStage` false: before the start, holding items moved back to it) has no exits measured at all.
 */
export function basisReading(column: Pick<Column, 'stage' | 'basis' | 'samples'>, minimumExits: number, inProgressStage = true): string {
  if (!inProgressStage)
    return `${column.stage}: before the clock starts (its items were moved back to it), so its bands are the period's cycle times (${counted(column.samples, 'item')})`;
  if (column.basis === 'stage-exits') return `${column.stage}: bands from the ages at which ${counted(column.samples, 'item')} left it`;
  return `${column.stage}: fewer than ${minimumExits} items left it, so its bands are the period's cycle times (${counted(column.samples, 'item')})`;
}

/**
 * The statuses of a stage's items, youngest first by median age (statuses within a stage have no order of their
 * own): with one in-progress stage, one column would hide where the work waits.
 */
function statusColumns(items: Column['items']): string[] {
  const ages = new Map<string, number[]>();
  for (const item of items) ages.set(item.status, [...(ages.get(item.status) ?? []), item.age]);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
  return [...ages].sort((a, b) => median(a[1]) - median(b[1]) || a[0].localeCompare(b[0])).map(([status]) => status);
}

/**
 * The chart of a stage aging report: one column per stage, its bands, and the items as dots, those of equal age
 * in a column counted on one dot. When the workflow measured has a single in-progress stage (`inProgressStages`:
 * its stages from the start up to the one before done), each stage's statuses have a column of their own, in
 * stage order: an item moved back to an earlier stage has its own column then, and does not leave all the rest
 * of the work in one.
 */
export function stageAgingChart(
  aging: StageAgingReport,
  sle: PageReport['serviceLevelExpectation'] | null,
  inProgressStages: readonly string[],
): StageAgingChart {
  const unit = aging.unit === 'hours' ? 'hours' : 'days';
  const byStatus = inProgressStages.length === 1 && aging.columns.some((column) => column.items.length > 0);
  const source: Array<{ name: string; column: Column; items: Column['items'] }> = byStatus
    ? aging.columns.flatMap((column) =>
        statusColumns(column.items).map((status) => ({
          name: status,
          column,
          items: column.items.filter((item) => item.status === status),
        })),
      )
    : aging.columns.map((column) => ({ name: column.stage, column, items: column.items }));
  const columns = source.map(({ name, column, items }) => ({
    name,
    wip: items.length,
    basis: column.basis,
    samples: column.samples,
    bands: bandsOf(column.percentiles),
  }));
  const allAges = source.flatMap(({ items }) => items.map((item) => item.age));
  const highest = Math.max(0, ...columns.flatMap((column) => column.bands.map((band) => band.to ?? band.from)), sle?.value ?? 0);
  const top = agingTop(allAges, highest > 0 ? highest : null);
  const clusters: AgingCluster[] = [];
  const itemBands: StageAgingChart['itemBands'] = new Map();
  source.forEach(({ column, items }, c) => {
    const { bands } = columns[c]!;
    for (const item of items) {
      const band = bandOfAge(bands, item.age);
      if (band !== null) itemBands.set(item.key, { band, of: bands.length });
    }
    const byAge = new Map<number, Column['items']>();
    const beyond: Column['items'] = [];
    for (const item of items) {
      if (top !== null && item.age > top) beyond.push(item);
      else byAge.set(item.age, [...(byAge.get(item.age) ?? []), item]);
    }
    if (top !== null && beyond.length > 1) {
      clusters.push(beyondTopCluster(c, beyond, top, sle, unit));
    } else if (beyond.length === 1) {
      byAge.set(beyond[0]!.age, beyond);
    }
    for (const [age, group] of byAge) {
      const first = group[0]!;
      const pace = paceReading(first.pace, column);
      const breach = sle === null ? null : sleReading(age, sle, unit);
      const who =
        group.length === 1 ? `${first.key}: ${first.status}` : `${group.length} items (${group.map((item) => item.key).join(', ')})`;
      clusters.push({
        column: c,
        age,
        y: top === null ? age : Math.min(age, top),
        beyondTop: top !== null && age > top,
        keys: group.map((item) => item.key),
        title: [`${who}, ${duration(age, unit)}`, pace, breach].filter((part) => part !== null).join('; '),
      });
    }
  });
  const aboveTop = top === null ? 0 : allAges.filter((age) => age > top).length;
  const sleLine =
    sle === null || sle.value === null ? null : { label: `SLE ${sle.percentile}%: ${duration(sle.value, unit)}`, value: sle.value };
  return { columns, byStatus, clusters, top, aboveTop, items: allAges.length, sle: sleLine, itemBands };
}

/**
 * The items of a column older than the chart's top, as one dot on its top line: drawn at their ages they would
 * all sit on that line, one dot hiding the others. The tooltip names each with its age, oldest first.
 */
function beyondTopCluster(
  column: number,
  items: Column['items'],
  top: number,
  sle: PageReport['serviceLevelExpectation'] | null,
  unit: string,
): AgingCluster {
  const oldestFirst = [...items].sort((a, b) => b.age - a.age || a.key.localeCompare(b.key));
  // The top is above every percentile line and the SLE: every item beyond it is past the SLE.
  const breach = sle === null || sle.value === null ? '' : `; all past the SLE (${sle.percentile}%: ${duration(sle.value, unit)})`;
  return {
    column,
    age: oldestFirst[0]!.age,
    y: top,
    beyondTop: true,
    keys: oldestFirst.map((item) => item.key),
    title: `${items.length} items older than ${duration(top, unit)} (${oldestFirst.map((item) => `${item.key}: ${duration(item.age, unit)}`).join(', ')})${breach}`,
  };
}
