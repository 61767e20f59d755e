/**
 * The flow configuration: workflow, conventions and report settings, as one JSON document.
 *
 * The same document is the `--config` file of the `flow-metrics` command and what the settings page stores,
 * so it is validated here, by one schema, with errors that name the field (`conventions.unit: expected one
 * of ...`). Every field is optional; unknown fields are errors, because a misspelt setting silently ignored
 * would silently change a team's numbers. The settings page's payloads reuse the schemas of the conventions
 * (`conventionSchemas`), and every list of choices comes from the domain's constants (conventions.ts,
 * calendar-day.ts, reporting-period.ts, compact-history.ts). See docs/flow-metrics-cli.md for the format.
 */
import { z } from 'zod';
import { isoDateToDay, WEEKDAY_NAMES } from './calendar-day';
import { STATUS_CATEGORY_KEYS } from './compact-history';
import {
  BACKWARD_MOVE_RULES,
  DEFAULT_CONVENTIONS,
  DURATION_UNITS,
  PERCENTILE_METHODS,
  REOPENED_RULES,
  SKIPPED_START_RULES,
  STAGE_ENTRY_RULES,
  type FlowConventions,
} from './conventions';
import {
  DEFAULT_FLOW_CONFIG,
  DEFAULT_FORECAST_SETTINGS,
  FlowConfigError,
  MINIMUM_TRIALS,
  type FlowConfig,
  type ForecastSettings,
} from './flow-config-model';
import type { JiraStatus } from './jira-history';
import type { WindowSettings } from './report-window';
import { PERIOD_KINDS } from './reporting-period';
import { isValidTimeZone } from './time-zone';
import { workflowProblems, type Workflow, type WorkflowStage } from './workflow';

export { DEFAULT_FLOW_CONFIG, FlowConfigError, type FlowConfig } from './flow-config-model';

const show = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

/** An error message that says what was expected and what was given. */
const expected =
  (what: string) =>
  (issue: { input?: unknown }): string =>
    `${what}, got ${show(issue.input)}`;

/** One of a listed set of values. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: expected(`expected one of ${values.map((value) => `"${value}"`).join(', ')}`) });
}

/**
 * An object of settings: every field optional unless its schema says otherwise, and a field not in the shape
 * refused by name (`conventions.unti: unknown setting; expected one of ...`).
 */
function settings<S extends z.ZodRawShape>(shape: S) {
  const names = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `unknown setting; expected one of ${names}` : expected('expected an object')(issue),
  });
}

/**
 * Builds the schemas. Why a function, called once on first use, rather than constants: building zod schemas is
 * work (each schema object is made with its methods), and this module is imported wherever the domain is, the
 * project page's components and its workers included, which mostly never read a configuration document. As
 * constants they were built as the page's script was evaluated, before its first drawing.
 */
function buildSchemas() {
  const text = z
    .string({ error: expected('expected a non-empty string') })
    .refine((value) => value.trim() !== '', { error: expected('expected a non-empty string') });

  const trueOrFalse = z.boolean({ error: expected('expected true or false') });

  function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
    const message = expected(`expected a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`);
    return z.number({ error: message }).refine((value) => Number.isInteger(value) && value >= min && value <= max, { error: message });
  }

  const isoDate = z
    .string({ error: expected('expected a date as YYYY-MM-DD') })
    .refine((value) => isoDateToDay(value) !== null, { error: expected('expected a date as YYYY-MM-DD') });

  const list = <T extends z.ZodType>(item: T) => z.array(item, { error: expected('expected an array') });

  const percentile = z
    .number({ error: expected('expected a number between 0 and 100') })
    .refine((value) => value > 0 && value < 100, { error: expected('expected a number between 0 and 100') });

  const percentileList = list(percentile)
    .refine((values) => values.length > 0, 'expected at least one percentile')
    .refine(
      (values) => values.every((value, k) => k === 0 || value > values[k - 1]!),
      'percentiles must be in ascending order, without repeats',
    );

  const weekday = oneOf(WEEKDAY_NAMES);

  const workingDays = list(weekday).refine((days) => days.length > 0, 'expected at least one working day');

  const timeZone = text.refine(isValidTimeZone, {
    error: (issue) => `${show(issue.input)} is not an IANA time zone name (e.g. "Europe/Berlin")`,
  });

  const conventionSchemas = {
    stageEntry: oneOf(STAGE_ENTRY_RULES),
    backwardMoves: oneOf(BACKWARD_MOVE_RULES),
    skippedStart: oneOf(SKIPPED_START_RULES),
    reopened: oneOf(REOPENED_RULES),
    unit: oneOf(DURATION_UNITS),
    percentileMethod: oneOf(PERCENTILE_METHODS),
    percentiles: percentileList,
    serviceLevelPercentile: percentile,
    weekEndsOn: weekday,
    workingDays,
    timeZone,
  } as const;

  const businessCalendar = settings({ workingDays: workingDays.optional(), holidays: list(isoDate).optional() }).transform((calendar) => ({
    workingDays: calendar.workingDays ?? [...WEEKDAY_NAMES],
    holidays: calendar.holidays ?? [],
  }));

  const conventions = settings({
    stageEntry: conventionSchemas.stageEntry.optional(),
    backwardMoves: conventionSchemas.backwardMoves.optional(),
    skippedStart: conventionSchemas.skippedStart.optional(),
    reopened: conventionSchemas.reopened.optional(),
    unit: conventionSchemas.unit.optional(),
    // Null: every day counts, as by default.
    businessCalendar: businessCalendar.nullable().optional(),
    timeZone: conventionSchemas.timeZone.optional(),
    percentileMethod: conventionSchemas.percentileMethod.optional(),
    percentiles: conventionSchemas.percentiles.optional(),
    serviceLevelPercentile: conventionSchemas.serviceLevelPercentile.optional(),
    weekEndsOn: conventionSchemas.weekEndsOn.optional(),
  } satisfies Record<keyof FlowConventions, z.ZodType>).transform((given): FlowConventions => {
    const chosen = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined && value !== null));
    return { ...DEFAULT_CONVENTIONS, ...chosen };
  });

  const forecast = settings({
    samplingDays: wholeNumber(1, 3650).optional(),
    trials: wholeNumber(MINIMUM_TRIALS, 1_000_000).optional(),
    targetDate: isoDate.nullable().optional(),
    horizonDays: wholeNumber(1, 3650).optional(),
    items: wholeNumber(1, 10_000_000).nullable().optional(),
    backtestWeeks: wholeNumber(0, 520).optional(),
    confidences: percentileList.optional(),
  }).transform((given): ForecastSettings => {
    const chosen = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined && value !== null));
    return { ...DEFAULT_FORECAST_SETTINGS, ...chosen };
  });

  const window = settings({
    from: isoDate.nullable().optional(),
    to: isoDate.nullable().optional(),
    days: wholeNumber(1).nullable().optional(),
  })
    .transform((given): WindowSettings => ({ from: given.from ?? null, to: given.to ?? null, days: given.days ?? null }))
    .superRefine((window, context) => {
      if (window.from !== null && window.days !== null) context.addIssue({ code: 'custom', message: 'give "from" or "days", not both' });
      else if (window.from !== null && window.to !== null && window.from > window.to) {
        context.addIssue({ code: 'custom', message: '"from" is after "to"' });
      }
    });

  const stage = settings({ name: text, statuses: list(text).optional(), active: trueOrFalse.optional() }).transform(
    ({ name, statuses, active }): WorkflowStage => ({ name, statuses: statuses ?? [], ...(active === undefined ? {} : { active }) }),
  );

  /** A status of Jira's status catalogue: other fields are Jira's and are ignored; an id or a name says which status. */
  const status = z
    .looseObject(
      { statusCategory: z.looseObject({ key: oneOf(STATUS_CATEGORY_KEYS).optional() }).optional() },
      { error: expected('expected a status object') },
    )
    .superRefine((value, context) => {
      if (typeof value['id'] !== 'string' && typeof value['name'] !== 'string') {
        context.addIssue({ code: 'custom', message: 'a status needs an "id" or a "name"' });
      }
    })
    .transform((value): JiraStatus => {
      const { id, name } = value;
      const category = value.statusCategory?.key;
      return {
        ...(typeof id === 'string' ? { id } : {}),
        ...(typeof name === 'string' ? { name } : {}),
        ...(category === undefined ? {} : { statusCategory: { key: category } }),
      };
    });

  // The configuration document.
  const flowConfigDocument = settings({
    stages: list(stage).optional(),
    startStage: text.optional(),
    doneStage: text.optional(),
    statuses: list(status).optional(),
    conventions: conventions.optional(),
    window: window.optional(),
    throughputPeriod: oneOf(PERIOD_KINDS).optional(),
    histogramBinWidth: z
      .number({ error: expected('expected a positive number') })
      .refine((width) => width > 0, { error: expected('expected a positive number') })
      .nullable()
      .optional(),
    flowEfficiency: settings({ blockedCountsAsWaiting: trueOrFalse.optional() }).optional(),
    flaggedFieldIds: list(text).optional(),
    forecast: forecast.optional(),
    discardedStatuses: list(text).optional(),
    discardedResolutions: list(text).optional(),
    excludedIssueTypes: list(text).optional(),
  })
    .superRefine((given, context) => {
      const named = given.stages !== undefined || given.startStage !== undefined || given.doneStage !== undefined;
      if (!named) {
        if (given.discardedStatuses !== undefined) {
          context.addIssue({
            code: 'custom',
            path: ['discardedStatuses'],
            message: 'name the stages too: a discarded status must be in the done stage or after it',
          });
        } else if (given.discardedResolutions !== undefined) {
          context.addIssue({
            code: 'custom',
            path: ['discardedResolutions'],
            message: 'name the stages too: an item is discarded by its resolution only once it is done',
          });
        }
        return;
      }
      // A workflow is all three or none: the first one missing is named, as its own schema would name it.
      for (const field of ['stages', 'startStage', 'doneStage'] as const) {
        if (given[field] === undefined) {
          const what = field === 'stages' ? 'expected an array' : 'expected a non-empty string';
          context.addIssue({ code: 'custom', path: [field], message: `${what}, got nothing` });
          return;
        }
      }
      const problems = workflowProblems(workflowOf(given)!);
      if (problems.length > 0) context.addIssue({ code: 'custom', path: ['stages'], message: problems.join('; ') });
    })
    .transform((given): FlowConfig => ({
      ...DEFAULT_FLOW_CONFIG,
      workflow: workflowOf(given),
      ...(given.statuses === undefined ? {} : { statuses: given.statuses }),
      ...(given.conventions === undefined ? {} : { conventions: given.conventions }),
      ...(given.window === undefined ? {} : { window: given.window }),
      ...(given.throughputPeriod === undefined ? {} : { throughputPeriod: given.throughputPeriod }),
      ...(given.histogramBinWidth === undefined || given.histogramBinWidth === null ? {} : { histogramBinWidth: given.histogramBinWidth }),
      ...(given.flowEfficiency?.blockedCountsAsWaiting === undefined
        ? {}
        : { blockedCountsAsWaiting: given.flowEfficiency.blockedCountsAsWaiting }),
      ...(given.flaggedFieldIds === undefined ? {} : { flaggedFieldIds: given.flaggedFieldIds }),
      ...(given.forecast === undefined ? {} : { forecast: given.forecast }),
      ...(given.excludedIssueTypes === undefined ? {} : { excludedIssueTypes: given.excludedIssueTypes }),
    }));

  return { conventionSchemas, flowConfigDocument };
}

let built: ReturnType<typeof buildSchemas> | undefined;
const schemas = () => (built ??= buildSchemas());

/**
 * The schema of each convention's value, for the configuration document and for the settings page's payloads
 * (src/handlers/settings-payloads.ts), which edit a subset of them. Built on first call.
 */
export function conventionSchemas(): ReturnType<typeof buildSchemas>['conventionSchemas'] {
  return schemas().conventionSchemas;
}

function workflowOf(given: {
  stages?: WorkflowStage[];
  startStage?: string;
  doneStage?: string;
  discardedStatuses?: string[];
  discardedResolutions?: string[];
}): Workflow | null {
  if (given.stages === undefined || given.startStage === undefined || given.doneStage === undefined) return null;
  const workflow: Workflow = { stages: given.stages, startStage: given.startStage, doneStage: given.doneStage };
  if (given.discardedStatuses !== undefined) workflow.discardedStatuses = given.discardedStatuses;
  if (given.discardedResolutions !== undefined) workflow.discardedResolutions = given.discardedResolutions;
  return workflow;
}

/** `conventions.businessCalendar.workingDays[0]`: where an issue is, as a reader of the document names it. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (field, key) => (typeof key === 'number' ? `${field}[${key}]` : field === '' ? String(key) : `${field}.${String(key)}`),
    '',
  );
}

/** Reads a configuration document. @throws FlowConfigError naming the first bad field. */
export function parseFlowConfig(value: unknown): FlowConfig {
  const parsed = schemas().flowConfigDocument.safeParse(value);
  if (parsed.success) return parsed.data;
  // A misspelt setting is named before what it holds: it is the likelier mistake.
  const issue = parsed.error.issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? parsed.error.issues[0]!;
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
  throw new FlowConfigError(fieldOf(path) || '(config)', issue.message);
}
