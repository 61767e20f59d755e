/**
 * The flow configuration as the engine takes it: workflow, conventions and report settings, and the defaults
 * of each. Reading one from its JSON document, with the schema that checks it, is `flow-config.ts`; this file
 * needs no schema library, so code that only uses the defaults (the `flow-metrics` command without
 * `--config`) does not load one.
 */
import { DEFAULT_CONVENTIONS, type FlowConventions } from './conventions';
import { DEFAULT_EXCLUDED_ISSUE_TYPES } from './counted-issue-types';
import { DEFAULT_FLAGGED_FIELD_IDS, type JiraStatus } from './jira-history';
import { DEFAULT_CONFIDENCES, DEFAULT_TRIALS } from './monte-carlo';
import type { WindowSettings } from './report-window';
import type { PeriodKind } from './reporting-period';
import type { Workflow } from './workflow';

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
