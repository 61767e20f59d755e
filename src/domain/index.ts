/**
 * The flow-metrics engine: pure functions from Jira issue history to every number and chart series the app
 * shows. No I/O, no clock reads, no Node-only APIs: resolvers, the browser and the `flow-metrics` command
 * all run this same code.
 *
 * Code outside src/domain imports the engine through this module (ESLint refuses a deep import), and it
 * re-exports exactly what that code uses: knip reports a re-export nothing imports (`npm run lint`). The
 * engine's own modules and tests import each other directly.
 *
 * Typical use, as the `flow-metrics` command does it:
 *   const config = parseFlowConfig(json);
 *   const builder = new JiraHistoryBuilder({ statuses: config.statuses, flaggedFieldIds: config.flaggedFieldIds });
 *   issues.forEach((issue, position) => builder.addSearchIssue(issue, position));
 *   const report = buildFlowReport({ ...builder.build(), facets }, config, { now, seed: 1 });
 */

// Calendar, time and units
export { dayToIsoDate, isoDateToDay, MS_PER_DAY, MS_PER_HOUR, WEEKDAY_NAMES, type DayNumber, type WeekdayName } from './calendar-day';
export { formatIsoTimestamp, parseIsoTimestamp, parseIsoTimestampBytes } from './iso-timestamp';
export { isValidTimeZone, ZonedDays } from './time-zone';

// Conventions, workflow, configuration
export {
  BACKWARD_MOVE_RULES,
  CONVENTION_CATALOG,
  DEFAULT_CONVENTIONS,
  DURATION_UNITS,
  PERCENTILE_METHODS,
  STAGE_ENTRY_RULES,
  resolveConventions,
  type BackwardMoveRule,
  type DurationUnit,
  type FlowConventions,
  type PercentileMethod,
  type StageEntryRule,
} from './conventions';
export { defaultWorkflow, WorkflowError, type Workflow } from './workflow';
export { DEFAULT_FLOW_CONFIG, FlowConfigError, type FlowConfig } from './flow-config-model';
export { conventionSchemas, parseFlowConfig } from './flow-config';

// Issue history
export {
  checkCompactHistory,
  COMPACT_HISTORY_FORMAT,
  filterCompactHistory,
  issueAt,
  issueCount,
  type CompactHistory,
  type CompactStatus,
  STATUS_CATEGORY_KEYS,
  type StatusCategoryKey,
} from './compact-history';
export { FACET_FIELDS, facetsOfJiraIssue } from './jira-issue-facets';
export { changeKind, historyOrder, PreReadChangelog, READ_AHEAD, type ChangeKind } from './jira-change-list';
export { InstantReadAhead } from './instant-read-ahead';
export { IssueDraft } from './jira-issue-draft';
export { facetValueCounts, facetValuesAt, IssueFacetsBuilder, NO_FACET_VALUE, type IssueFacetValues } from './issue-facets';
export {
  collectBulkChangelogs,
  JiraHistoryBuilder,
  JiraHistoryError,
  type JiraBulkChangelogPage,
  type JiraChangeHistory,
  type JiraIssue,
  type JiraSearchIssue,
  type JiraStatus,
  type StatusLocation,
} from './jira-history';
export { UnmappedStatusError } from './flow-timeline';

// Metrics
export { countedIssueTypes, DEFAULT_EXCLUDED_ISSUE_TYPES } from './counted-issue-types';
export { percentileOfSorted } from './percentiles';
export { serviceLevelBreaches, type ServiceLevelBreach } from './service-level-breaches';
export { AT_RISK_LISTED, overviewFigures, type OverviewFigures } from './overview-figures';
export { periodName, TREND_AVERAGE_PERIODS } from './overview-trends';
export {
  type CycleTimeReport,
  type KeptCycleTimeReport,
  packCycleTimeFigures,
  type PackedCycleTimeFigures,
  unpackCycleTimeFigures,
} from './cycle-time-figures';
export { type CycleTimeDot, type CycleTimeDotColumns } from './cycle-time-dots';
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
export { weekEndOf } from './reporting-period';
export { issuesNameableInChannel, type ChannelHistory } from './issues-nameable-in-channel';
export { rollingPercentile } from './rolling-percentile';
export { isWholeWorkflow, type StageRange } from './stage-range';
export { type StageAgingReport } from './stage-aging-report';
export { AT_RISK_PERCENTILE, type HeadlineName } from './period-comparison';
export { weeklyFlowFigures, type WeeklyFlowFigures } from './weekly-flow-figures';

// Forecasting
export { createSeededRandom } from './seeded-random';
export { type OutcomeBin } from './monte-carlo';
export { checkSamplingWindow, MIN_SAMPLING_DAYS, type SamplingWindowChoice } from './forecast-sampling-window';

// The whole report
export {
  buildFlowMeasures,
  buildFlowReport,
  buildFlowReportWithRows,
  type FlowReport,
  type ForecastQuestions,
  type ForecastSection,
  type ItemFacts,
  type ReportItem,
  type WindowMeasures,
} from './flow-report';
export { itemRowsOf, pickedItemTable, type FromStartColumns, type ItemTable, type ItemTablePick } from './item-table';
export { timeInStatusRowsOf, type TimeInStatusTable } from './time-in-status-table';

// Pull requests (GitHub), joined to Jira items
export { extractJiraKeys, projectOfKey } from './jira-key-extraction';
export {
  GENERATED_PATH_LIMITS,
  GeneratedFiles,
  generatedPathProblem,
  generatedPathsProblem,
  handWrittenSize,
  linguistGeneratedRules,
  LOCKFILE_NAMES,
  type ChangedFile,
} from './generated-files';
export { isAwaitingFirstReview, readyForReviewAt, type PullRequestFacts } from './pull-request';
export { TIME_SPLIT_PARTS, type ItemTimeSplit, type TimeSplitPart } from './item-time-split';
export {
  finishedItems,
  PHASE_PERCENTILES,
  itemTimeSplits,
  phaseTrend,
  pullRequestFigures,
  reportPeriod,
  timeSplitTrend,
  type FinishedItem,
  type PullRequestFigures,
} from './pull-request-figures';
