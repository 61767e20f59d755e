import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import EmptyState from '@atlaskit/empty-state';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import {
  type CompactHistory,
  type CycleTimeReport,
  defaultFilters,
  facetValueCounts,
  filtersKey,
  flowConfigOf,
  type ForecastQuestions,
  type ReportFilters,
  reportModel,
  type StageRange,
  unpackCycleTimeFigures,
} from '../../../src/domain';
import type { ProjectOverviewPart, ProjectViewData } from '../../../src/shared/resolver-contract';
import { formatDate } from '../../common/format-date-time';
import { LoadingState } from '../../common/LoadingState';
import { ResolverErrorMessage } from '../../common/ResolverErrorMessage';
import { ChartArea } from './charts/chart-area';
import { rehearseDotBlending } from './charts/dot-blending-rehearsal';
import { ConventionsDisclosure } from './ConventionsDisclosure';
import { ExportTabButtons } from './export/ExportTabButtons';
import { conventionsInUse } from './conventions-summary';
import { todayIn } from './date-range';
import { forecastRunner } from './forecast-runner';
import { openPageHistory, type PageHistory } from './page-history';
import { namesAView, pageSearch, readPageView, type FacetName, type PageUrlContext, type PageView } from './page-url';
import { linkNamesAView, TAB_LABELS, TAB_SLUGS } from './project-tabs';
import type { FacetOption } from './FacetFilter';
import { startForecastWorker } from './forecast-worker-start';
import { reportRunner, type ReportRunner } from './report-runner';
import type { ReportFigures, ReportPart } from './report-worker-protocol';
import { startReportWorker } from './report-worker-start';
import { useReportFigures, useReportOf } from './use-report-figures';
import { DEFAULT_TAB_OPTIONS, type ChangeTabOptions, type TabOptions } from './tab-options';
import { ReportFiltersBar } from './ReportFiltersBar';
import { WHERE_TO_ENABLE } from './ProjectNotMeasured';
import { prefetchesHistoryOf, whenShownAndIdle } from './history-prefetch';
import { type LoadedView, startedPageHistoryOr, useProjectView } from './use-project-view';
import './ProjectMetrics.css';
import { AgingView } from './views/AgingView';
import { StageRangeFilter } from './StageRangeFilter';
import { CycleTimeView } from './views/CycleTimeView';
import { FlowView } from './views/FlowView';
import { ForecastView } from './views/ForecastView';
import { OverviewView } from './views/OverviewView';
import { ThroughputView } from './views/ThroughputView';
import { IssuesWithTimeSplit } from './pull-requests/IssuesWithTimeSplit';
import { PullRequestsView } from './pull-requests/PullRequestsView';

/**
 * The tabs' views, each drawn again only when its own props change: a filter change re-renders the page at
 * once (the filters bar shows the choice), while the tab keeps the report it has until the new one arrives,
 * and redrawing its charts for the same report would hold up the reader's input for nothing.
 */
const Overview = memo(OverviewView);
const CycleTime = memo(CycleTimeView);
const Throughput = memo(ThroughputView);
const Flow = memo(FlowView);
const Aging = memo(AgingView);
const Forecast = memo(ForecastView);
const Issues = memo(IssuesWithTimeSplit);
const PullRequests = memo(PullRequestsView);
// The controls around the tabs, drawn again only when what they show changes, not at every filter change.
const Conventions = memo(ConventionsDisclosure);
const StageRangeSelects = memo(StageRangeFilter);
const ExportButtons = memo(ExportTabButtons);

/** The part of the report a tab shows: the Overview its figures, every other tab the measures. */
const partOfTab = (tab: number): ReportPart => (tab === 0 ? 'overview' : 'measures');

/** Where a reader went from the Overview's figures, which made the page load the whole history: the tab and filters. */
interface Opening {
  tab: number;
  filters: ReportFilters | null;
  /** The tabs' options chosen on the chart kept with the Overview's figures, kept when the report's replaces it. */
  options?: TabOptions;
}

const PeriodNote = ({ shownFrom, askedFrom }: { shownFrom: string; askedFrom: string }) => (
  <SectionMessage appearance="information" testId="period-note">
    <Text as="p">{`The history starts on ${formatDate(shownFrom)}, so the period starts there rather than on ${formatDate(askedFrom)}.`}</Text>
  </SectionMessage>
);

/** Whether two filters show the same period. */
const samePeriod = (a: ReportFilters, b: ReportFilters) =>
  a.rangeDays === b.rangeDays && a.customRange?.from === b.customRange?.from && a.customRange?.to === b.customRange?.to;

/** The unpacked Cycle time figures of each Overview part: unpacked once, whichever component asks. */
const cycleTimeFiguresOf = new WeakMap<ProjectOverviewPart, CycleTimeReport | null>();

/**
 * The Cycle time tab's figures kept with the Overview's (see src/domain/cycle-time-figures.ts), for drawing its
 * chart before the history has loaded; null when none were kept, or they cannot be read (the tab then waits for
 * the history, as it would without them).
 */
function cycleTimePreviewOf(overview: ProjectOverviewPart): CycleTimeReport | null {
  let figures = cycleTimeFiguresOf.get(overview);
  if (figures === undefined) {
    try {
      figures = overview.cycleTime === null ? null : unpackCycleTimeFigures(overview.cycleTime);
    } catch {
      figures = null;
    }
    cycleTimeFiguresOf.set(overview, figures);
  }
  return figures;
}

/** Each facet's values in the history, with their item counts; null when the history holds no facets. */
function facetOptionsOf(history: CompactHistory): Record<FacetName, FacetOption[]> | null {
  const { facets } = history;
  if (!facets) return null;
  return {
    resolutions: facetValueCounts(facets, 'resolutions'),
    labels: facetValueCounts(facets, 'labels'),
    components: facetValueCounts(facets, 'components'),
    parents: facetValueCounts(facets, 'parents'),
  };
}

function mapFacets<T, U>(facets: Record<FacetName, T>, map: (value: T) => U): Record<FacetName, U> {
  return {
    resolutions: map(facets.resolutions),
    labels: map(facets.labels),
    components: map(facets.components),
    parents: map(facets.parents),
  };
}

/**
 * The view shown (filters and tab), read from the page's URL when the page opens and written back on every
 * change; moving back or forward in the browser shows the view of that address. `ignored` says what the URL
 * asked that the page could not use, until the reader changes the view. `showLocation` counts the views
 * taken from the URL, so inputs holding their own drafts start again from it. A page that opened on the
 * Overview's figures starts from where the reader went from there (`opening`), and writes that to the URL.
 */
function usePageView(pageHistory: PageHistory | null, context: PageUrlContext, opening: Opening | null) {
  const [state, setState] = useState(() => {
    if (opening)
      return {
        view: { filters: opening.filters ?? context.defaults, tab: opening.tab, options: opening.options },
        ignored: [] as string[],
        showLocation: 0,
      };
    const read = readPageView(pageHistory?.location.search ?? '', context);
    return { view: read.view, ignored: read.ignored, showLocation: 0 };
  });
  // The search part last written or read, so the page does not hear its own writes as navigation.
  const written = useRef<string | null>(null);
  const contextRef = useRef(context);
  contextRef.current = context;

  useEffect(() => {
    if (pageHistory === null) return;
    const search = pageSearch(state.view, context);
    written.current = search;
    if (search !== pageHistory.location.search) pageHistory.replace({ pathname: pageHistory.location.pathname, search });
  }, [pageHistory, state.view, context]);

  useEffect(() => {
    if (pageHistory === null) return undefined;
    return pageHistory.listen((location) => {
      if (location.search === written.current) return;
      const read = readPageView(location.search, contextRef.current);
      written.current = location.search;
      setState((previous) => ({ view: read.view, ignored: read.ignored, showLocation: previous.showLocation + 1 }));
    });
  }, [pageHistory]);

  const changeView = useCallback((view: PageView) => setState((previous) => ({ ...previous, view, ignored: [] })), []);
  const changeOptions = useCallback<ChangeTabOptions>(
    (change) =>
      setState((previous) => ({
        ...previous,
        view: { ...previous.view, options: { ...(previous.view.options ?? DEFAULT_TAB_OPTIONS), ...change } },
        ignored: [],
      })),
    [],
  );
  return { ...state, changeView, changeOptions };
}

/**
 * The charts for a loaded history: filters, then one tab per view, all from one report computed here. Only
 * the tab shown is rendered, so a filter change redraws one view, not every view visited before.
 */
function FlowReportTabs({
  view,
  history,
  now,
  reports,
  opening = null,
  pageHistory = null,
  cycleTimePreview = null,
  warmedUp = null,
}: {
  view: ProjectViewData;
  history: CompactHistory;
  now: number;
  /** The report's figures for this history, computed off the page's thread (see `useReportRunner`). */
  reports: ReportRunner;
  /** Where the reader went from the Overview's figures; null opens the view the URL names. */
  opening?: Opening | null;
  /** Where the filters and the tab are written, so a link reproduces the view; null keeps them in the page only. */
  pageHistory?: PageHistory | null;
  /**
   * The Cycle time tab's figures for the default filters, kept with the Overview's that were shown before this
   * history loaded: that tab draws its chart from them until the report's first figures are in, so a reader who
   * went there from the Overview sees the same chart throughout. Null when there are none.
   */
  cycleTimePreview?: CycleTimeReport | null;
  /** The figures computed ahead for `reports` while the Overview's were shown (see `useReportRunner`), once in. */
  warmedUp?: WarmedUp | null;
}) {
  const { config } = useMemo(() => flowConfigOf(view.flowConfig, view.workflow), [view.flowConfig, view.workflow]);
  const today = todayIn(config.conventions.timeZone, now);
  const facetOptions = useMemo(() => facetOptionsOf(history), [history]);
  const urlContext = useMemo<PageUrlContext>(
    () => ({
      defaults: defaultFilters(history.issueTypes, config.excludedIssueTypes),
      issueTypes: history.issueTypes,
      tabs: TAB_SLUGS,
      today,
      facetValues: facetOptions && mapFacets(facetOptions, (options) => options.map((option) => option.value)),
      workflow: view.workflow,
    }),
    [history.issueTypes, config.excludedIssueTypes, today, facetOptions, view.workflow],
  );
  const { view: shown, ignored, showLocation, changeView, changeOptions } = usePageView(pageHistory, urlContext, opening);
  const { filters, tab } = shown;
  const options = shown.options ?? DEFAULT_TAB_OPTIONS;
  // The worker is asked from the input event itself, so it computes while the page draws the reader's choice
  // (the filters bar, the tab) rather than after; `useReportFigures` is then given that same answer.
  const showView = useCallback(
    (next: PageView) => {
      reports.askAhead(next.filters, partOfTab(next.tab));
      changeView(next);
    },
    [reports, changeView],
  );
  // The view shown, for the handlers of controls that draw again only when what they show changes (a new
  // handler at each filter change would draw them again).
  const shownNow = useRef(shown);
  useLayoutEffect(() => {
    shownNow.current = shown;
  });
  // A zoom into dates belongs to the period it was made in: another period starts unzoomed.
  const setFilters = useCallback(
    (next: ReportFilters) => {
      const now = shownNow.current;
      const kept = now.options?.zoom && !samePeriod(next, now.filters) ? { ...now.options, zoom: null } : now.options;
      showView({ filters: next, tab: now.tab, options: kept });
    },
    [showView],
  );
  const setStageRange = useCallback(
    (stageRange: StageRange | null) => showView({ ...shownNow.current, filters: { ...shownNow.current.filters, stageRange } }),
    [showView],
  );
  const showTab = useCallback((index: number) => showView({ ...shownNow.current, tab: index }), [showView]);
  // The tabs' labels: one element for every render, which React then does not draw again.
  const tabList = useMemo(
    () => (
      <TabList>
        {TAB_LABELS.map((label) => (
          <Tab key={label}>{label}</Tab>
        ))}
      </TabList>
    ),
    [],
  );
  const { figures: asked } = useReportFigures(reports, filters, partOfTab(tab));
  // Figures computed ahead are shown from the first drawing, rather than after a spinner (or the kept chart) for
  // as long as the runner takes to give them again.
  const result =
    asked ??
    (warmedUp !== null && warmedUp.reports === reports && tab !== 0 && filtersKey(warmedUp.filters) === filtersKey(filters)
      ? warmedUp.figures
      : null);
  const report = useReportOf(result?.ok ? result.measures : null);
  const overview = result?.ok ? result.overview : null;
  // Until the first figures are in, the chart the Overview's figures came with, when it answers what is asked.
  const preview =
    result === null && cycleTimePreview !== null && tab === 1 && filtersKey(filters) === filtersKey(urlContext.defaults)
      ? cycleTimePreview
      : null;
  const cycleTimeShown = report ?? preview;
  // The model computes nothing until asked: here only where the browser gives the forecast no worker.
  const model = useMemo(() => reportModel(history, view.workflow, view.flowConfig, now), [history, view.workflow, view.flowConfig, now]);
  // The Forecast tab's own questions (a date, a number of items), answered for the filters' issue types.
  const runner = useMemo(
    () => forecastRunner(model, { history, workflow: view.workflow, flowConfig: view.flowConfig, now }, startForecastWorker),
    [model, history, view.workflow, view.flowConfig, now],
  );
  useEffect(() => () => runner.stop(), [runner]);
  const agingAsOf = useCallback((asOfDate: string | null) => reports.aging(filters, asOfDate), [reports, filters]);
  // The items the forecast counts change with the item filters only, not with the period.
  const { issueTypes, resolutions, labels, components, parents } = filters;
  const selection = useMemo(
    () => ({ issueTypes, resolutions, labels, components, parents }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the same lists by value keep the same selection
    [JSON.stringify([issueTypes, resolutions, labels, components, parents])],
  );
  const askForecast = useCallback((questions: ForecastQuestions) => runner.ask(selection, questions), [runner, selection]);
  const conventions = useMemo(() => conventionsInUse(config, view.workflow, history.statuses), [config, view.workflow, history.statuses]);
  // What an exported image says of the view: the same object while the window shown and the filters stay.
  const shownFrom = result?.ok ? result.window.from : null;
  const shownTo = result?.ok ? result.window.to : null;
  const exportSubject = useMemo(
    () =>
      shownFrom === null || shownTo === null
        ? null
        : {
            projectKey: view.projectKey,
            window: { from: shownFrom, to: shownTo },
            filters,
            conventions: config.conventions,
            workflow: view.workflow,
            exportedOn: today,
          },
    [shownFrom, shownTo, view.projectKey, filters, config.conventions, view.workflow, today],
  );
  const computing = <LoadingState label="Computing the metrics" />;
  return (
    <Stack space="space.200" testId="flow-report">
      <Inline space="space.200" alignBlock="start" spread="space-between">
        <ReportFiltersBar
          key={showLocation}
          issueTypes={history.issueTypes}
          facets={facetOptions}
          filters={filters}
          onChange={setFilters}
          today={today}
          shownWindow={result?.ok ? result.window : (preview?.generated.window ?? null)}
        />
        <Conventions conventions={conventions} />
      </Inline>
      <StageRangeSelects key={showLocation} workflow={view.workflow} range={filters.stageRange ?? null} onChange={setStageRange} />
      <ExportButtons subject={exportSubject} />
      {ignored.length > 0 && (
        <SectionMessage appearance="warning" title="Part of this link was not used" testId="page-url-notice">
          {ignored.map((sentence) => (
            <Text as="p" key={sentence}>
              {sentence}
            </Text>
          ))}
        </SectionMessage>
      )}
      {result === null && preview === null ? (
        <LoadingState label="Computing the metrics" />
      ) : result !== null && !result.ok ? (
        <SectionMessage appearance="error" title="The metrics could not be computed" testId="report-error">
          <Text as="p">{result.message}</Text>
        </SectionMessage>
      ) : (
        <>
          {result?.clampedFrom != null && <PeriodNote shownFrom={result.window.from} askedFrom={result.clampedFrom} />}
          {result?.configNote != null && (
            <SectionMessage appearance="warning" testId="config-note">
              <Text as="p">{result.configNote}</Text>
            </SectionMessage>
          )}
          <Tabs id="flow-metrics-project-tabs" testId="project-tabs" shouldUnmountTabPanelOnChange selected={tab} onChange={showTab}>
            {tabList}
            <TabPanel>
              <div className="fm-tab-panel">{overview === null ? computing : <Overview figures={overview} />}</div>
            </TabPanel>
            <TabPanel>
              <div className="fm-tab-panel">
                {cycleTimeShown === null ? (
                  computing
                ) : (
                  <CycleTime report={cycleTimeShown} options={options} onOptionsChange={changeOptions} />
                )}
              </div>
            </TabPanel>
            <TabPanel>
              <div className="fm-tab-panel">{report === null ? computing : <Throughput report={report} />}</div>
            </TabPanel>
            <TabPanel>
              <div className="fm-tab-panel">
                {report === null ? computing : <Flow report={report} options={options} onOptionsChange={changeOptions} />}
              </div>
            </TabPanel>
            <TabPanel>
              <div className="fm-tab-panel">
                {report === null ? (
                  computing
                ) : (
                  <Aging
                    key={showLocation}
                    report={report}
                    agingAsOf={agingAsOf}
                    today={today}
                    options={options}
                    onOptionsChange={changeOptions}
                  />
                )}
              </div>
            </TabPanel>
            <TabPanel>
              <div className="fm-tab-panel">
                {report === null ? (
                  computing
                ) : (
                  <Forecast
                    key={showLocation}
                    report={report}
                    ask={askForecast}
                    projectKey={view.projectKey}
                    options={options}
                    onOptionsChange={changeOptions}
                  />
                )}
              </div>
            </TabPanel>
            <TabPanel>
              <div className="fm-tab-panel">
                {report === null ? (
                  computing
                ) : (
                  <Issues report={report} projectKey={view.projectKey} selection={filters} history={history} config={config} now={now} />
                )}
              </div>
            </TabPanel>
            <TabPanel>
              <div className="fm-tab-panel">
                {report === null ? computing : <PullRequests report={report} history={history} config={config} now={now} />}
              </div>
            </TabPanel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}

/**
 * A first open's page before the history is loaded: the same filters and tabs, the Overview drawn from the
 * figures the sync computed for the default filters. Any other tab, or any filter change, asks for the whole
 * history (`onGoFurther`); the tab chosen shows that it is loading, and the page opens there once it is.
 */
function OverviewFirstTabs({
  view,
  overview,
  onGoFurther,
  pageHistory,
  drawsCycleTime,
}: {
  view: ProjectViewData;
  overview: ProjectOverviewPart;
  /**
   * Whether the Cycle time tab draws the chart kept with these figures: not once the report's own figures are
   * computed ahead, which the tab is about to show (drawing both would cost a second drawing for nothing).
   */
  drawsCycleTime: boolean;
  /** Null: open the view the URL names. */
  onGoFurther: (opening: Opening | null) => void;
  pageHistory: PageHistory | null;
}) {
  const { config } = useMemo(() => flowConfigOf(view.flowConfig, view.workflow), [view.flowConfig, view.workflow]);
  const { issueTypes, statuses } = overview.dictionaries;
  const filters = useMemo(() => defaultFilters(issueTypes, config.excludedIssueTypes), [issueTypes, config.excludedIssueTypes]);
  const conventions = useMemo(() => conventionsInUse(config, view.workflow, statuses), [config, view.workflow, statuses]);
  const [selected, setSelected] = useState(0);
  // A filter changed: the figures shown no longer answer it, so the tab waits for the history too.
  const [refiltered, setRefiltered] = useState(false);
  const { figures } = overview;
  // The kept chart is unpacked when its tab is shown, or at the first idle moment after the Overview's numbers
  // are drawn: not before them (unpacking its dots takes tens of milliseconds on a big project).
  const cycleTimePreview = drawsCycleTime && selected === 1 ? cycleTimePreviewOf(overview) : null;
  useEffect(() => (drawsCycleTime ? whenShownAndIdle(() => cycleTimePreviewOf(overview)) : undefined), [drawsCycleTime, overview]);
  // While the Overview is read, the page rehearses blending a chart's dots, so the one the reader opens next is
  // blended by compiled code (see dot-blending-rehearsal.ts).
  useEffect(() => rehearseDotBlending(), []);
  // Options chosen on the kept chart go with the reader to the report's (a log scale stays ticked).
  const [options, setOptions] = useState(DEFAULT_TAB_OPTIONS);
  const changeOptions = useCallback<ChangeTabOptions>(
    (change) => {
      const next = { ...options, ...change };
      setOptions(next);
      onGoFurther({ tab: selected, filters: null, options: next });
    },
    [options, selected, onGoFurther],
  );
  // Moving back or forward in the browser to an address that names a view goes there, with the history.
  useEffect(
    () =>
      pageHistory?.listen((location) => {
        if (namesAView(location.search, TAB_SLUGS)) {
          setRefiltered(true);
          onGoFurther(null);
        }
      }),
    [pageHistory, onGoFurther],
  );
  return (
    <Stack space="space.200" testId="flow-report">
      <Inline space="space.200" alignBlock="start" spread="space-between">
        <ReportFiltersBar
          issueTypes={issueTypes}
          filters={filters}
          onChange={(next) => {
            setRefiltered(true);
            // A zoom into dates belongs to the period it was made in.
            onGoFurther({ tab: selected, filters: next, options: samePeriod(next, filters) ? options : { ...options, zoom: null } });
          }}
          today={todayIn(config.conventions.timeZone, Date.parse(figures.generated.now))}
          shownWindow={figures.generated.window}
        />
        <ConventionsDisclosure conventions={conventions} />
      </Inline>
      {overview.clampedFrom !== null && <PeriodNote shownFrom={figures.generated.window.from} askedFrom={overview.clampedFrom} />}
      <Tabs
        id="flow-metrics-project-tabs"
        testId="project-tabs"
        shouldUnmountTabPanelOnChange
        selected={selected}
        onChange={(tab) => {
          setSelected(tab);
          if (tab !== 0) onGoFurther({ tab, filters: null, options });
        }}
      >
        <TabList>
          {TAB_LABELS.map((label) => (
            <Tab key={label}>{label}</Tab>
          ))}
        </TabList>
        {TAB_LABELS.map((label, tab) => (
          <TabPanel key={label}>
            <div className="fm-tab-panel">
              {tab === 0 && !refiltered ? (
                <OverviewView figures={figures} />
              ) : tab === 1 && !refiltered && cycleTimePreview !== null ? (
                <CycleTimeView report={cycleTimePreview} options={options} onOptionsChange={changeOptions} />
              ) : (
                <LoadingState label="Loading the project's history" />
              )}
            </div>
          </TabPanel>
        ))}
      </Tabs>
    </Stack>
  );
}

/**
 * Loads the project's history and shows its metrics; the sync panel above explains a missing history.
 * `dataVersion` (the last successful sync's time) changing loads the new history in the background.
 * A reader whose browser holds no history may first be sent the Overview's figures alone; the history
 * loads beside them (for a project small enough, see history-prefetch.ts), or
 * when the reader goes to another tab or changes a filter. A link that names a tab or filters (see
 * `namesAView`) opens that view, so it loads the history at once: the figures answer the first tab with the
 * default filters only.
 */
export function ProjectMetrics({ clock = Date.now, dataVersion = null }: { clock?: () => number; dataVersion?: string | null }) {
  const pageHistory = usePageHistory();
  // The chart area outlives every tab and state below, so a tab's charts know their width before they mount.
  return (
    <ChartArea>
      {/* The view is asked for once the page knows its address, which decides whether the figures may come first. */}
      {pageHistory === undefined ? (
        <LoadingState label="Loading the project's history" />
      ) : (
        <ProjectMetricsAt clock={clock} dataVersion={dataVersion} pageHistory={pageHistory} />
      )}
    </ChartArea>
  );
}

function ProjectMetricsAt({
  clock,
  dataVersion,
  pageHistory,
}: {
  clock: () => number;
  dataVersion: string | null;
  pageHistory: PageHistory | null;
}) {
  const [wantsHistory] = useState(() => pageHistory !== null && linkNamesAView(pageHistory.location.search));
  const { state, reload, loadHistory, prefetchHistory, loadedAhead } = useProjectView(dataVersion, wantsHistory);
  // The history of a project small enough loads with the Overview's figures (see use-project-view.ts); a page
  // opened in a background tab loads it once shown and idle instead (see history-prefetch.ts).
  const prefetches = state.status === 'overview' && prefetchesHistoryOf(state.overview.issueCount);
  useEffect(() => (prefetches ? whenShownAndIdle(prefetchHistory) : undefined), [prefetches, prefetchHistory]);
  const [opening, setOpening] = useState<Opening | null>(null);
  const goFurther = useCallback(
    (next: Opening | null) => {
      setOpening(next);
      loadHistory();
    },
    [loadHistory],
  );
  // The Overview's figures the reader went further from: their Cycle time chart stays until the report's is in.
  const overviewShown = useRef<ProjectOverviewPart | null>(null);
  if (state.status === 'overview') overviewShown.current = state.overview;
  // The history shown, or loaded ahead while the Overview's figures are: its report starts in the background.
  const loaded = state.status === 'ready' ? state : loadedAhead;
  const { now, reports, warmedUp } = useReportRunner(loaded, clock, state.status === 'overview');
  if (state.status === 'loading') return <LoadingState label="Loading the project's history" />;
  if (state.status === 'error') {
    return <ResolverErrorMessage error={state.error} onRetry={reload} forbiddenMessage="You don't have access to this project." />;
  }
  if (state.status === 'overview')
    return (
      <OverviewFirstTabs
        view={state.view}
        overview={state.overview}
        onGoFurther={goFurther}
        pageHistory={pageHistory}
        drawsCycleTime={warmedUp === null || warmedUp.reports !== reports}
      />
    );
  if (state.history === null) {
    // Not measured here means an admin turned the project off after the page loaded: no sync will come.
    return (
      <div data-testid="metrics-empty">
        <EmptyState
          header="No flow data yet"
          description={
            state.view.measured
              ? "Charts appear once this project's first sync has finished."
              : `Flow metrics are not collected for this project. ${WHERE_TO_ENABLE}`
          }
        />
      </div>
    );
  }
  // A loaded history always has its runner: this waits for nothing.
  if (reports === null) return <LoadingState label="Loading the project's history" />;
  // Only for the history those figures were computed from.
  const shownBefore = overviewShown.current;
  const cycleTimePreview =
    opening !== null && shownBefore !== null && shownBefore.version === state.view.history?.version
      ? cycleTimePreviewOf(shownBefore)
      : null;
  return (
    <FlowReportTabs
      view={state.view}
      history={state.history}
      now={now}
      reports={reports}
      opening={opening}
      pageHistory={pageHistory}
      cycleTimePreview={cycleTimePreview}
      warmedUp={warmedUp}
    />
  );
}

/** The measures of the default filters a runner computed while the Overview's figures were shown. */
interface WarmedUp {
  reports: ReportRunner;
  filters: ReportFilters;
  figures: ReportFigures;
}

/**
 * The report runner of a loaded history, and the report's "now", fixed when the history arrives so filter
 * changes never move it. The same runner serves the history loaded ahead and, once the reader goes further,
 * the charts: while the Overview's figures are shown (`warmUp`), it computes in the background the measures a
 * chart's tab opens on (the default filters), so the first chart waits for its drawing, not for its figures.
 */
function useReportRunner(
  loaded: LoadedView | null,
  clock: () => number,
  warmUp: boolean,
): { now: number; reports: ReportRunner | null; warmedUp: WarmedUp | null } {
  const history = loaded?.history ?? null;
  const now = useMemo(() => (history === null ? 0 : clock()), [history, clock]);
  const reports = useMemo(
    () =>
      loaded === null || loaded.history === null
        ? null
        : reportRunner(
            { history: loaded.history, workflow: loaded.view.workflow, flowConfig: loaded.view.flowConfig, now },
            startReportWorker,
          ),
    [loaded, now],
  );
  useEffect(() => () => reports?.stop(), [reports]);
  const [warmedUp, setWarmedUp] = useState<WarmedUp | null>(null);
  useEffect(() => {
    if (!warmUp || reports === null || loaded?.history == null) return undefined;
    const { config } = flowConfigOf(loaded.view.flowConfig, loaded.view.workflow);
    const filters = defaultFilters(loaded.history.issueTypes, config.excludedIssueTypes);
    // At once, not at an idle moment: the worker computes beside the page, and a reader who clicks a chart's
    // tab the moment the Overview shows would otherwise wait for that moment too.
    // A failure is the tab's to show, when it asks for these figures itself.
    reports.figures(filters, 'measures').then(
      (figures) => setWarmedUp({ reports, filters, figures }),
      () => undefined,
    );
    return undefined;
  }, [warmUp, reports, loaded]);
  return { now, reports, warmedUp };
}

/** The page's history once the host has answered (null when it has none); undefined until then. */
function usePageHistory(): PageHistory | null | undefined {
  const [pageHistory, setPageHistory] = useState<PageHistory | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void startedPageHistoryOr(openPageHistory).then((opened) => {
      if (current) setPageHistory(opened);
    });
    return () => {
      current = false;
    };
  }, []);
  return pageHistory;
}
