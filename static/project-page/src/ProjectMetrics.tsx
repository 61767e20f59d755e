import { useCallback, useEffect, useMemo, useState } from 'react';
import EmptyState from '@atlaskit/empty-state';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import type { CompactHistory, ForecastQuestions } from '../../../src/domain';
import { overviewFigures } from '../../../src/domain/overview-figures';
import type { ProjectOverviewPart, ProjectViewData } from '../../../src/shared/resolver-contract';
import { formatDate } from '../../common/format-date-time';
import { LoadingState } from '../../common/LoadingState';
import { ResolverErrorMessage } from '../../common/ResolverErrorMessage';
import { ConventionsDisclosure } from './ConventionsDisclosure';
import { conventionsInUse } from './conventions-summary';
import { todayIn } from './date-range';
import { defaultFilters, flowConfigOf, reportModel, type ReportFilters } from '../../../src/domain/flow-report-model';
import { forecastRunner } from './forecast-runner';
import { startForecastWorker } from './forecast-worker-start';
import { ReportFiltersBar } from './ReportFiltersBar';
import { WHERE_TO_ENABLE } from './ProjectNotMeasured';
import { useProjectView } from './use-project-view';
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

export const TAB_LABELS = ['Overview', 'Cycle time', 'Throughput', 'Flow', 'Aging', 'Forecast', 'Issues', 'Pull requests'] as const;

/** Where a reader was when the page went from the Overview's figures to the whole history: the tab and filters. */
interface Opening {
  tab: number;
  filters: ReportFilters | null;
}

const PeriodNote = ({ shownFrom, askedFrom }: { shownFrom: string; askedFrom: string }) => (
  <SectionMessage appearance="information" testId="period-note">
    <Text as="p">{`The history starts on ${formatDate(shownFrom)}, so the period starts there rather than on ${formatDate(askedFrom)}.`}</Text>
  </SectionMessage>
);

/**
 * The charts for a loaded history: filters, then one tab per view, all from one report computed here. Only
 * the tab shown is rendered, so a filter change redraws one view, not every view visited before.
 */
function FlowReportTabs({
  view,
  history,
  now,
  opening = { tab: 0, filters: null },
}: {
  view: ProjectViewData;
  history: CompactHistory;
  now: number;
  opening?: Opening;
}) {
  const { config } = useMemo(() => flowConfigOf(view.flowConfig, view.workflow), [view.flowConfig, view.workflow]);
  const [filters, setFilters] = useState<ReportFilters>(
    () => opening.filters ?? defaultFilters(history.issueTypes, config.excludedIssueTypes),
  );
  const model = useMemo(() => reportModel(history, view.workflow, view.flowConfig, now), [history, view.workflow, view.flowConfig, now]);
  const result = useMemo(() => model.reportFor(filters), [model, filters]);
  const overview = useMemo(() => (result.ok ? overviewFigures(result.report) : null), [result]);
  // The Forecast tab's own questions (a date, a number of items), answered for the filters' issue types.
  const runner = useMemo(
    () => forecastRunner(model, { history, workflow: view.workflow, flowConfig: view.flowConfig, now }, startForecastWorker),
    [model, history, view.workflow, view.flowConfig, now],
  );
  useEffect(() => () => runner.stop(), [runner]);
  const agingAsOf = useCallback((asOfDate: string | null) => model.stageAgingFor(filters, asOfDate), [model, filters]);
  const askForecast = useCallback(
    (questions: ForecastQuestions) => runner.ask(filters.issueTypes, questions),
    [runner, filters.issueTypes],
  );
  const conventions = useMemo(() => conventionsInUse(config, view.workflow, history.statuses), [config, view.workflow, history.statuses]);
  return (
    <Stack space="space.200" testId="flow-report">
      <Inline space="space.200" alignBlock="start" spread="space-between">
        <ReportFiltersBar
          issueTypes={history.issueTypes}
          filters={filters}
          onChange={setFilters}
          today={todayIn(config.conventions.timeZone, now)}
          shownWindow={result.ok ? result.report.generated.window : null}
        />
        <ConventionsDisclosure conventions={conventions} />
      </Inline>
      <StageRangeFilter
        workflow={view.workflow}
        range={filters.stageRange ?? null}
        onChange={(stageRange) => setFilters((current) => ({ ...current, stageRange }))}
      />
      {!result.ok ? (
        <SectionMessage appearance="error" title="The metrics could not be computed" testId="report-error">
          <Text as="p">{result.message}</Text>
        </SectionMessage>
      ) : (
        <>
          {result.clampedFrom !== null && <PeriodNote shownFrom={result.report.generated.window.from} askedFrom={result.clampedFrom} />}
          {result.configNote !== null && (
            <SectionMessage appearance="warning" testId="config-note">
              <Text as="p">{result.configNote}</Text>
            </SectionMessage>
          )}
          <Tabs id="flow-metrics-project-tabs" testId="project-tabs" shouldUnmountTabPanelOnChange defaultSelected={opening.tab}>
            <TabList>
              {TAB_LABELS.map((label) => (
                <Tab key={label}>{label}</Tab>
              ))}
            </TabList>
            <TabPanel>
              <div className="fm-tab-panel">
                <OverviewView figures={overview!} />
              </div>
            </TabPanel>
            <TabPanel>
              <div className="fm-tab-panel">
                <CycleTimeView report={result.report} />
              </div>
            </TabPanel>
            <TabPanel>
              <div className="fm-tab-panel">
                <ThroughputView report={result.report} />
              </div>
            </TabPanel>
            <TabPanel>
              <div className="fm-tab-panel">
                <FlowView report={result.report} />
              </div>
            </TabPanel>
            <TabPanel>
              <div className="fm-tab-panel">
                <AgingView report={result.report} agingAsOf={agingAsOf} today={todayIn(config.conventions.timeZone, now)} />
              </div>
            </TabPanel>
            <TabPanel>
              <div className="fm-tab-panel">
                <ForecastView report={result.report} ask={askForecast} />
              </div>
            </TabPanel>
            <TabPanel>
              <div className="fm-tab-panel">
                <IssuesWithTimeSplit
                  report={result.report}
                  projectKey={view.projectKey}
                  issueTypes={filters.issueTypes}
                  history={history}
                  config={config}
                  now={now}
                />
              </div>
            </TabPanel>
            <TabPanel>
              <div className="fm-tab-panel">
                <PullRequestsView report={result.report} history={history} config={config} now={now} />
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
}: {
  view: ProjectViewData;
  overview: ProjectOverviewPart;
  onGoFurther: (opening: Opening) => void;
}) {
  const { config } = useMemo(() => flowConfigOf(view.flowConfig, view.workflow), [view.flowConfig, view.workflow]);
  const { issueTypes, statuses } = overview.dictionaries;
  const filters = useMemo(() => defaultFilters(issueTypes, config.excludedIssueTypes), [issueTypes, config.excludedIssueTypes]);
  const conventions = useMemo(() => conventionsInUse(config, view.workflow, statuses), [config, view.workflow, statuses]);
  const [selected, setSelected] = useState(0);
  // A filter changed: the figures shown no longer answer it, so the tab waits for the history too.
  const [refiltered, setRefiltered] = useState(false);
  const { figures } = overview;
  return (
    <Stack space="space.200" testId="flow-report">
      <Inline space="space.200" alignBlock="start" spread="space-between">
        <ReportFiltersBar
          issueTypes={issueTypes}
          filters={filters}
          onChange={(next) => {
            setRefiltered(true);
            onGoFurther({ tab: selected, filters: next });
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
          if (tab !== 0) onGoFurther({ tab, filters: null });
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
              {tab === 0 && !refiltered ? <OverviewView figures={figures} /> : <LoadingState label="Loading the project's history" />}
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
 * follows when they go to another tab or change a filter.
 */
export function ProjectMetrics({ clock = Date.now, dataVersion = null }: { clock?: () => number; dataVersion?: string | null }) {
  const { state, reload, loadHistory } = useProjectView(dataVersion);
  const [opening, setOpening] = useState<Opening>({ tab: 0, filters: null });
  const goFurther = useCallback(
    (next: Opening) => {
      setOpening(next);
      loadHistory();
    },
    [loadHistory],
  );
  // The report's "now" is fixed when the data arrives, so filter changes never move it.
  const now = useMemo(() => (state.status === 'ready' ? clock() : 0), [state, clock]);
  if (state.status === 'loading') return <LoadingState label="Loading the project's history" />;
  if (state.status === 'error') {
    return <ResolverErrorMessage error={state.error} onRetry={reload} forbiddenMessage="You don't have access to this project." />;
  }
  if (state.status === 'overview') return <OverviewFirstTabs view={state.view} overview={state.overview} onGoFurther={goFurther} />;
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
  return <FlowReportTabs view={state.view} history={state.history} now={now} opening={opening} />;
}
