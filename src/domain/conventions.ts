/**
 * The conventions behind every number: where flow tools disagree, and which choice this app makes.
 *
 * "Cycle time" has no single definition. Tools differ on which entry into a stage counts, what a move
 * backwards does, whether the first and last day both count, and in which time zone a day starts. Each of
 * those choices is a named option here, with a default and the reason for it; `CONVENTION_CATALOG` describes
 * them so the UI can show users exactly how their numbers were computed.
 */
import { EVERY_DAY_CALENDAR, type BusinessCalendar } from './business-calendar';
import type { WeekdayName } from './calendar-day';
import { DEFAULT_TIME_ZONE } from './time-zone';

/**
 * Each convention's possible values, listed once: the types, the configuration schema
 * (flow-config-schema.ts), the settings payloads and the catalogue below are all derived from these lists.
 */
/** Which entry into a stage counts when an item enters it more than once. */
export const STAGE_ENTRY_RULES = ['first', 'last'] as const;
export type StageEntryRule = (typeof STAGE_ENTRY_RULES)[number];
/** What a move back to an earlier stage does to the dates of the later stages. */
export const BACKWARD_MOVE_RULES = ['keep', 'reset'] as const;
export type BackwardMoveRule = (typeof BACKWARD_MOVE_RULES)[number];
/** When an item that never entered the start stage is started. One rule; named so the UI can state it. */
export const SKIPPED_START_RULES = ['first-later-stage'] as const;
type SkippedStartRule = (typeof SKIPPED_START_RULES)[number];
/** Which entry into the done stage counts for an item that was reopened. One rule; named so the UI can state it. */
export const REOPENED_RULES = ['final-entry'] as const;
type ReopenedRule = (typeof REOPENED_RULES)[number];
/** The unit of cycle time, lead time and age. */
export const DURATION_UNITS = ['days-inclusive', 'days-exclusive', 'hours'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
/** How a percentile is read from a sorted sample. */
export const PERCENTILE_METHODS = ['nearest-rank', 'linear'] as const;
export type PercentileMethod = (typeof PERCENTILE_METHODS)[number];

export interface FlowConventions {
  stageEntry: StageEntryRule;
  backwardMoves: BackwardMoveRule;
  skippedStart: SkippedStartRule;
  reopened: ReopenedRule;
  unit: DurationUnit;
  /** Which days count in day-based durations. Default: every day. */
  businessCalendar: BusinessCalendar;
  /** IANA time zone in which instants become dates. Default UTC; the app passes the Jira site's zone. */
  timeZone: string;
  percentileMethod: PercentileMethod;
  /** Percentiles reported for cycle time, in ascending order. */
  percentiles: readonly number[];
  /** The percentile that is the service-level expectation. */
  serviceLevelPercentile: number;
  /** The last day of a reporting week. */
  weekEndsOn: WeekdayName;
}

const DEFAULT_PERCENTILES: readonly number[] = Object.freeze([50, 70, 85, 95]);

export const DEFAULT_CONVENTIONS: FlowConventions = Object.freeze({
  stageEntry: 'first',
  backwardMoves: 'keep',
  skippedStart: 'first-later-stage',
  reopened: 'final-entry',
  unit: 'days-inclusive',
  businessCalendar: EVERY_DAY_CALENDAR,
  timeZone: DEFAULT_TIME_ZONE,
  percentileMethod: 'nearest-rank',
  percentiles: DEFAULT_PERCENTILES,
  serviceLevelPercentile: 85,
  weekEndsOn: 'sunday',
});

/** Fills in defaults for the conventions a caller did not set. */
export function resolveConventions(overrides: Partial<FlowConventions> = {}): FlowConventions {
  const conventions = { ...DEFAULT_CONVENTIONS };
  for (const [name, value] of Object.entries(overrides) as [keyof FlowConventions, unknown][]) {
    if (value !== undefined) (conventions as Record<string, unknown>)[name] = value;
  }
  return conventions;
}

export interface ConventionDescription {
  name: keyof FlowConventions;
  title: string;
  /** The values it can take, each with what it means. Free-form options (time zone...) list an example. */
  choices: ReadonlyArray<{ value: string; meaning: string }>;
  default: string;
  /** Why the default is the default. */
  rationale: string;
}

/** What each value of a listed convention means; a value added to a list without a meaning does not compile. */
const STAGE_ENTRY_MEANINGS: Record<StageEntryRule, string> = {
  first: 'The first time an item entered a stage is its date for that stage.',
  last: 'The most recent time an item entered a stage is its date for that stage.',
};
const BACKWARD_MOVE_MEANINGS: Record<BackwardMoveRule, string> = {
  keep: 'Dates of later stages are kept; the item is measured from its earliest progress.',
  reset:
    'Moving back wipes the dates of every later stage, as if the item had never reached them. An item ' +
    'moved back before the start stage is no longer started.',
};
const SKIPPED_START_MEANINGS: Record<SkippedStartRule, string> = {
  'first-later-stage':
    'An item that never entered the start stage is started when it first entered any later stage ' +
    '(an item moved straight to done starts and finishes at that moment).',
};
const REOPENED_MEANINGS: Record<ReopenedRule, string> = {
  'final-entry': 'An item that leaves the done stage is no longer done; when it is done again, its final entry into done is its done date.',
};
const DURATION_UNIT_MEANINGS: Record<DurationUnit, string> = {
  'days-inclusive': 'Done date − start date + 1, in days: an item started and finished on the same day took 1 day.',
  'days-exclusive': 'Done date − start date, in days: an item started and finished on the same day took 0 days.',
  hours: 'Exact elapsed time in hours.',
};
const PERCENTILE_METHOD_MEANINGS: Record<PercentileMethod, string> = {
  'nearest-rank': 'The smallest observed value with at least p% of items at or below it.',
  linear: 'Linear interpolation between closest ranks (as spreadsheet PERCENTILE.INC).',
};

/** A listed convention's choices, in the list's order. */
const choicesOf = <T extends string>(values: readonly T[], meanings: Record<T, string>) =>
  values.map((value) => ({ value, meaning: meanings[value] }));

/** Every convention, as the UI and the documentation present it. */
export const CONVENTION_CATALOG: readonly ConventionDescription[] = Object.freeze([
  {
    name: 'stageEntry',
    title: 'Repeated entries into a stage',
    choices: choicesOf(STAGE_ENTRY_RULES, STAGE_ENTRY_MEANINGS),
    default: DEFAULT_CONVENTIONS.stageEntry,
    rationale:
      'Work started the first time someone picked the item up; counting from a later entry would hide rework ' +
      'from the cycle time the customer experienced.',
  },
  {
    name: 'backwardMoves',
    title: 'Moves back to an earlier stage',
    choices: choicesOf(BACKWARD_MOVE_RULES, BACKWARD_MOVE_MEANINGS),
    default: DEFAULT_CONVENTIONS.backwardMoves,
    rationale:
      'Moving a card back does not undo the time already spent on it. Choose "reset" if your team moves ' +
      'abandoned work back to the backlog and does not want it counted as in progress.',
  },
  {
    name: 'skippedStart',
    title: 'Items that skip the start stage',
    choices: choicesOf(SKIPPED_START_RULES, SKIPPED_START_MEANINGS),
    default: DEFAULT_CONVENTIONS.skippedStart,
    rationale: 'Every finished item has a cycle time, so throughput and cycle time describe the same items.',
  },
  {
    name: 'reopened',
    title: 'Reopened items',
    choices: choicesOf(REOPENED_RULES, REOPENED_MEANINGS),
    default: DEFAULT_CONVENTIONS.reopened,
    rationale: 'An item is finished when it last reached done; until then it is work in progress and ages.',
  },
  {
    name: 'unit',
    title: 'Unit of cycle time, lead time and age',
    choices: choicesOf(DURATION_UNITS, DURATION_UNIT_MEANINGS),
    default: DEFAULT_CONVENTIONS.unit,
    rationale:
      'Counting both the first and the last day is the usual Kanban convention and never reports a zero: an ' +
      'item that was worked on for part of a day took a day.',
  },
  {
    name: 'businessCalendar',
    title: 'Working days',
    choices: [
      { value: 'every day', meaning: 'Every calendar day counts.' },
      {
        value: 'weekdays and holidays',
        meaning: 'Day counts skip non-working weekdays and listed holidays (at least 1 day when inclusive).',
      },
    ],
    default: 'every day',
    rationale: 'Customers wait on weekends too; a business calendar is there for teams that prefer working days.',
  },
  {
    name: 'timeZone',
    title: 'Time zone of dates',
    choices: [{ value: 'Europe/Berlin', meaning: 'Any IANA time zone name; dates follow its daylight-saving rules.' }],
    default: 'UTC',
    rationale: 'The app uses the Jira site’s time zone, so a day means what the team means by it.',
  },
  {
    name: 'percentileMethod',
    title: 'Percentile method',
    choices: choicesOf(PERCENTILE_METHODS, PERCENTILE_METHOD_MEANINGS),
    default: DEFAULT_CONVENTIONS.percentileMethod,
    rationale: 'A nearest-rank percentile is always a cycle time an item really had, and reads as a promise: "85% took this long or less".',
  },
  {
    name: 'percentiles',
    title: 'Percentiles shown',
    choices: [{ value: '50, 70, 85, 95', meaning: 'Any ascending list of percentiles between 0 and 100.' }],
    default: '50, 70, 85, 95',
    rationale: 'The usual lines on a cycle-time scatter plot.',
  },
  {
    name: 'serviceLevelPercentile',
    title: 'Service-level expectation',
    choices: [{ value: '85', meaning: 'The percentile of cycle time the team quotes as its service level.' }],
    default: '85',
    rationale: 'The common choice in Kanban practice: most items finish within it, with a margin for surprises.',
  },
  {
    name: 'weekEndsOn',
    title: 'Last day of the week',
    choices: [{ value: 'sunday', meaning: 'Any weekday name; weekly throughput periods end on it.' }],
    default: 'sunday',
    rationale: 'ISO weeks run Monday to Sunday; teams with other sprint boundaries can move it.',
  },
]);
