/**
 * The flow configuration: workflow, conventions and report settings, as one JSON document.
 *
 * The same document is the `--config` file of the `flow-metrics` command and what the settings page stores,
 * so it is validated here, field by field, with errors that name the field (`conventions.unit: expected one
 * of ...`). Every field is optional; unknown fields are errors, because a misspelt setting silently ignored
 * would silently change a team's numbers. See docs/flow-metrics-cli.md for the format with an example.
 */
import type { BusinessCalendar } from './business-calendar';
import { DEFAULT_EXCLUDED_ISSUE_TYPES } from './counted-issue-types';
import { isoDateToDay, WEEKDAY_NAMES, type WeekdayName } from './calendar-day';
import {
  DEFAULT_CONVENTIONS,
  type BackwardMoveRule,
  type DurationUnit,
  type FlowConventions,
  type PercentileMethod,
  type StageEntryRule,
} from './conventions';
import type { JiraStatus } from './jira-history';
import { DEFAULT_FLAGGED_FIELD_IDS } from './jira-history';
import { DEFAULT_CONFIDENCES, DEFAULT_TRIALS } from './monte-carlo';
import type { WindowSettings } from './report-window';
import type { PeriodKind } from './reporting-period';
import { isValidTimeZone } from './time-zone';
import { workflowProblems, type Workflow, type WorkflowStage } from './workflow';

export interface ForecastSettings {
  /** Days of throughput history the simulations sample, ending the day before `now`. */
  samplingDays: number;
  trials: number;
  /** "How many by date": the date, or null to use `horizonDays` after `now`. */
  targetDate: string | null;
  horizonDays: number;
  /** "When will N be done": N, or null for the number of items in progress at `now`. */
  items: number | null;
  backtestWeeks: number;
  confidences: readonly number[];
}

export interface FlowConfig {
  /** Null: the default workflow from Jira's status categories. */
  workflow: Workflow | null;
  /** Status catalogue (`GET /rest/api/3/status` shape) giving categories for statuses. */
  statuses: readonly JiraStatus[];
  conventions: FlowConventions;
  window: WindowSettings;
  throughputPeriod: PeriodKind;
  /** Null: 1 for day units, 24 for hours. */
  histogramBinWidth: number | null;
  blockedCountsAsWaiting: boolean;
  flaggedFieldIds: readonly string[];
  forecast: ForecastSettings;
  /** Issue types the project page leaves out until a reader ticks them (see `counted-issue-types.ts`). */
  excludedIssueTypes: readonly string[];
}

/** Reports never simulate fewer futures than this: fewer makes the 95% row visibly noisy. */
export const MINIMUM_TRIALS = 10_000;

export const DEFAULT_FORECAST_SETTINGS: ForecastSettings = Object.freeze({
  samplingDays: 90,
  trials: DEFAULT_TRIALS,
  targetDate: null,
  horizonDays: 14,
  items: null,
  backtestWeeks: 12,
  confidences: DEFAULT_CONFIDENCES,
});

export const DEFAULT_FLOW_CONFIG: FlowConfig = Object.freeze({
  workflow: null,
  statuses: [],
  conventions: DEFAULT_CONVENTIONS,
  window: { from: null, to: null, days: null },
  throughputPeriod: 'week',
  histogramBinWidth: null,
  blockedCountsAsWaiting: true,
  flaggedFieldIds: DEFAULT_FLAGGED_FIELD_IDS,
  forecast: DEFAULT_FORECAST_SETTINGS,
  excludedIssueTypes: DEFAULT_EXCLUDED_ISSUE_TYPES,
});

export class FlowConfigError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'FlowConfigError';
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const show = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

function objectAt(value: unknown, field: string, allowed: readonly string[]): Json {
  if (!isObject(value)) throw new FlowConfigError(field || '(config)', `expected an object, got ${show(value)}`);
  for (const name of Object.keys(value)) {
    if (!allowed.includes(name)) {
      throw new FlowConfigError(field ? `${field}.${name}` : name, `unknown setting; expected one of ${allowed.join(', ')}`);
    }
  }
  return value;
}

function oneOf<T extends string>(value: unknown, field: string, choices: readonly T[]): T {
  if (typeof value !== 'string' || !choices.includes(value as T)) {
    throw new FlowConfigError(field, `expected one of ${choices.map((c) => `"${c}"`).join(', ')}, got ${show(value)}`);
  }
  return value as T;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new FlowConfigError(field, `expected a non-empty string, got ${show(value)}`);
  return value;
}

function integer(value: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new FlowConfigError(
      field,
      `expected a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}, got ${show(value)}`,
    );
  }
  return value;
}

function isoDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || isoDateToDay(value) === null) {
    throw new FlowConfigError(field, `expected a date as YYYY-MM-DD, got ${show(value)}`);
  }
  return value;
}

function list<T>(value: unknown, field: string, item: (entry: unknown, field: string) => T): T[] {
  if (!Array.isArray(value)) throw new FlowConfigError(field, `expected an array, got ${show(value)}`);
  return value.map((entry, index) => item(entry, `${field}[${index}]`));
}

function percentileList(value: unknown, field: string): number[] {
  const values = list(value, field, (entry, at) => {
    if (typeof entry !== 'number' || !(entry > 0 && entry < 100))
      throw new FlowConfigError(at, `expected a number between 0 and 100, got ${show(entry)}`);
    return entry;
  });
  if (values.length === 0) throw new FlowConfigError(field, 'expected at least one percentile');
  for (let k = 1; k < values.length; k++) {
    if (!(values[k]! > values[k - 1]!)) throw new FlowConfigError(field, 'percentiles must be in ascending order, without repeats');
  }
  return values;
}

function parseStage(value: unknown, field: string): WorkflowStage {
  const stage = objectAt(value, field, ['name', 'statuses', 'active']);
  const parsed: WorkflowStage = {
    name: text(stage['name'], `${field}.name`),
    statuses: list(stage['statuses'] ?? [], `${field}.statuses`, text),
  };
  if (stage['active'] !== undefined) {
    if (typeof stage['active'] !== 'boolean')
      throw new FlowConfigError(`${field}.active`, `expected true or false, got ${show(stage['active'])}`);
    parsed.active = stage['active'];
  }
  return parsed;
}

function parseCalendar(value: unknown, field: string): BusinessCalendar {
  const calendar = objectAt(value, field, ['workingDays', 'holidays']);
  const workingDays = list(calendar['workingDays'] ?? WEEKDAY_NAMES, `${field}.workingDays`, (entry, at) =>
    oneOf<WeekdayName>(entry, at, WEEKDAY_NAMES),
  );
  if (workingDays.length === 0) throw new FlowConfigError(`${field}.workingDays`, 'expected at least one working day');
  return { workingDays, holidays: list(calendar['holidays'] ?? [], `${field}.holidays`, isoDate) };
}

const CONVENTION_FIELDS = [
  'stageEntry',
  'backwardMoves',
  'skippedStart',
  'reopened',
  'unit',
  'businessCalendar',
  'timeZone',
  'percentileMethod',
  'percentiles',
  'serviceLevelPercentile',
  'weekEndsOn',
] as const satisfies readonly (keyof FlowConventions)[];

function parseConventions(value: unknown): FlowConventions {
  const given = objectAt(value, 'conventions', CONVENTION_FIELDS);
  const conventions: FlowConventions = { ...DEFAULT_CONVENTIONS };
  const at = (name: string) => `conventions.${name}`;
  if (given['stageEntry'] !== undefined)
    conventions.stageEntry = oneOf<StageEntryRule>(given['stageEntry'], at('stageEntry'), ['first', 'last']);
  if (given['backwardMoves'] !== undefined)
    conventions.backwardMoves = oneOf<BackwardMoveRule>(given['backwardMoves'], at('backwardMoves'), ['keep', 'reset']);
  if (given['skippedStart'] !== undefined)
    conventions.skippedStart = oneOf(given['skippedStart'], at('skippedStart'), ['first-later-stage']);
  if (given['reopened'] !== undefined) conventions.reopened = oneOf(given['reopened'], at('reopened'), ['final-entry']);
  if (given['unit'] !== undefined)
    conventions.unit = oneOf<DurationUnit>(given['unit'], at('unit'), ['days-inclusive', 'days-exclusive', 'hours']);
  if (given['businessCalendar'] !== undefined) {
    conventions.businessCalendar =
      given['businessCalendar'] === null
        ? DEFAULT_CONVENTIONS.businessCalendar
        : parseCalendar(given['businessCalendar'], at('businessCalendar'));
  }
  if (given['timeZone'] !== undefined) {
    const timeZone = text(given['timeZone'], at('timeZone'));
    if (!isValidTimeZone(timeZone))
      throw new FlowConfigError(at('timeZone'), `"${timeZone}" is not an IANA time zone name (e.g. "Europe/Berlin")`);
    conventions.timeZone = timeZone;
  }
  if (given['percentileMethod'] !== undefined) {
    conventions.percentileMethod = oneOf<PercentileMethod>(given['percentileMethod'], at('percentileMethod'), ['nearest-rank', 'linear']);
  }
  if (given['percentiles'] !== undefined) conventions.percentiles = percentileList(given['percentiles'], at('percentiles'));
  if (given['serviceLevelPercentile'] !== undefined) {
    const value = given['serviceLevelPercentile'];
    if (typeof value !== 'number' || !(value > 0 && value < 100)) {
      throw new FlowConfigError(at('serviceLevelPercentile'), `expected a number between 0 and 100, got ${show(value)}`);
    }
    conventions.serviceLevelPercentile = value;
  }
  if (given['weekEndsOn'] !== undefined) conventions.weekEndsOn = oneOf<WeekdayName>(given['weekEndsOn'], at('weekEndsOn'), WEEKDAY_NAMES);
  return conventions;
}

function parseForecast(value: unknown): ForecastSettings {
  const given = objectAt(value, 'forecast', [
    'samplingDays',
    'trials',
    'targetDate',
    'horizonDays',
    'items',
    'backtestWeeks',
    'confidences',
  ]);
  const settings: ForecastSettings = { ...DEFAULT_FORECAST_SETTINGS };
  if (given['samplingDays'] !== undefined) settings.samplingDays = integer(given['samplingDays'], 'forecast.samplingDays', 1, 3650);
  if (given['trials'] !== undefined) settings.trials = integer(given['trials'], 'forecast.trials', MINIMUM_TRIALS, 1_000_000);
  if (given['targetDate'] !== undefined && given['targetDate'] !== null)
    settings.targetDate = isoDate(given['targetDate'], 'forecast.targetDate');
  if (given['horizonDays'] !== undefined) settings.horizonDays = integer(given['horizonDays'], 'forecast.horizonDays', 1, 3650);
  if (given['items'] !== undefined && given['items'] !== null) settings.items = integer(given['items'], 'forecast.items', 1, 10_000_000);
  if (given['backtestWeeks'] !== undefined) settings.backtestWeeks = integer(given['backtestWeeks'], 'forecast.backtestWeeks', 0, 520);
  if (given['confidences'] !== undefined) settings.confidences = percentileList(given['confidences'], 'forecast.confidences');
  return settings;
}

function parseWindow(value: unknown): WindowSettings {
  const given = objectAt(value, 'window', ['from', 'to', 'days']);
  const window: WindowSettings = {
    from: given['from'] === undefined || given['from'] === null ? null : isoDate(given['from'], 'window.from'),
    to: given['to'] === undefined || given['to'] === null ? null : isoDate(given['to'], 'window.to'),
    days: given['days'] === undefined || given['days'] === null ? null : integer(given['days'], 'window.days', 1),
  };
  if (window.from !== null && window.days !== null) throw new FlowConfigError('window', 'give "from" or "days", not both');
  if (window.from !== null && window.to !== null && window.from > window.to) throw new FlowConfigError('window', '"from" is after "to"');
  return window;
}

function parseStatus(value: unknown, field: string): JiraStatus {
  if (!isObject(value)) throw new FlowConfigError(field, `expected a status object, got ${show(value)}`);
  const id = value['id'];
  const name = value['name'];
  if (typeof id !== 'string' && typeof name !== 'string') throw new FlowConfigError(field, 'a status needs an "id" or a "name"');
  const category = isObject(value['statusCategory']) ? value['statusCategory']['key'] : undefined;
  if (category !== undefined) oneOf(category, `${field}.statusCategory.key`, ['new', 'indeterminate', 'done']);
  return {
    ...(typeof id === 'string' ? { id } : {}),
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof category === 'string' ? { statusCategory: { key: category } } : {}),
  };
}

const TOP_LEVEL = [
  'stages',
  'startStage',
  'doneStage',
  'statuses',
  'conventions',
  'window',
  'throughputPeriod',
  'histogramBinWidth',
  'flowEfficiency',
  'flaggedFieldIds',
  'forecast',
  'discardedStatuses',
  'discardedResolutions',
  'excludedIssueTypes',
] as const;

/** Reads a configuration document. @throws FlowConfigError naming the first bad field. */
export function parseFlowConfig(value: unknown): FlowConfig {
  const given = objectAt(value, '', TOP_LEVEL);
  const config: FlowConfig = { ...DEFAULT_FLOW_CONFIG };
  if (given['stages'] !== undefined || given['startStage'] !== undefined || given['doneStage'] !== undefined) {
    const workflow: Workflow = {
      stages: list(given['stages'], 'stages', parseStage),
      startStage: text(given['startStage'], 'startStage'),
      doneStage: text(given['doneStage'], 'doneStage'),
    };
    if (given['discardedStatuses'] !== undefined) workflow.discardedStatuses = list(given['discardedStatuses'], 'discardedStatuses', text);
    if (given['discardedResolutions'] !== undefined)
      workflow.discardedResolutions = list(given['discardedResolutions'], 'discardedResolutions', text);
    const problems = workflowProblems(workflow);
    if (problems.length > 0) throw new FlowConfigError('stages', problems.join('; '));
    config.workflow = workflow;
  } else if (given['discardedStatuses'] !== undefined) {
    throw new FlowConfigError('discardedStatuses', 'name the stages too: a discarded status must be in the done stage or after it');
  } else if (given['discardedResolutions'] !== undefined) {
    throw new FlowConfigError('discardedResolutions', 'name the stages too: an item is discarded by its resolution only once it is done');
  }
  if (given['statuses'] !== undefined) config.statuses = list(given['statuses'], 'statuses', parseStatus);
  if (given['conventions'] !== undefined) config.conventions = parseConventions(given['conventions']);
  if (given['window'] !== undefined) config.window = parseWindow(given['window']);
  if (given['throughputPeriod'] !== undefined)
    config.throughputPeriod = oneOf<PeriodKind>(given['throughputPeriod'], 'throughputPeriod', ['day', 'week', 'month']);
  if (given['histogramBinWidth'] !== undefined && given['histogramBinWidth'] !== null) {
    const width = given['histogramBinWidth'];
    if (typeof width !== 'number' || !(width > 0))
      throw new FlowConfigError('histogramBinWidth', `expected a positive number, got ${show(width)}`);
    config.histogramBinWidth = width;
  }
  if (given['flowEfficiency'] !== undefined) {
    const efficiency = objectAt(given['flowEfficiency'], 'flowEfficiency', ['blockedCountsAsWaiting']);
    const value = efficiency['blockedCountsAsWaiting'];
    if (value !== undefined) {
      if (typeof value !== 'boolean')
        throw new FlowConfigError('flowEfficiency.blockedCountsAsWaiting', `expected true or false, got ${show(value)}`);
      config.blockedCountsAsWaiting = value;
    }
  }
  if (given['flaggedFieldIds'] !== undefined) config.flaggedFieldIds = list(given['flaggedFieldIds'], 'flaggedFieldIds', text);
  if (given['forecast'] !== undefined) config.forecast = parseForecast(given['forecast']);
  if (given['excludedIssueTypes'] !== undefined) config.excludedIssueTypes = list(given['excludedIssueTypes'], 'excludedIssueTypes', text);
  return config;
}
