/**
 * The flow-metrics engine: pure functions from Jira issue history to every number and chart series the app
 * shows. No I/O, no clock reads, no Node-only APIs: resolvers, the browser and the `flow-metrics` command
 * all run this same code.
 *
 * Typical use:
 *   const history = compactHistoryFromSearch(issues);                 // or JiraHistoryBuilder for bulk changelogs
 *   const report = buildFlowReport(history, parseFlowConfig(json), { now, seed: 1 });
 * or, metric by metric:
 *   const workflow = resolveWorkflow(defaultWorkflow(history.statuses), history.statuses);
 *   const timeline = buildFlowTimeline(history, workflow, resolveConventions({ timeZone }), now);
 *   const cycle = cycleTimes(timeline, new DurationMeasure('days-inclusive'));
 */

// Calendar, time and units
export {
  civilFromDay,
  dayFromCivil,
  dayToIsoDate,
  isoDateToDay,
  IsoDateLabels,
  MS_PER_DAY,
  MS_PER_HOUR,
  NO_DAY,
  WEEKDAY_NAMES,
  weekdayOf,
  type DayNumber,
  type Weekday,
  type WeekdayName,
} from './calendar-day';
export { formatIsoTimestamp, parseIsoTimestamp } from './iso-timestamp';
export { DEFAULT_TIME_ZONE, isValidTimeZone, ZonedDays } from './time-zone';
export { EVERY_DAY_CALENDAR, WorkingDays, type BusinessCalendar } from './business-calendar';
export { DurationMeasure } from './duration-unit';

// Conventions, workflow, configuration
export {
  BACKWARD_MOVE_RULES,
  CONVENTION_CATALOG,
  DEFAULT_CONVENTIONS,
  DURATION_UNITS,
  PERCENTILE_METHODS,
  STAGE_ENTRY_RULES,
  DEFAULT_PERCENTILES,
  resolveConventions,
  type BackwardMoveRule,
  type ConventionDescription,
  type DurationUnit,
  type FlowConventions,
  type PercentileMethod,
  type ReopenedRule,
  type SkippedStartRule,
  type StageEntryRule,
} from './conventions';
export {
  DEFAULT_STAGE_NAMES,
  defaultWorkflow,
  resolveWorkflow,
  unmappedStatuses,
  workflowProblems,
  WorkflowError,
  type ResolvedWorkflow,
  type Workflow,
  type WorkflowStage,
} from './workflow';
export {
  CONVENTION_SCHEMAS,
  DEFAULT_FLOW_CONFIG,
  DEFAULT_FORECAST_SETTINGS,
  FlowConfigError,
  MINIMUM_TRIALS,
  parseFlowConfig,
  type FlowConfig,
  type ForecastSettings,
} from './flow-config';

// Issue history
export {
  checkCompactHistory,
  COMPACT_HISTORY_FORMAT,
  CompactHistoryBuilder,
  currentStatusOf,
  filterCompactHistory,
  issueAt,
  issueCount,
  mergeCompactHistories,
  type CompactHistory,
  type CompactIssueInput,
  type CompactIssueView,
  type CompactStatus,
  STATUS_CATEGORY_KEYS,
  type StatusCategoryKey,
  type StatusRef,
} from './compact-history';
export { FACET_FIELDS, facetsOfJiraIssue } from './jira-issue-facets';
export {
  choosesAll,
  facetMatcher,
  facetValueCounts,
  facetValuesAt,
  IssueFacetsBuilder,
  NO_FACET_VALUE,
  UNRESOLVED,
  type FacetChoice,
  type IssueFacets,
  type IssueFacetValues,
} from './issue-facets';
export {
  collectBulkChangelogs,
  compactHistoryFromSearch,
  DEFAULT_FLAGGED_FIELD_IDS,
  JiraHistoryBuilder,
  JiraHistoryError,
  type JiraBulkChangelogPage,
  type JiraChangeHistory,
  type JiraChangeItem,
  type JiraHistoryOptions,
  type JiraIssue,
  type JiraIssueFields,
  type JiraSearchIssue,
  type JiraStatus,
  type StatusLocation,
} from './jira-history';
export { buildFlowTimeline, isInProgress, UnmappedStatusError, type FlowTimeline } from './flow-timeline';

// Metrics
export {
  defaultWindow,
  firstCreatedDay,
  itemsDoneIn,
  resolveWindow,
  windowLength,
  type ReportWindow,
  type WindowSettings,
} from './report-window';
export { cycleTimes } from './cycle-time';
export { countedIssueTypes, DEFAULT_EXCLUDED_ISSUE_TYPES } from './counted-issue-types';
export { discardedWork, type DiscardedWork } from './discarded-work';
export { leadTimes } from './lead-time';
export { percentileOfSorted, percentilesOfSorted, sortedSample, type PercentileValue } from './percentiles';
export { serviceLevelExpectation, type ServiceLevelExpectation } from './service-level-expectation';
export { serviceLevelBreaches, type ServiceLevelBreach } from './service-level-breaches';
export { AT_RISK_LISTED, overviewFigures, type OverviewFigures } from './overview-figures';
export { periodName, TREND_AVERAGE_PERIODS } from './overview-trends';
export {
  computeReport,
  defaultFilters,
  filtersKey,
  flowConfigOf,
  NO_FILTERS,
  reportModel,
  type ItemSelection,
  type ReportFilters,
  type ReportModel,
  type StageAgingResult,
} from './flow-report-model';
export { cycleTimeByMonth } from './cycle-time-by-month';
export { partialNote, throughputPeriods, wholePeriodMovingAverage } from './throughput-periods';
export { issuesNameableInChannel, type ChannelHistory } from './issues-nameable-in-channel';
export { histogram, type HistogramBin } from './histogram';
export { cycleTimeScatter, type ScatterPoint } from './scatter';
export { periodOfDay, periodStartOf, reportingPeriods, weekEndOf, type PeriodKind, type ReportingPeriods } from './reporting-period';
export { dailyThroughput, throughputPerPeriod } from './throughput';
export { netFlow, type NetFlow } from './net-flow';
export { wipPerDay } from './work-in-progress';
export { cumulativeFlow, type CumulativeFlow } from './cumulative-flow';
export { percentileBand, workItemAges, type WorkItemAges } from './work-item-age';
export { timeInStatus, type TimeInStatus } from './time-in-status';
export { timeInStage } from './time-in-stage';
export { rollingPercentile } from './rolling-percentile';
export { isWholeWorkflow, withStageRange, type StageRange } from './stage-range';
export {
  agingStages,
  MIN_STAGE_EXITS,
  paceOf,
  stageAging,
  stageExitAges,
  type StageAgingBasis,
  type StageAgingColumn,
} from './stage-aging';
export { buildStageAging, endOfDayAsOf, type StageAgingReport } from './stage-aging-report';
export {
  AT_RISK_PERCENTILE,
  BETTER_WHEN,
  comparableWindowBefore,
  compareHeadlines,
  flowHeadlines,
  HEADLINE_NAMES,
  previousWindow,
  RECENT_PERIOD_DAYS,
  recentWindowToCompare,
  type ChangeVerdict,
  type FlowHeadlines,
  type HeadlineChange,
  type HeadlineName,
} from './period-comparison';
export { DIGEST_CYCLE_TIME_DAYS, DIGEST_WEEK_DAYS, weeklyFlowFigures, type AgedItem, type WeeklyFlowFigures } from './weekly-flow-figures';
export { blockedTime, flaggedIntervals, IntervalBuffer } from './blocked-time';
export { aggregateFlowEfficiency, flowEfficiency, type FlowEfficiency, type FlowEfficiencyOptions } from './flow-efficiency';

// Forecasting
export { createSeededRandom, deriveSeed, SeededRandom } from './seeded-random';
export {
  DEFAULT_CONFIDENCES,
  DEFAULT_MAX_FORECAST_DAYS,
  DEFAULT_TRIALS,
  howManyTable,
  outcomeDistribution,
  simulateHowMany,
  simulateWhen,
  whenTable,
  type HowManyRow,
  type OutcomeBin,
  type SimulationOptions,
  type WhenRow,
} from './monte-carlo';
export { backtestWeeklyForecasts, type BacktestOptions, type BacktestWeek, type ForecastBacktest } from './forecast-backtest';
export { checkSamplingWindow, MIN_SAMPLING_DAYS, type SamplingWindowCheck, type SamplingWindowChoice } from './forecast-sampling-window';

// The whole report
export {
  buildFlowForecast,
  buildFlowMeasures,
  buildForecaster,
  buildFlowReport,
  type FlowMeasures,
  type FlowReport,
  type FlowReportRun,
  type ForecastQuestions,
  type ForecastSection,
  type Forecaster,
  type HowManyForecast,
  type ItemFacts,
  type PeriodComparison,
  type ReportItem,
  type WhenForecast,
  type WindowMeasures,
} from './flow-report';

// Pull requests (GitHub), joined to Jira items
export { extractJiraKeys, KEY_LOOKALIKES, projectOfKey, type KeyExtractionOptions } from './jira-key-extraction';
export {
  GENERATED_PATH_LIMITS,
  GeneratedFiles,
  generatedPathProblem,
  generatedPathsProblem,
  handWrittenSize,
  linguistGeneratedRules,
  type LinguistRule,
  LOCKFILE_NAMES,
  type ChangedFile,
  type ChangeSize,
} from './generated-files';
export { isAwaitingFirstReview, isOpen, readyForReviewAt, type PullRequestFacts } from './pull-request';
export {
  phaseDurations,
  phaseIntervals,
  phasePercentiles,
  PULL_REQUEST_PHASES,
  type PhaseDurations,
  type PhaseInterval,
  type PhasePercentiles,
  type PullRequestPhase,
} from './pull-request-phases';
export { changedLines, SIZE_CLASSES, sizeClassOf, sizeDistribution, type SizeClass, type SizeCount } from './pull-request-size';
export { itemTimeSplit, pullRequestsOf, TIME_SPLIT_PARTS, type ItemTimeSplit, type TimeSplitPart } from './item-time-split';
export {
  finishedItems,
  PHASE_PERCENTILES,
  itemTimeSplits,
  phaseTrend,
  pullRequestFigures,
  reportPeriod,
  timeSplitTrend,
  type FinishedItem,
  type PhaseTrendPeriod,
  type TimeSplitPeriod,
  type PullRequestFigures,
  type WaitingPullRequest,
} from './pull-request-figures';
