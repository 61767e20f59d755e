import * as flowReport from '../../../src/domain/flow-report';
import { BOARD_WORKFLOW } from '../../../src/domain/testing/history-fixture';
import { FIXTURE_NOW, flowHistory, flowHistoryWithFacets } from '../../testing/flow-fixtures';
import {
  type CompactHistory,
  computeReport,
  facetValuesAt,
  filterCompactHistory,
  flowConfigOf,
  NO_FILTERS,
  type ReportFilters,
  reportModel,
} from '../../../src/domain';
import { buildStageAging } from '../../../src/domain/stage-aging-report';
import * as selectedTimelineModule from '../../../src/domain/selected-timeline';
import { withStageRange } from '../../../src/domain/stage-range';

// The real forecast, counted: it is the part the model computes only when asked.
jest.mock('../../../src/domain/flow-report', () => {
  const actual = jest.requireActual<typeof flowReport>('../../../src/domain/flow-report');
  return { ...actual, buildForecaster: jest.fn(actual.buildForecaster), reportBasis: jest.fn(actual.reportBasis) };
});
const forecastRuns = flowReport.buildForecaster as jest.MockedFunction<typeof flowReport.buildForecaster>;
// The timelines built, counted: a stage range ending where the workflow ends reads the workflow's own.
const timelinesBuilt = flowReport.reportBasis as jest.MockedFunction<typeof flowReport.reportBasis>;
// The timelines cut to a choice of items, counted: moving the start of a choice reads the choice's own timeline.
jest.mock('../../../src/domain/selected-timeline', () => {
  const actual = jest.requireActual<typeof selectedTimelineModule>('../../../src/domain/selected-timeline');
  return { selectedTimeline: jest.fn(actual.selectedTimeline) };
});
const timelinesCut = selectedTimelineModule.selectedTimeline as jest.MockedFunction<typeof selectedTimelineModule.selectedTimeline>;

const history = flowHistory();
const BUGS: ReportFilters = { ...NO_FILTERS, issueTypes: ['Bug'] };
const LAST_30_DAYS: ReportFilters = { ...NO_FILTERS, rangeDays: 30 };

function reportOf(model: ReturnType<typeof reportModel>, filters: ReportFilters) {
  const result = model.reportFor(filters);
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

beforeEach(() => forecastRuns.mockClear());

/** Whether an issue has the facet values the filters choose, read value by value (each list empty for all). */
function facetValuesOf(history: CompactHistory, issue: number, filters: ReportFilters): boolean {
  const { resolution, labels, parent } = facetValuesAt(history.facets!, issue);
  const chosen = (list: readonly string[] | undefined, has: (value: string) => boolean) => !list?.length || list.some(has);
  return (
    chosen(filters.resolutions, (value) => value === resolution) &&
    chosen(filters.labels, (value) => labels.includes(value)) &&
    chosen(filters.parents, (value) => value === parent)
  );
}

describe('the page’s report model', () => {
  it('starts a period asked from before the history on its first day, and says which start was asked', () => {
    const model = reportModel(history, BOARD_WORKFLOW, null, FIXTURE_NOW);
    const whole = model.reportFor(NO_FILTERS);
    const from1970 = model.reportFor({ ...NO_FILTERS, customRange: { from: '1970-01-01', to: '2026-03-12' } });
    const lastYear = model.reportFor({ ...NO_FILTERS, rangeDays: 365 });
    if (!whole.ok || !from1970.ok || !lastYear.ok) throw new Error('no report');
    expect(whole.report.generated.window.from).toBe('2026-02-01');
    expect(from1970.report.generated.window).toEqual(whole.report.generated.window);
    expect(from1970.report.throughput).toEqual(whole.report.throughput);
    expect(from1970.clampedFrom).toBe('1970-01-01');
    expect(lastYear.report.generated.window.from).toBe('2026-02-01');
    expect(lastYear.clampedFrom).toBe('2025-03-13');
    expect(whole.clampedFrom).toBeNull();
    const inside = model.reportFor({ ...NO_FILTERS, customRange: { from: '2026-02-10', to: '2026-03-01' } });
    expect(inside.ok && [inside.report.generated.window, inside.clampedFrom]).toEqual([{ from: '2026-02-10', to: '2026-03-01' }, null]);
  });

  it('gives the same report as the whole flow report, forecast included', () => {
    const { config } = flowConfigOf(null, BOARD_WORKFLOW);
    const expected = flowReport.buildFlowReport(history, config, { now: FIXTURE_NOW, seed: 1 });
    const result = computeReport(history, BOARD_WORKFLOW, null, NO_FILTERS, FIXTURE_NOW);
    expect(result.ok && JSON.parse(JSON.stringify(result.report))).toEqual(expected);
  });

  it('computes the forecast only when a view reads it, once per choice of issue types', () => {
    const model = reportModel(history, BOARD_WORKFLOW, null, FIXTURE_NOW);
    const all = reportOf(model, NO_FILTERS);
    const lastMonth = reportOf(model, LAST_30_DAYS);
    expect(all.scatter.length).toBeGreaterThan(lastMonth.scatter.length);
    expect(forecastRuns).not.toHaveBeenCalled();

    expect(all.forecast.howMany).not.toBeNull();
    // Another period samples the same days before now: the same forecast, not computed again.
    expect(lastMonth.forecast).toBe(all.forecast);
    expect(forecastRuns).toHaveBeenCalledTimes(1);

    const bugs = reportOf(model, BUGS);
    expect(bugs.forecast).not.toEqual(all.forecast);
    expect(forecastRuns).toHaveBeenCalledTimes(2);
  });

  it('answers the questions a reader asks of the forecast from the one forecast of those issue types', () => {
    const model = reportModel(history, BOARD_WORKFLOW, null, FIXTURE_NOW);
    const configured = reportOf(model, NO_FILTERS).forecast;
    const asked = model.forecastFor(LAST_30_DAYS, { targetDate: '2026-04-30', items: 12 });
    expect(asked.howMany!.targetDate).toBe('2026-04-30');
    expect(asked.when!.items).toBe(12);
    expect(asked.backtest).toBe(configured.backtest);
    // Asked again, the same answer, not simulated again; no question is the configured forecast.
    expect(model.forecastFor(NO_FILTERS, { targetDate: '2026-04-30', items: 12 })).toBe(asked);
    expect(model.forecastFor(NO_FILTERS, {})).toBe(configured);
    expect(forecastRuns).toHaveBeenCalledTimes(1);
    expect(() => model.forecastFor(NO_FILTERS, { items: 0 })).toThrow(RangeError);
  });

  it('tells apart forecasts asked with another sampling window or start date', () => {
    const model = reportModel(history, BOARD_WORKFLOW, null, FIXTURE_NOW);
    const configured = model.forecastFor(NO_FILTERS, { targetDate: '2026-04-30' });
    const sampled = model.forecastFor(NO_FILTERS, { targetDate: '2026-04-30', samplingWindow: { lastDays: 14 } });
    expect(sampled.samplingWindow!.days).toBe(14);
    expect(sampled).not.toBe(configured);
    const later = model.forecastFor(NO_FILTERS, { targetDate: '2026-04-30', startDate: '2026-04-20' });
    expect(later.howMany!.days).toBe(11);
    expect(later).not.toBe(configured);
  });

  it('computes the items of one choice of items and stage range once, and each period the same as a report of its own', () => {
    const model = reportModel(history, BOARD_WORKFLOW, null, FIXTURE_NOW);
    const { config } = flowConfigOf(null, BOARD_WORKFLOW);
    const periods: ReportFilters[] = [NO_FILTERS, LAST_30_DAYS, { ...NO_FILTERS, rangeDays: 7 }];
    const results = periods.map((filters) => model.windowMeasuresFor(filters));
    const facts = results.map((result) => (result.ok ? result.facts : null));
    expect(facts[0]).not.toBeNull();
    expect(facts[1]).toBe(facts[0]);
    expect(facts[2]).toBe(facts[0]);
    periods.forEach((filters, k) => {
      const window = k === 0 ? config.window : { from: null, to: null, days: filters.rangeDays };
      const alone = flowReport.buildFlowMeasures(history, { ...config, window }, { now: FIXTURE_NOW, seed: 1 });
      const result = model.measuresFor(filters);
      expect(result.ok && JSON.parse(JSON.stringify(result.measures))).toEqual(JSON.parse(JSON.stringify(alone)));
    });
    const bugs = model.windowMeasuresFor(BUGS);
    expect(bugs.ok && bugs.facts).not.toBe(facts[0]);
    expect(bugs.ok && bugs.facts.items().every((item) => item.type === 'Bug')).toBe(true);
  });

  it('measures a sequence of filter changes exactly as each choice computed alone from the history filtered to its items', () => {
    const withFacets = flowHistoryWithFacets();
    const model = reportModel(withFacets, BOARD_WORKFLOW, null, FIXTURE_NOW);
    const { config } = flowConfigOf(null, BOARD_WORKFLOW);
    const REVIEW_ON: ReportFilters['stageRange'] = { from: 'Review', to: 'Released' };
    const sequence: ReportFilters[] = [
      BUGS,
      { ...BUGS, rangeDays: 30 },
      { ...NO_FILTERS, issueTypes: ['Story'], stageRange: REVIEW_ON },
      { ...NO_FILTERS, labels: ['mobile'] },
      { ...NO_FILTERS, labels: ['mobile'], stageRange: REVIEW_ON, rangeDays: 14 },
      { ...NO_FILTERS, resolutions: ["Won't Fix"] },
      NO_FILTERS,
      BUGS,
      { ...NO_FILTERS, parents: ['FLOW-100'], issueTypes: ['Bug', 'Story'] },
    ];
    for (const filters of sequence) {
      const result = model.measuresFor(filters);
      if (!result.ok) throw new Error(result.message);
      const keep = (issue: number) =>
        (filters.issueTypes.length === 0 || filters.issueTypes.includes(withFacets.issueTypes[withFacets.type[issue]!]!)) &&
        facetValuesOf(withFacets, issue, filters);
      const ranged = filters.stageRange ? { ...config, workflow: withStageRange(BOARD_WORKFLOW, filters.stageRange) } : config;
      const window = filters.rangeDays === null ? config.window : { from: null, to: null, days: filters.rangeDays };
      const alone = flowReport.buildFlowMeasures(
        filterCompactHistory(withFacets, keep),
        { ...ranged, window },
        { now: FIXTURE_NOW, seed: 1 },
      );
      expect(JSON.parse(JSON.stringify(result.measures))).toEqual(JSON.parse(JSON.stringify(alone)));
    }
  });

  it('reads a stage range ending where the workflow ends from the workflow’s own timeline, each start measured as its own', () => {
    const withFacets = flowHistoryWithFacets();
    const model = reportModel(withFacets, BOARD_WORKFLOW, null, FIXTURE_NOW);
    const { config } = flowConfigOf(null, BOARD_WORKFLOW);
    const FROM_BACKLOG: ReportFilters['stageRange'] = { from: 'Backlog', to: 'Done' };
    const FROM_REVIEW: ReportFilters['stageRange'] = { from: 'Review', to: 'Done' };
    // Back and forth between starts, items and periods: an answer kept for one start must never serve another.
    const sequence: ReportFilters[] = [
      NO_FILTERS,
      { ...NO_FILTERS, stageRange: FROM_BACKLOG },
      { ...BUGS, stageRange: FROM_BACKLOG },
      { ...BUGS, stageRange: FROM_REVIEW },
      { ...NO_FILTERS, stageRange: FROM_REVIEW, rangeDays: 30 },
      { ...NO_FILTERS, stageRange: FROM_BACKLOG, rangeDays: 30 },
      { ...NO_FILTERS, labels: ['mobile'], stageRange: FROM_REVIEW },
      BUGS,
      { ...BUGS, stageRange: FROM_BACKLOG },
    ];
    timelinesBuilt.mockClear();
    for (const filters of sequence) {
      const result = model.measuresFor(filters);
      if (!result.ok) throw new Error(result.message);
      const keep = (issue: number) =>
        (filters.issueTypes.length === 0 || filters.issueTypes.includes(withFacets.issueTypes[withFacets.type[issue]!]!)) &&
        facetValuesOf(withFacets, issue, filters);
      const ranged = filters.stageRange ? { ...config, workflow: withStageRange(BOARD_WORKFLOW, filters.stageRange) } : config;
      const window = filters.rangeDays === null ? config.window : { from: null, to: null, days: filters.rangeDays };
      const alone = flowReport.buildFlowMeasures(
        filterCompactHistory(withFacets, keep),
        { ...ranged, window },
        { now: FIXTURE_NOW, seed: 1 },
      );
      expect(JSON.parse(JSON.stringify(result.measures))).toEqual(JSON.parse(JSON.stringify(alone)));
    }
    // One timeline for the whole history, on the workflow's own start; every range and choice of items is read from it.
    expect(timelinesBuilt).toHaveBeenCalledTimes(1);
  });

  it('moves the start of a choice of items on that choice’s own timeline, cutting none again', () => {
    const withFacets = flowHistoryWithFacets();
    const model = reportModel(withFacets, BOARD_WORKFLOW, null, FIXTURE_NOW);
    const LABELLED: ReportFilters = { ...NO_FILTERS, labels: ['mobile'] };
    model.measuresFor(BUGS);
    model.measuresFor(LABELLED);
    timelinesCut.mockClear();
    // As a reader moves the start of the items shown: each choice was cut once already, when it was shown.
    for (const filters of [BUGS, LABELLED]) {
      for (const from of ['Backlog', 'Review']) {
        const result = model.measuresFor({ ...filters, stageRange: { from, to: 'Done' } });
        if (!result.ok) throw new Error(result.message);
      }
    }
    expect(timelinesCut).not.toHaveBeenCalled();
  });

  it('sees the aging by stage of a sequence of filter changes exactly as the history filtered to each choice sees it', () => {
    const withFacets = flowHistoryWithFacets();
    const model = reportModel(withFacets, BOARD_WORKFLOW, null, FIXTURE_NOW);
    const { config } = flowConfigOf(null, BOARD_WORKFLOW);
    const REVIEW_ON: ReportFilters['stageRange'] = { from: 'Review', to: 'Released' };
    const sequence: ReportFilters[] = [
      NO_FILTERS,
      BUGS,
      { ...NO_FILTERS, issueTypes: ['Story'], stageRange: REVIEW_ON },
      { ...NO_FILTERS, labels: ['mobile'], rangeDays: 14 },
      { ...NO_FILTERS, resolutions: ["Won't Fix"] },
      { ...NO_FILTERS, parents: ['FLOW-100'], issueTypes: ['Bug', 'Story'], stageRange: REVIEW_ON },
      BUGS,
      // A start moved on a choice of items (read from the choice's own timeline), then on all of them.
      { ...BUGS, stageRange: { from: 'Backlog', to: 'Done' } },
      { ...NO_FILTERS, labels: ['mobile'], stageRange: { from: 'Review', to: 'Done' } },
      { ...NO_FILTERS, stageRange: { from: 'Backlog', to: 'Done' } },
    ];
    let columns = 0;
    for (const filters of sequence) {
      // As the page asks: the measures on a change of items, then the Aging tab, now and on past days.
      model.measuresFor(filters);
      for (const asOfDate of [null, '2026-02-20', '2026-03-05']) {
        const aging = model.stageAgingFor(filters, asOfDate);
        if (!aging.ok) throw new Error(aging.message);
        const keep = (issue: number) =>
          (filters.issueTypes.length === 0 || filters.issueTypes.includes(withFacets.issueTypes[withFacets.type[issue]!]!)) &&
          facetValuesOf(withFacets, issue, filters);
        const ranged = filters.stageRange ? { ...config, workflow: withStageRange(BOARD_WORKFLOW, filters.stageRange) } : config;
        const window = filters.rangeDays === null ? config.window : { from: null, to: null, days: filters.rangeDays };
        expect(aging.aging).toEqual(buildStageAging(filterCompactHistory(withFacets, keep), { ...ranged, window }, FIXTURE_NOW, asOfDate));
        columns += aging.aging.columns.filter((column) => column.items.length > 0).length;
      }
    }
    expect(columns).toBeGreaterThan(sequence.length);
  });

  it('remembers the reports of recent filters, so going back to one costs nothing', () => {
    const model = reportModel(history, BOARD_WORKFLOW, null, FIXTURE_NOW);
    const first = reportOf(model, NO_FILTERS);
    reportOf(model, BUGS);
    expect(reportOf(model, { ...NO_FILTERS, issueTypes: [] })).toBe(first);
    expect(reportOf(model, { ...BUGS, issueTypes: ['Bug'] })).toBe(reportOf(model, BUGS));
  });

  it('forgets the least recently used report beyond the few it keeps', () => {
    const model = reportModel(history, BOARD_WORKFLOW, null, FIXTURE_NOW);
    const first = reportOf(model, { ...NO_FILTERS, rangeDays: 10 });
    for (const days of [20, 30, 40, 50]) reportOf(model, { ...NO_FILTERS, rangeDays: days });
    const again = reportOf(model, { ...NO_FILTERS, rangeDays: 10 });
    expect(again).not.toBe(first);
    expect(again.scatter).toEqual(first.scatter);
  });

  it('reports a workflow that cannot be used as a message, not a crash', () => {
    const result = reportModel(history, { ...BOARD_WORKFLOW, stages: BOARD_WORKFLOW.stages.slice(0, 2) }, null, FIXTURE_NOW).reportFor(
      NO_FILTERS,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('the done stage "Done" is not one of the stages');
  });
});
