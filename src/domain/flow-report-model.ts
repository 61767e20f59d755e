import { dayToIsoDate, isoDateToDay } from './calendar-day';
import { filterCompactHistory, type CompactHistory } from './compact-history';
import { countedIssueTypes } from './counted-issue-types';
import { DEFAULT_FLOW_CONFIG, parseFlowConfig, type FlowConfig } from './flow-config';
import {
  buildForecaster,
  itemFacts,
  movedStartItemFacts,
  reportBasis,
  selectedItemFacts,
  windowMeasures,
  withItemRows,
  type FlowMeasures,
  type FlowReport,
  type Forecaster,
  type ForecastQuestions,
  type ForecastSection,
  type ItemFacts,
  type ReportBasis,
  type WindowMeasures,
} from './flow-report';
import { choosesAll, facetMatcher, type FacetChoice } from './issue-facets';
import { movedStartTimeline } from './moved-start-timeline';
import { selectedTimeline } from './selected-timeline';
import { endOfDayAsOf, stageAgingReport, type StageAgingReport } from './stage-aging-report';
import { type StageRange, withStageRange } from './stage-range';
import { ZonedDays } from './time-zone';
import { resolveWorkflow, type Workflow } from './workflow';

/**
 * Which items the charts count: issue types and facets (resolution, labels, components, parent; see
 * `issue-facets.ts`), each empty for all. The forecast follows the same items.
 */
export interface ItemSelection extends FacetChoice {
  /** Issue types to keep; empty keeps all. */
  issueTypes: readonly string[];
}

/** What the page's filters choose; they apply to every view. */
export interface ReportFilters extends ItemSelection {
  /** The last this-many days up to today, or null for the configured window. */
  rangeDays: number | null;
  /** A period chosen day by day (checked with `checkDateRange`); when set, it wins over `rangeDays`. */
  customRange?: { from: string; to: string } | null;
  /** Measure from entering one stage to entering a later one instead of the workflow's start and done. */
  stageRange?: StageRange | null;
}

export const NO_FILTERS: ReportFilters = { issueTypes: [], rangeDays: null, customRange: null };

/**
 * The filters a page opens with: the configured period, and the issue types counted by default (all but
 * the project's excluded types, epics and sub-tasks unless an admin chose otherwise). When none is left
 * out, none is ticked, which reads "all".
 */
export function defaultFilters(issueTypes: readonly string[], excluded: readonly string[]): ReportFilters {
  const counted = countedIssueTypes(issueTypes, excluded);
  return { ...NO_FILTERS, issueTypes: counted.length === issueTypes.length || counted.length === 0 ? [] : counted };
}

/** The report window the filters ask for, or the configured one. */
function windowOf(filters: ReportFilters, configured: FlowConfig['window']): FlowConfig['window'] {
  if (filters.customRange) return { from: filters.customRange.from, to: filters.customRange.to, days: null };
  if (filters.rangeDays !== null) return { from: null, to: null, days: filters.rangeDays };
  return configured;
}

/**
 * The window the filters ask for, starting no earlier than the history's first day (`YYYY-MM-DD`): days
 * before any item existed are empty weeks that would only dilute every average and stretch every axis.
 * `askedFrom` is the start asked for when it was moved, null otherwise.
 */
function windowWithinHistory(
  filters: ReportFilters,
  configured: FlowConfig['window'],
  firstDay: string | null,
  today: string,
): { window: FlowConfig['window']; askedFrom: string | null } {
  const window = windowOf(filters, configured);
  if (firstDay === null) return { window, askedFrom: null };
  const to = window.to ?? today;
  const from = window.from ?? (window.days === null ? null : dayToIsoDate(isoDateToDay(to)! - window.days + 1));
  if (from === null || from >= firstDay || to < firstDay) return { window, askedFrom: null };
  return { window: { from: firstDay, to: window.to, days: null }, askedFrom: from };
}

/** Aging by stage as of a day's end, or why it could not be computed. */
export type StageAgingResult = { ok: true; aging: StageAgingReport } | { ok: false; message: string };

export type ReportResult =
  | {
      ok: true;
      report: FlowReport;
      configNote: string | null;
      /** The start asked for when it was before the history's first day (the report starts on that day). */
      clampedFrom: string | null;
    }
  | { ok: false; message: string };

/** A report's result without its forecast: what a page sends on when the forecast is answered apart. */
export type MeasuresResult =
  { ok: true; measures: FlowMeasures; configNote: string | null; clampedFrom: string | null } | { ok: false; message: string };

/**
 * The window's measures and the facts of its items (see `itemFacts`), apart: a page sends the items once per
 * choice of items and stage range, not once per period.
 */
type WindowMeasuresResult =
  | { ok: true; measures: WindowMeasures; facts: ItemFacts; configNote: string | null; clampedFrom: string | null }
  | { ok: false; message: string };

/** The project's saved configuration, falling back to the defaults when it is missing or unreadable. */
export function flowConfigOf(document: unknown, workflow: Workflow): { config: FlowConfig; note: string | null } {
  let config: FlowConfig = DEFAULT_FLOW_CONFIG;
  let note: string | null = null;
  if (document !== null && document !== undefined) {
    try {
      config = parseFlowConfig(document);
    } catch (cause) {
      const problem = cause instanceof Error ? cause.message : 'unknown problem';
      note = `The saved flow configuration could not be read (${problem}); the defaults are used.`;
    }
  }
  return { config: { ...config, workflow }, note };
}

/** How many reports (and filtered histories) a page keeps: enough to go back and forth between a few filters. */
const REMEMBERED = 4;

/** A small map that forgets the entry used least recently once it holds more than `size`. */
function recentlyUsed<V>(size: number) {
  const entries = new Map<string, V>();
  return (key: string, compute: () => V): V => {
    if (entries.has(key)) {
      const known = entries.get(key)!;
      entries.delete(key);
      entries.set(key, known);
      return known;
    }
    const value = compute();
    entries.set(key, value);
    if (entries.size > size) entries.delete(entries.keys().next().value!);
    return value;
  };
}

/**
 * The page's reports for one loaded history, computed in the browser and remembered per choice of filters.
 *
 * The forecast (the Monte Carlo runs and their backtest, about half of the cost) is left out of the first
 * computation: a report's `forecast` is computed when a view first reads it, which only the Forecast tab
 * does. It samples the days before now whatever the period chosen, so it is computed once per choice of
 * issue types and shared by every period. The questions a reader asks it (another date, another number of
 * items) reuse its samples and backtest: only their own simulations run.
 */
export function reportModel(history: CompactHistory, workflow: Workflow, flowConfig: unknown, now: number) {
  const { config, note } = flowConfigOf(flowConfig, workflow);
  const run = { now, seed: 1 };
  const histories = recentlyUsed<CompactHistory>(REMEMBERED);
  const reports = recentlyUsed<ReportResult>(REMEMBERED);
  const measuresResults = recentlyUsed<MeasuresResult>(REMEMBERED);
  const forecasters = recentlyUsed<Forecaster>(REMEMBERED);
  const answers = recentlyUsed<ForecastSection>(REMEMBERED);

  /** Whether the selection keeps an issue of the history; null when it keeps them all. */
  const keeperOf = (selection: ItemSelection): ((issue: number) => boolean) | null => {
    const { issueTypes } = selection;
    const facets = history.facets && !choosesAll(selection) ? facetMatcher(history.facets, selection) : null;
    if (issueTypes.length === 0 && facets === null) return null;
    // Per issue type of the history, whether it is kept: asked of every issue, a lookup by name costs more than the cut itself.
    const keptType = Uint8Array.from(history.issueTypes, (type) => (issueTypes.length === 0 || issueTypes.includes(type) ? 1 : 0));
    return (issue) => keptType[history.type[issue]!] === 1 && (facets === null || facets(issue));
  };

  const historyOf = (selection: ItemSelection): CompactHistory => {
    const keep = keeperOf(selection);
    if (keep === null) return history;
    return histories(selectionKey(selection), () => filterCompactHistory(history, keep));
  };

  const zone = new ZonedDays(config.conventions.timeZone);
  const today = dayToIsoDate(zone.dayOf(now));
  const firstDay = historyFirstDay(history, zone, now);

  /** The configuration with the filters' stage range as its start and done stages. @throws RangeError for a bad range. */
  const rangedConfig = (filters: ReportFilters): FlowConfig =>
    filters.stageRange && config.workflow ? { ...config, workflow: withStageRange(config.workflow, filters.stageRange) } : config;

  /**
   * The timeline of the filters' items and stage range, and its items' facts: shared by every period, so a
   * change of period computes only the window's measures. @throws as `reportBasis`, and RangeError for a bad range.
   */
  const itemsBasis = recentlyUsed<{ basis: ReportBasis; facts: ItemFacts }>(REMEMBERED);
  const itemsBasisOf = (filters: ReportFilters) =>
    itemsBasis(JSON.stringify([selectionKey(filters), filters.stageRange ?? null]), () => {
      const moved = filters.stageRange ? movedFromOwnStart(filters) : null;
      if (moved !== null) return moved;
      const whole = wholeBasisOf(filters);
      const keep = keeperOf(filters);
      if (whole !== null && keep === null) return whole;
      if (whole !== null && keep !== null) {
        const basis = { ...whole.basis, timeline: selectedTimeline(whole.basis.timeline, keep) };
        return { basis, facts: selectedItemFacts(basis, whole.facts) };
      }
      const ranged = rangedConfig(filters);
      const basis = reportBasis(historyOf(filters), ranged, run);
      return { basis, facts: itemFacts(basis, ranged) };
    });

  /**
   * The timeline and facts of the filters' items for a stage range that ends where the workflow does, read from
   * those of the same items on the workflow's own start (see `movedStartTimeline`), which the page has just shown:
   * moving the start then works out only what runs from the start, once, and cuts no timeline again. Null for a
   * range ending elsewhere, which needs a timeline of its own. @throws as `itemsBasisOf`.
   */
  const movedFromOwnStart = (filters: ReportFilters): { basis: ReportBasis; facts: ItemFacts } | null => {
    const ranged = rangedConfig(filters);
    if (ranged.workflow === null) return null;
    const own = itemsBasisOf({ ...filters, stageRange: null });
    const timeline = movedStartTimeline(own.basis.timeline, resolveWorkflow(ranged.workflow, history.statuses));
    if (timeline === null) return null;
    const basis = { ...own.basis, timeline };
    return { basis, facts: movedStartItemFacts(basis, own.facts, ranged) };
  };

  /**
   * The timeline and facts of every item of the history for the filters' stage range: a choice of issue types
   * or facets is cut from them (`selectedTimeline`) rather than computed again, so a change of items costs a
   * copy of a few columns and the window's measures. Null when the whole history cannot be measured (a status
   * no stage lists, met only in items the filters leave out): each choice of items is then computed on its own.
   */
  const wholeBases = recentlyUsed<{ basis: ReportBasis; facts: ItemFacts } | null>(REMEMBERED);
  const wholeBasisOf = (filters: ReportFilters): { basis: ReportBasis; facts: ItemFacts } | null =>
    wholeBases(JSON.stringify(filters.stageRange ?? null), () => {
      try {
        const ranged = rangedConfig(filters);
        const moved = filters.stageRange ? movedFromWorkflowStart(ranged) : null;
        if (moved !== null) return moved;
        const basis = reportBasis(history, ranged, run);
        return { basis, facts: itemFacts(basis, ranged) };
      } catch {
        return null;
      }
    });

  /**
   * The whole history's timeline and facts for a stage range that ends where the workflow does, read from the
   * workflow's own (see `movedStartTimeline`): any start stage is then a column of the dates every item reached
   * each stage. Null for a range ending elsewhere, which needs a timeline of its own. @throws as `reportBasis`.
   */
  const movedFromWorkflowStart = (ranged: FlowConfig): { basis: ReportBasis; facts: ItemFacts } | null => {
    const own = wholeBasisOf({ ...NO_FILTERS, stageRange: null });
    if (own === null || ranged.workflow === null) return null;
    const timeline = movedStartTimeline(own.basis.timeline, resolveWorkflow(ranged.workflow, history.statuses));
    if (timeline === null) return null;
    const basis = { ...own.basis, timeline };
    return { basis, facts: movedStartItemFacts(basis, own.facts, ranged) };
  };

  const computeWindowMeasures = (filters: ReportFilters): WindowMeasuresResult => {
    try {
      const { basis, facts } = itemsBasisOf(filters);
      const { window, askedFrom } = windowWithinHistory(filters, config.window, firstDay, today);
      const measures = windowMeasures(basis, facts, { ...rangedConfig(filters), window }, run);
      return { ok: true, measures, facts, configNote: note, clampedFrom: askedFrom };
    } catch (cause) {
      return { ok: false, message: cause instanceof Error ? cause.message : 'The metrics could not be computed.' };
    }
  };
  const windowResults = recentlyUsed<WindowMeasuresResult>(REMEMBERED);
  const windowMeasuresFor = (filters: ReportFilters): WindowMeasuresResult =>
    windowResults(filtersKey(filters), () => computeWindowMeasures(filters));

  const computeMeasures = (filters: ReportFilters): MeasuresResult => {
    const result = windowMeasuresFor(filters);
    if (!result.ok) return result;
    const { measures, facts, ...notes } = result;
    return { ...notes, ok: true, measures: withItemRows(measures, facts) };
  };
  const measuresFor = (filters: ReportFilters): MeasuresResult => measuresResults(filtersKey(filters), () => computeMeasures(filters));

  const compute = (filters: ReportFilters): ReportResult => {
    const result = measuresFor(filters);
    if (!result.ok) return result;
    const { measures, ...notes } = result;
    return { ...notes, report: withForecastOnDemand(measures, () => forecastFor(filters, {})) };
  };

  /**
   * The forecast for the filters' items (issue types and facets), answering `questions` where given (the configured questions
   * otherwise). @throws RangeError for a question the forecast cannot answer (see `buildForecaster`).
   */
  const forecastFor = (selection: ItemSelection, questions: ForecastQuestions): ForecastSection => {
    const items = selectionKey(selection);
    const ask = forecasters(items, () => buildForecaster(historyOf(selection), config, run));
    const asked = [questions.targetDate, questions.items, questions.samplingWindow, questions.startDate].map((part) => part ?? null);
    return answers(JSON.stringify([items, ...asked]), () => ask(questions));
  };

  /**
   * The timeline aging by stage reads for the filters' items as of `asOf`, and the history its item indices
   * refer to. As of now it is the measures' own (cut from the whole history's, see `itemsBasisOf`), so the Aging
   * tab after a change of items builds no timeline; as of a past day, the whole history's timeline as of then
   * (remembered per stage range and day) cut to the items. A history the whole workflow cannot measure falls
   * back to filtering, as the measures do.
   */
  const wholeAgingBases = recentlyUsed<ReportBasis | null>(REMEMBERED);
  const agingBasisOf = (filters: ReportFilters, asOf: number): { basis: ReportBasis; itemsOf: CompactHistory } => {
    if (asOf === now) {
      // A timeline's items are numbered as in the history it was built on: the whole one, when cut or moved from it.
      const { basis } = itemsBasisOf(filters);
      return { basis, itemsOf: basis.timeline.history };
    }
    const whole = wholeAgingBases(JSON.stringify([filters.stageRange ?? null, asOf]), () => {
      try {
        return reportBasis(history, rangedConfig(filters), { now: asOf });
      } catch {
        return null;
      }
    });
    const keep = keeperOf(filters);
    if (whole === null)
      return { basis: reportBasis(historyOf(filters), rangedConfig(filters), { now: asOf }), itemsOf: historyOf(filters) };
    return { basis: keep === null ? whole : { ...whole, timeline: selectedTimeline(whole.timeline, keep) }, itemsOf: history };
  };

  const agings = recentlyUsed<StageAgingResult>(REMEMBERED);
  /** Aging by stage for the filters' items as of the end of `asOfDate` (null: now), bands from the filters' period. */
  const stageAgingFor = (filters: ReportFilters, asOfDate: string | null): StageAgingResult =>
    agings(JSON.stringify([filtersKey(filters), asOfDate]), () => {
      try {
        const { window } = windowWithinHistory(filters, config.window, firstDay, today);
        const asOf = endOfDayAsOf(asOfDate, config.conventions.timeZone, now);
        const { basis, itemsOf } = agingBasisOf(filters, asOf);
        return { ok: true, aging: stageAgingReport(itemsOf, basis, { ...rangedConfig(filters), window }) };
      } catch (cause) {
        return { ok: false, message: cause instanceof Error ? cause.message : 'The aging could not be computed.' };
      }
    });

  return {
    reportFor: (filters: ReportFilters): ReportResult => reports(filtersKey(filters), () => compute(filters)),
    /** The report without its forecast, computed once for both (a page asks the forecast apart). */
    measuresFor,
    /** The same without the items' rows, and their facts apart. */
    windowMeasuresFor,
    forecastFor,
    stageAgingFor,
  };
}

export type ReportModel = ReturnType<typeof reportModel>;

/** The day the first item of the history was created, in the report's time zone; null for an empty history. */
function historyFirstDay(history: CompactHistory, zone: ZonedDays, now: number): string | null {
  let first = Infinity;
  for (const created of history.created) if (created < first && created <= now) first = created;
  return first === Infinity ? null : dayToIsoDate(zone.dayOf(first));
}

/** The same choice in any order. */
function sorted(values: readonly string[] | undefined): string[] {
  return [...(values ?? [])].sort();
}

/** The same items, whichever order each list is in. */
function selectionKey(selection: ItemSelection): string {
  const { issueTypes, resolutions, labels, components, parents } = selection;
  return JSON.stringify([issueTypes, resolutions, labels, components, parents].map(sorted));
}

/** The same choice of filters, as a text: what the page's caches of figures are keyed by. */
export function filtersKey(filters: ReportFilters): string {
  return JSON.stringify([selectionKey(filters), filters.rangeDays, filters.customRange ?? null, filters.stageRange ?? null]);
}

/** The full report, its `forecast` computed on first reading (and remembered by `forecast` itself). */
function withForecastOnDemand(measures: FlowMeasures, forecast: () => ForecastSection): FlowReport {
  const report = { ...measures } as FlowReport;
  Object.defineProperty(report, 'forecast', { get: forecast, enumerable: true });
  return report;
}

/** Every metric of the page for one choice of filters, computed in the browser. */
export function computeReport(
  history: CompactHistory,
  workflow: Workflow,
  flowConfig: unknown,
  filters: ReportFilters,
  now: number,
): ReportResult {
  return reportModel(history, workflow, flowConfig, now).reportFor(filters);
}
