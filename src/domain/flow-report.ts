/**
 * The whole flow report, as one JSON-ready object: what the `flow-metrics` command prints and what a project
 * page can show. It only assembles the metrics of the other modules; each number's definition lives in the
 * module named after it.
 *
 * Presentation rules: dates are `YYYY-MM-DD` in the configured time zone; durations are in the configured
 * unit, fractional values rounded to 2 decimals; "no value" is null (JSON has no NaN).
 */
import { blockedTime } from './blocked-time';
import { WorkingDays } from './business-calendar';
import { dayToIsoDate, IsoDateLabels, isoDateToDay, type DayNumber } from './calendar-day';
import type { CompactHistory } from './compact-history';
import { cumulativeFlow, type CumulativeFlow } from './cumulative-flow';
import { cycleTimes } from './cycle-time';
import { discardedWork, type DiscardedWork } from './discarded-work';
import { DurationMeasure } from './duration-unit';
import type { FlowConfig } from './flow-config';
import type { FlowConventions } from './conventions';
import { aggregateFlowEfficiency, flowEfficiency, type FlowEfficiency } from './flow-efficiency';
import { buildFlowTimeline, type FlowTimeline } from './flow-timeline';
import { backtestWeeklyForecasts } from './forecast-backtest';
import { checkSamplingWindow, type SamplingWindowChoice } from './forecast-sampling-window';
import { histogram, type HistogramBin } from './histogram';
import { formatIsoTimestamp } from './iso-timestamp';
import {
  itemRowsOf,
  itemTable,
  itemTableRows,
  itemTableWithStart,
  pickRows,
  pickWithStart,
  wholeTablePick,
  type ItemTable,
  type ItemTablePick,
} from './item-table';
import { leadTimes } from './lead-time';
import {
  DEFAULT_MAX_FORECAST_DAYS,
  howManyTable,
  outcomeDistribution,
  simulateHowMany,
  simulateWhen,
  whenTable,
  type OutcomeBin,
} from './monte-carlo';
import { netFlow } from './net-flow';
import {
  comparableWindowBefore,
  compareHeadlines,
  flowHeadlines,
  recentWindowToCompare,
  type ChangeVerdict,
  type FlowHeadlines,
  type HeadlineName,
} from './period-comparison';
import { percentilesOfSorted, sortedSample, type PercentileValue } from './percentiles';
import { firstCreatedDay, itemsDoneIn, resolveWindow, windowLength, type ReportWindow } from './report-window';
import { reportingPeriods } from './reporting-period';
import { serviceLevelExpectation } from './service-level-expectation';
import { dailyThroughput, throughputPerPeriod } from './throughput';
import { timeInStage } from './time-in-stage';
import { timeInStatus, type TimeInStatus } from './time-in-status';
import { timeInStatusRowsOf, timeInStatusTable, type TimeInStatusTable } from './time-in-status-table';
import { percentileBand, workItemAges } from './work-item-age';
import { wipPerDay } from './work-in-progress';
import { defaultWorkflow, resolveWorkflow } from './workflow';

export interface FlowReportRun {
  /** The instant the report is "as of" (epoch ms). Nothing after it is counted. */
  now: number;
  /** Seed of the forecasts' random generator. */
  seed: number;
  /** Notes about the input (e.g. truncated changelogs), passed through to the report. */
  warnings?: readonly string[];
}

export interface ReportItem {
  key: string;
  type: string;
  status: string;
  stageDates: Record<string, string | null>;
  start: string | null;
  done: string | null;
  cycleTime: number | null;
  leadTime: number | null;
  /** Age of an item in progress; null when not started or done. */
  age: number | null;
  /** Done in a status that means discarded (finished, not delivered): it has no cycle time and is not throughput. */
  discarded: boolean;
  /** Flagged time while in progress, in the unit's scale (days or hours); null when not started. */
  blockedTime: number | null;
  /** Active share of cycle time, 0..1; null when not done. */
  flowEfficiency: number | null;
  /** Elapsed time in each stage, in the unit's scale (days or hours), from creation until done or now. */
  timeInStage: Record<string, number>;
}

/** The headline numbers of the window against the window of equal length before it. */
export interface PeriodComparison {
  window: { from: string; to: string };
  days: number;
  /** Null when the history does not reach back over all of the earlier window. */
  previousWindow: { from: string; to: string } | null;
  current: Record<HeadlineName, number | null>;
  previous: Record<HeadlineName, number | null> | null;
  changes: Array<{
    name: HeadlineName;
    current: number;
    previous: number;
    difference: number;
    relative: number | null;
    verdict: ChangeVerdict;
  }>;
}

export interface HowManyForecast {
  targetDate: string;
  days: number;
  table: Array<{ confidence: number; items: number }>;
  /** How many simulated futures delivered each number of items (binned). */
  outcomes: OutcomeBin[];
}

export interface WhenForecast {
  items: number;
  table: Array<{ confidence: number; date: string | null; days: number | null }>;
  /**
   * How many simulated futures needed each number of simulated days (binned; day 1 is the section's
   * `firstSimulatedDay`); beyond the horizon, `maxDays + 1`.
   */
  outcomes: OutcomeBin[];
}

/** What a reader asks the forecast, each in place of the configured question when given. */
export interface ForecastQuestions {
  /** "How many items by this date?" (`YYYY-MM-DD`). */
  targetDate?: string;
  /** "When will this many items be done?" (a whole number, at least 1). */
  items?: number;
  /**
   * The days whose throughput the futures are drawn from, in place of the configured last `samplingDays` (see
   * `forecast-sampling-window.ts`). @throws RangeError when it is not inside the history or too short.
   */
  samplingWindow?: SamplingWindowChoice;
  /**
   * The first day of the forecast's work (`YYYY-MM-DD`), today or later: a sprint starting next Monday. Today
   * (the default) simulates from tomorrow, since today's finished items are already counted; a later day
   * simulates from that day itself.
   */
  startDate?: string;
}

export interface ForecastSection {
  samplingWindow: { from: string; to: string; days: number } | null;
  /** The days a reader may choose a sampling window in (the history's first day to yesterday); null when none. */
  sampleable: { from: string; to: string } | null;
  /**
   * The day the forecast starts from (today unless asked otherwise); the simulated days follow it, or begin on it
   * when it is after today.
   */
  startDate: string;
  /** The first simulated day: the day after today for a forecast from today, else the start date itself. */
  firstSimulatedDay: string;
  trials: number;
  seed: number;
  howMany: HowManyForecast | null;
  when: WhenForecast | null;
  backtest: {
    confidence: number;
    weeks: Array<{ start: string; end: string; forecast: number; actual: number; hit: boolean }>;
    hits: number;
    hitRate: number | null;
  };
  /** Why a table is missing, when one is. */
  notes: string[];
}

export interface FlowReport {
  generated: {
    now: string;
    timeZone: string;
    window: { from: string; to: string };
    unit: string;
    workflow: { stages: string[]; startStage: string; doneStage: string };
    /** The conventions the figures were computed under (the page's charts read where a week ends from here). */
    conventions: FlowConventions;
    items: number;
    /** Items delivered in the window (done, not discarded). */
    doneInWindow: number;
    inProgress: number;
  };
  /** Items discarded in the window: finished without being delivered, kept apart from every delivery figure. */
  discarded: DiscardedWork;
  items: ReportItem[];
  percentiles: Record<string, number | null>;
  serviceLevelExpectation: { percentile: number; value: number | null; itemsWithin: number; items: number };
  leadTimePercentiles: Record<string, number | null>;
  histogram: HistogramBin[];
  scatter: Array<{ key: string; date: string; cycleTime: number }>;
  throughput: Array<{ start: string; end: string; count: number }>;
  netFlow: Array<{ start: string; end: string; arrivals: number; departures: number; net: number }>;
  wip: Array<{ date: string; count: number }>;
  cfd: Array<Record<string, string | number>>;
  aging: Array<{ key: string; stage: string; status: string; age: number; percentileBand: number | null }>;
  periodComparison: PeriodComparison;
  /**
   * When the window has nothing of its own length before it: its last `RECENT_PERIOD_DAYS` days against the
   * days before them, if the history covers those; null otherwise.
   */
  recentComparison: PeriodComparison | null;
  timeInStatus: Array<{ key: string; statuses: Record<string, number> }>;
  flowEfficiency: { overall: number | null; items: number; blockedCountsAsWaiting: boolean };
  blockedTime: { total: number; itemsBlocked: number; shareOfCycleTime: number | null };
  forecast: ForecastSection;
  warnings: string[];
}

const round = (value: number, decimals = 2): number | null => {
  if (!Number.isFinite(value)) return null;
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
};

function percentileRecord(values: readonly PercentileValue[]): Record<string, number | null> {
  const record: Record<string, number | null> = {};
  for (const { percentile, value } of values) record[String(percentile)] = round(value);
  return record;
}

/** Every part of the report but the forecast. */
export type FlowMeasures = Omit<FlowReport, 'forecast'>;

/** What every part of the report is computed from: the history on the workflow's timeline. */
export interface ReportBasis {
  timeline: FlowTimeline;
  measure: DurationMeasure;
  dates: IsoDateLabels;
}

export function reportBasis(history: CompactHistory, config: FlowConfig, run: Pick<FlowReportRun, 'now'>): ReportBasis {
  const workflow = resolveWorkflow(config.workflow ?? defaultWorkflow(history.statuses), history.statuses);
  const conventions = config.conventions;
  return {
    timeline: buildFlowTimeline(history, workflow, conventions, run.now),
    measure: new DurationMeasure(conventions.unit, new WorkingDays(conventions.businessCalendar)),
    dates: new IsoDateLabels(),
  };
}

/**
 * Computes every metric of the report.
 * @throws UnmappedStatusError when an issue passes through a status the workflow does not place;
 *   WorkflowError when the workflow is malformed.
 */
export function buildFlowReport(history: CompactHistory, config: FlowConfig, run: FlowReportRun): FlowReport {
  return buildFlowReportWithRows(history, config, run, builtRows);
}

/** The report's two lists of per-item rows (`items`, `timeInStatus`), or what stands in for them. */
export interface ReportRows<Items, Statuses> {
  items: Items;
  timeInStatus: Statuses;
}

/** The report with something else in place of its two lists of per-item rows (see `buildFlowReportWithRows`). */
export type FlowReportWithRows<Items, Statuses> = Omit<FlowReport, keyof ReportRows<unknown, unknown>> & ReportRows<Items, Statuses>;

/** The rows as the report holds them, built from the items' facts. */
const builtRows = (facts: ItemFacts): ReportRows<ReportItem[], FlowReport['timeInStatus']> => ({
  items: facts.items(),
  timeInStatus: facts.timeInStatus(),
});

/**
 * `buildFlowReport` with `rows(facts)` in place of the per-item rows, in the same place among the report's
 * members: for a writer that makes the rows' text straight from the columns they are built from (`facts.table()`
 * and `facts.statusTable()`), without an object per row. The rows are most of a report of many items.
 * @throws as `buildFlowReport`.
 */
export function buildFlowReportWithRows<Items, Statuses>(
  history: CompactHistory,
  config: FlowConfig,
  run: FlowReportRun,
  rows: (facts: ItemFacts) => ReportRows<Items, Statuses>,
): FlowReportWithRows<Items, Statuses> {
  const basis = reportBasis(history, config, run);
  const facts = itemFacts(basis, config);
  const { warnings, ...measures } = withRows(windowMeasures(basis, facts, config, run), rows(facts));
  // The items in progress, which the forecast's "when" counts by default, are the facts' own: not aged again.
  return { ...measures, forecast: forecastOf(basis, config, run, facts.ages.items.length)(), warnings };
}

/**
 * Every metric but the forecast, for a page that shows the forecast apart: the Monte Carlo runs and their
 * backtest cost about as much as all the rest, and depend on neither the report window nor anything else
 * the rest shows (see `buildFlowForecast`).
 * @throws as `buildFlowReport`.
 */
export function buildFlowMeasures(history: CompactHistory, config: FlowConfig, run: FlowReportRun): FlowMeasures {
  return measuresOf(reportBasis(history, config, run), config, run);
}

/**
 * The forecast section of `buildFlowReport`: it samples the throughput of the days before now, whatever the
 * report window, so one forecast serves every window over the same history.
 * @throws as `buildFlowReport`.
 */
export function buildFlowForecast(history: CompactHistory, config: FlowConfig, run: FlowReportRun): ForecastSection {
  return forecastOf(reportBasis(history, config, run), config, run)();
}

/** The forecast section for the questions asked (the configured ones where none is given). */
export type Forecaster = (questions?: ForecastQuestions) => ForecastSection;

/**
 * A forecast a reader can ask other questions of: the history's timeline, throughput samples and backtest are
 * worked out once, and each question only runs its own simulations.
 * @throws as `buildFlowReport`; the forecaster throws RangeError for a target date that is not a date or a
 *   number of items that is not a whole number of at least 1.
 */
export function buildForecaster(history: CompactHistory, config: FlowConfig, run: FlowReportRun): Forecaster {
  return forecastOf(reportBasis(history, config, run), config, run);
}

/** @param inProgress how many items are in progress at `now` (see `workItemAges`), when already counted */
function forecastOf(
  { timeline, measure, dates }: ReportBasis,
  config: FlowConfig,
  run: FlowReportRun,
  inProgress = workItemAges(timeline, measure).items.length,
): Forecaster {
  return forecaster(timeline, config, run, dates, inProgress);
}

/**
 * What each item measures whatever the report window: its cycle, lead and blocked time, age, flow efficiency
 * and time in each status and stage. A page computes them once per timeline (per choice of items and stage
 * range) and shares them between every period it is asked for; the rows built of them (`items`, and the
 * time in each status) are built on first reading, and only once.
 */
export interface ItemFacts {
  /** Items that existed at `now`: the rows `items` holds. */
  itemCount: number;
  /** Per item of the timeline: 1 when it is one of the rows (the timeline's own `included`). */
  included: Uint8Array;
  cycle: Float64Array;
  lead: Float64Array;
  ages: ReturnType<typeof workItemAges>;
  blocked: Float64Array;
  efficiency: FlowEfficiency;
  /** What each item of the timeline measures, whichever items are chosen: a selection of them reuses it. */
  perItem: PerItemMeasures;
  /** The items as columns (see `item-table.ts`), and as the report's rows: both built on first reading, once. */
  table(): ItemTable;
  /**
   * The same table told as rows of the whole history's (see `ItemTablePick`): what a page holding that table is
   * sent, without building this one. Built on first reading, once.
   */
  pick(): ItemTablePick;
  items(): ReportItem[];
  /** The time in each status as columns (see `time-in-status-table.ts`), and as the report's rows: likewise. */
  statusTable(): TimeInStatusTable;
  timeInStatus(): FlowReport['timeInStatus'];
}

/** Per item of a timeline: what depends on that item alone, indexed as the timeline's items. */
interface PerItemMeasures {
  cycle: Float64Array;
  lead: Float64Array;
  blocked: Float64Array;
  efficiency: FlowEfficiency;
  statusTimes: TimeInStatus;
}

export function itemFacts({ timeline, measure }: ReportBasis, config: FlowConfig): ItemFacts {
  const perItem: PerItemMeasures = {
    cycle: cycleTimes(timeline, measure),
    lead: leadTimes(timeline, measure),
    blocked: blockedTime(timeline),
    efficiency: flowEfficiency(timeline, { blockedCountsAsWaiting: config.blockedCountsAsWaiting }),
    statusTimes: timeInStatus(timeline),
  };
  return factsOf(timeline, measure, perItem);
}

/**
 * The facts of the items of `basis`, a timeline cut from the one `whole` was computed on (see
 * `selectedTimeline`): each item measures the same whichever others are chosen, so only what counts the
 * items (the ages of those in progress, the rows) is worked out again.
 */
export function selectedItemFacts({ timeline, measure }: ReportBasis, whole: ItemFacts): ItemFacts {
  // The table's rows are those of the whole table whose items are kept: picked, not worked out again.
  let kept: Int32Array | null = null;
  const rows = () => (kept ??= keptRows(whole.included, timeline.included));
  return factsOf(timeline, measure, whole.perItem, {
    table: () => itemTableRows(whole.table(), rows()),
    pick: () => pickRows(whole.pick(), rows()),
  });
}

/**
 * The facts of the items of `basis`, a timeline whose start stage was moved from that of the timeline `whole`
 * was computed on (see `movedStartTimeline`): only what runs from the start (cycle and blocked time, flow
 * efficiency, ages, and their columns of the table) is worked out again; lead time, the time in each status
 * and the stage columns of the table are the same.
 */
export function movedStartItemFacts({ timeline, measure }: ReportBasis, whole: ItemFacts, config: FlowConfig): ItemFacts {
  const perItem: PerItemMeasures = {
    ...whole.perItem,
    cycle: cycleTimes(timeline, measure),
    blocked: blockedTime(timeline),
    efficiency: flowEfficiency(timeline, { blockedCountsAsWaiting: config.blockedCountsAsWaiting }),
  };
  return factsOf(timeline, measure, perItem, {
    table: (measures) => itemTableWithStart(whole.table(), timeline, measures, measure),
    pick: (measures) => pickWithStart(whole.pick(), timeline, measures, measure),
  });
}

/** The rows of a table of the items `whole` includes that hold the items `kept` includes (a subset). */
function keptRows(whole: Uint8Array, kept: Uint8Array): Int32Array {
  const rows: number[] = [];
  for (let i = 0, row = 0; i < whole.length; i++) {
    if (whole[i] !== 1) continue;
    if (kept[i] === 1) rows.push(row);
    row++;
  }
  return Int32Array.from(rows);
}

/** The measures a table of items is built from (see `itemTable`). */
type TableMeasures = Parameters<typeof itemTable>[1];

/**
 * How a table of items derived from another's is made (see `selectedItemFacts`, `movedStartItemFacts`): in full,
 * and as a pick of the whole history's table.
 */
interface DerivedTable {
  table: (measures: TableMeasures) => ItemTable;
  pick: (measures: TableMeasures) => ItemTablePick;
}

function factsOf(timeline: FlowTimeline, measure: DurationMeasure, perItem: PerItemMeasures, derived?: DerivedTable): ItemFacts {
  const n = timeline.itemCount;
  const { cycle, lead, blocked, efficiency, statusTimes } = perItem;
  const ages = workItemAges(timeline, measure);
  const age = new Float64Array(n).fill(NaN);
  ages.items.forEach((item, k) => (age[item] = ages.ages[k]!));
  let itemCount = 0;
  for (let i = 0; i < n; i++) itemCount += timeline.included[i]!;
  // The time in each stage is summed only where the table is built afresh: a table picked or moved copies it.
  const measures: TableMeasures = {
    cycle,
    lead,
    age,
    blocked,
    efficiency,
    get stageTimes() {
      return timeInStage(timeline, statusTimes);
    },
  };
  let table: ItemTable | null = null;
  const tableOf = () => (table ??= derived ? derived.table(measures) : itemTable(timeline, measures, measure));
  let pick: ItemTablePick | null = null;
  const pickOf = () => (pick ??= derived ? derived.pick(measures) : wholeTablePick(tableOf()));
  let items: ReportItem[] | null = null;
  let statusTable: TimeInStatusTable | null = null;
  const statusTableOf = () => (statusTable ??= timeInStatusTable(timeline, statusTimes, measure));
  let statusRows: FlowReport['timeInStatus'] | null = null;
  return {
    itemCount,
    included: timeline.included,
    cycle,
    lead,
    ages,
    blocked,
    efficiency,
    perItem,
    table: tableOf,
    pick: pickOf,
    items: () => (items ??= itemRowsOf(tableOf())),
    statusTable: statusTableOf,
    timeInStatus: () => (statusRows ??= timeInStatusRowsOf(statusTableOf())),
  };
}

/** Every measure but the per-item rows (`items`, `timeInStatus`), which depend on the items only, not the window. */
export type WindowMeasures = Omit<FlowMeasures, 'items' | 'timeInStatus'>;

function measuresOf(basis: ReportBasis, config: FlowConfig, run: FlowReportRun): FlowMeasures {
  const facts = itemFacts(basis, config);
  return withItemRows(windowMeasures(basis, facts, config, run), facts);
}

/** The window's measures with the items' rows: every measure of the report but the forecast. */
export function withItemRows(measures: WindowMeasures, facts: ItemFacts): FlowMeasures {
  return withRows(measures, builtRows(facts));
}

/** The window's measures with the rows (or what stands in for them) in their places among the report's members. */
function withRows<Items, Statuses>(
  { generated, discarded, ...rest }: WindowMeasures,
  { items, timeInStatus }: ReportRows<Items, Statuses>,
): Omit<FlowMeasures, keyof ReportRows<unknown, unknown>> & ReportRows<Items, Statuses> {
  return { generated, discarded, items, ...rest, timeInStatus };
}

/**
 * The measures of the window `config.window` from the items' facts (see `itemFacts`, computed from the same
 * basis and configuration but for the window).
 */
export function windowMeasures(
  { timeline, measure, dates }: ReportBasis,
  facts: ItemFacts,
  config: FlowConfig,
  run: FlowReportRun,
): WindowMeasures {
  const { history, workflow } = timeline;
  const conventions = config.conventions;
  const window = resolveWindow(config.window, timeline);
  const stageNames = workflow.stageNames;
  const { cycle, lead, ages, blocked, efficiency } = facts;

  // Cycle time, lead time and their distributions over items done in the window.
  const doneItems = itemsDoneIn(timeline, window);
  const sortedCycle = sortedSample(cycle, doneItems);
  const cyclePercentiles = percentilesOfSorted(sortedCycle, conventions.percentiles, conventions.percentileMethod);
  const sle = serviceLevelExpectation(sortedCycle, conventions.serviceLevelPercentile, conventions.percentileMethod);
  const leadPercentiles = percentilesOfSorted(sortedSample(lead, doneItems), conventions.percentiles, conventions.percentileMethod);
  const binWidth = config.histogramBinWidth ?? (measure.discrete ? 1 : 24);

  // Per-day and per-period series.
  const periods = reportingPeriods(window, config.throughputPeriod, conventions.weekEndsOn);
  const throughput = throughputPerPeriod(timeline, periods);
  const flow = netFlow(timeline, periods);
  const wip = wipPerDay(timeline, window);
  const cfd = cumulativeFlow(timeline, window);

  const { key } = history;
  const statusNames = history.statuses.map((status) => status.name);
  const daily = dailyRows(window, wip, cfd, dates);
  let aging: WindowMeasures['aging'] | undefined;

  return {
    generated: {
      now: formatIsoTimestamp(run.now),
      timeZone: conventions.timeZone,
      window: { from: dayToIsoDate(window.from), to: dayToIsoDate(window.to) },
      unit: conventions.unit,
      workflow: {
        stages: [...stageNames],
        startStage: stageNames[workflow.startStage]!,
        doneStage: stageNames[workflow.doneStage]!,
      },
      conventions: { ...conventions },
      items: facts.itemCount,
      doneInWindow: doneItems.length,
      inProgress: ages.items.length,
    },
    discarded: discardedWork(timeline, window),
    percentiles: percentileRecord(cyclePercentiles),
    serviceLevelExpectation: { ...sle, value: round(sle.value) },
    leadTimePercentiles: percentileRecord(leadPercentiles),
    histogram: histogram(sortedCycle, binWidth),
    scatter: Array.from(doneItems, (item) => ({
      key: key[item]!,
      date: dates.label(timeline.doneDay[item]!),
      cycleTime: round(cycle[item]!)!,
    })),
    throughput: Array.from(throughput, (count, p) => ({
      start: dates.label(periods.starts[p]!),
      end: dates.label(periods.ends[p]!),
      count,
    })),
    netFlow: Array.from(flow.arrivals, (arrivals, p) => ({
      start: dates.label(periods.starts[p]!),
      end: dates.label(periods.ends[p]!),
      arrivals,
      departures: flow.departures[p]!,
      net: arrivals - flow.departures[p]!,
    })),
    wip: daily.wip,
    cfd: daily.cfd,
    // Worked out when first read (a report, the Overview's items at risk, a file), not for a page's chart: from the
    // first stage thousands of items are in progress, each an object no chart reads.
    get aging() {
      return (aging ??= Array.from(ages.items, (item, k) => ({
        key: key[item]!,
        stage: stageNames[timeline.currentStage[item]!]!,
        status: statusNames[timeline.currentStatus[item]!]!,
        age: round(ages.ages[k]!)!,
        percentileBand: percentileBand(ages.ages[k]!, cyclePercentiles),
      })));
    },
    periodComparison: periodComparison(timeline, window, cycle, measure, dates),
    recentComparison: recentComparison(timeline, window, cycle, measure, dates),
    flowEfficiency: {
      overall: round(aggregateFlowEfficiency(efficiency, doneItems), 3),
      items: doneItems.length,
      blockedCountsAsWaiting: config.blockedCountsAsWaiting,
    },
    blockedTime: blockedSummary(timeline, blocked, doneItems, measure),
    warnings: [...(run.warnings ?? [])],
  };
}

/** Headlines rounded as the report shows them, so a verdict never rests on a difference that is not shown. */
function roundedHeadlines(headlines: FlowHeadlines): FlowHeadlines {
  const rounded = { ...headlines };
  for (const name of Object.keys(rounded) as HeadlineName[]) rounded[name] = round(rounded[name]) ?? NaN;
  return rounded;
}

function orNull(headlines: FlowHeadlines): Record<HeadlineName, number | null> {
  const record = {} as Record<HeadlineName, number | null>;
  for (const name of Object.keys(headlines) as HeadlineName[]) record[name] = Number.isFinite(headlines[name]) ? headlines[name] : null;
  return record;
}

function periodComparison(
  timeline: FlowTimeline,
  window: ReportWindow,
  cycle: Float64Array,
  measure: DurationMeasure,
  dates: IsoDateLabels,
): PeriodComparison {
  const current = roundedHeadlines(flowHeadlines(timeline, window, cycle, measure));
  const before = comparableWindowBefore(timeline, window);
  const previous = before === null ? null : roundedHeadlines(flowHeadlines(timeline, before, cycle, measure));
  return {
    window: { from: dates.label(window.from), to: dates.label(window.to) },
    days: windowLength(window),
    previousWindow: before === null ? null : { from: dates.label(before.from), to: dates.label(before.to) },
    current: orNull(current),
    previous: previous === null ? null : orNull(previous),
    changes:
      previous === null
        ? []
        : compareHeadlines(current, previous).map((change) => ({
            ...change,
            relative: change.relative === null ? null : round(change.relative, 3),
          })),
  };
}

/** The last days of a window with nothing of its length before it, against the days before them. */
function recentComparison(
  timeline: FlowTimeline,
  window: ReportWindow,
  cycle: Float64Array,
  measure: DurationMeasure,
  dates: IsoDateLabels,
): PeriodComparison | null {
  if (comparableWindowBefore(timeline, window) !== null) return null;
  const recent = recentWindowToCompare(timeline, window);
  return recent === null ? null : periodComparison(timeline, recent, cycle, measure, dates);
}

/** WIP and cumulative flow rows, one per day of the window. */
function dailyRows(window: ReportWindow, wip: Int32Array, cfd: CumulativeFlow, dates: IsoDateLabels): Pick<FlowReport, 'wip' | 'cfd'> {
  const rows: Pick<FlowReport, 'wip' | 'cfd'> = { wip: [], cfd: [] };
  for (let d = 0; d < wip.length; d++) {
    const date = dates.label(window.from + d);
    rows.wip.push({ date, count: wip[d]! });
    const row: Record<string, string | number> = { date };
    cfd.stages.forEach((stage, k) => (row[stage] = cfd.counts[k]![d]!));
    rows.cfd.push(row);
  }
  return rows;
}

/** Flagged time of the items done in the window. */
function blockedSummary(
  timeline: FlowTimeline,
  blocked: Float64Array,
  doneItems: Int32Array,
  measure: DurationMeasure,
): FlowReport['blockedTime'] {
  let blockedMs = 0;
  let itemsBlocked = 0;
  let cycleMs = 0;
  for (const item of doneItems) {
    const ms = blocked[item]!;
    if (ms > 0) {
      blockedMs += ms;
      itemsBlocked++;
    }
    cycleMs += timeline.done[item]! - timeline.start[item]!;
  }
  return {
    total: round(measure.elapsed(blockedMs)) ?? 0,
    itemsBlocked,
    shareOfCycleTime: cycleMs > 0 ? round(blockedMs / cycleMs, 3) : null,
  };
}

function checkQuestions(questions: ForecastQuestions): void {
  if (questions.targetDate !== undefined && isoDateToDay(questions.targetDate) === null) {
    throw new RangeError(`the forecast's target date ${JSON.stringify(questions.targetDate)} is not a YYYY-MM-DD date`);
  }
  if (questions.items !== undefined && !(Number.isInteger(questions.items) && questions.items >= 1)) {
    throw new RangeError(`the number of items to forecast must be a whole number of at least 1, not ${questions.items}`);
  }
  if (questions.startDate !== undefined && isoDateToDay(questions.startDate) === null) {
    throw new RangeError(`the forecast's start date ${JSON.stringify(questions.startDate)} is not a YYYY-MM-DD date`);
  }
}

/**
 * The last day not simulated: simulated days follow it. Today is already under way and its finished items
 * counted, so a forecast from today simulates from tomorrow; one from a later day simulates from that day.
 */
function lastDayBefore(startDate: string | undefined, nowDay: DayNumber, dates: IsoDateLabels): DayNumber {
  if (startDate === undefined) return nowDay;
  const start = isoDateToDay(startDate)!;
  if (start < nowDay) throw new RangeError(`the forecast's start date ${startDate} is before today (${dates.label(nowDay)})`);
  if (start - nowDay > DEFAULT_MAX_FORECAST_DAYS) {
    throw new RangeError(`the forecast's start date ${startDate} is more than ${DEFAULT_MAX_FORECAST_DAYS} days after now`);
  }
  return Math.max(nowDay, start - 1);
}

function forecaster(timeline: FlowTimeline, config: FlowConfig, run: FlowReportRun, dates: IsoDateLabels, inProgress: number): Forecaster {
  const settings = config.forecast;
  const nowDay = timeline.nowDay;
  const firstDay = firstCreatedDay(timeline);
  const lastCompleteDay = nowDay - 1;
  const daily = dailyThroughput(timeline, firstDay, nowDay);
  const samplesFrom = Math.max(firstDay, nowDay - settings.samplingDays);
  const hasSamples = samplesFrom <= lastCompleteDay;
  const sampleable = hasSamples ? { from: dates.label(firstDay), to: dates.label(lastCompleteDay) } : null;
  /** The throughput of the days `from` to `to`, both included and inside the history. */
  const samplesOf = (from: DayNumber, to: DayNumber) => daily.subarray(from - firstDay, to - firstDay + 1);
  const windowOf = (from: DayNumber, to: DayNumber) => ({ from: dates.label(from), to: dates.label(to), days: to - from + 1 });
  const simulation = { trials: settings.trials, seed: run.seed };
  // How the forecast would have done over the past weeks: the same whatever the questions.
  const past = backtestWeeklyForecasts(daily, firstDay, lastCompleteDay, {
    weeks: settings.backtestWeeks,
    samplingDays: settings.samplingDays,
    trials: settings.trials,
    seed: run.seed,
    weekEndsOn: config.conventions.weekEndsOn,
    confidence: 85,
  });
  const common = { sampleable, trials: settings.trials, seed: run.seed };
  const backtest = {
    confidence: past.confidence,
    weeks: past.weeks.map((week) => ({ ...week, start: dates.label(week.start), end: dates.label(week.end) })),
    hits: past.hits,
    hitRate: round(past.hitRate, 3),
  };

  return (questions = {}) => {
    checkQuestions(questions);
    const before = lastDayBefore(questions.startDate, nowDay, dates);
    const startDate = questions.startDate ?? dates.label(nowDay);
    const firstSimulatedDay = dates.label(before + 1);
    const notes: string[] = [];
    let howMany: HowManyForecast | null = null;
    let when: WhenForecast | null = null;
    if (!hasSamples) {
      notes.push('No complete day of history before now: nothing to sample throughput from.');
      return { ...common, samplingWindow: null, startDate, firstSimulatedDay, howMany, when, backtest, notes };
    }
    let samples = samplesOf(samplesFrom, lastCompleteDay);
    let samplingWindow = windowOf(samplesFrom, lastCompleteDay);
    if (questions.samplingWindow !== undefined) {
      const chosen = checkSamplingWindow(questions.samplingWindow, { firstDay, lastCompleteDay }, (day) => dates.label(day));
      if (!chosen.ok) throw new RangeError(chosen.message);
      samples = samplesOf(chosen.from, chosen.to);
      samplingWindow = windowOf(chosen.from, chosen.to);
    }
    const targetDate = questions.targetDate ?? settings.targetDate;
    const target: DayNumber = targetDate !== null ? (isoDateToDay(targetDate) ?? nowDay) : before + settings.horizonDays;
    // The "how many" question is bound like the "when" one: each day is a draw in every simulated future,
    // so a date centuries away would run for minutes and answer nothing a team can use.
    if (target - nowDay > DEFAULT_MAX_FORECAST_DAYS) {
      throw new RangeError(`the forecast's target date ${dates.label(target)} is more than ${DEFAULT_MAX_FORECAST_DAYS} days after now`);
    }
    const days = Math.max(0, target - before);
    if (days === 0) {
      notes.push(
        before === nowDay
          ? `The target date ${dates.label(target)} is not after now: nothing more can be done by then.`
          : `The target date ${dates.label(target)} is before the start date ${startDate}: nothing can be done by then.`,
      );
    }
    const totals = simulateHowMany(samples, days, simulation);
    howMany = {
      targetDate: dates.label(target),
      days,
      table: howManyTable(totals, settings.confidences),
      outcomes: outcomeDistribution(totals),
    };
    const items = questions.items ?? settings.items ?? inProgress;
    if (items <= 0) {
      notes.push('"When" forecast skipped: no items in progress and no forecast.items configured.');
    } else {
      const finishDays = simulateWhen(samples, items, { ...simulation, maxDays: DEFAULT_MAX_FORECAST_DAYS });
      when = {
        items,
        table: whenTable(finishDays, settings.confidences, DEFAULT_MAX_FORECAST_DAYS).map(({ confidence, days: d }) => ({
          confidence,
          days: d,
          date: d === null ? null : dates.label(before + d),
        })),
        outcomes: outcomeDistribution(finishDays),
      };
      if (when.table.some((row) => row.days === null)) {
        notes.push(`Some confidence levels are not reached within ${DEFAULT_MAX_FORECAST_DAYS} days (date null).`);
      }
    }
    return { ...common, samplingWindow, startDate, firstSimulatedDay, howMany, when, backtest, notes };
  };
}
