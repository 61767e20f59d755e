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

/** Which entry into a stage counts when an item enters it more than once. */
export type StageEntryRule = 'first' | 'last';
/** What a move back to an earlier stage does to the dates of the later stages. */
export type BackwardMoveRule = 'reset' | 'keep';
/** When an item that never entered the start stage is started. One rule; named so the UI can state it. */
export type SkippedStartRule = 'first-later-stage';
/** Which entry into the done stage counts for an item that was reopened. One rule; named so the UI can state it. */
export type ReopenedRule = 'final-entry';
/** The unit of cycle time, lead time and age. */
export type DurationUnit = 'days-inclusive' | 'days-exclusive' | 'hours';
/** How a percentile is read from a sorted sample. */
export type PercentileMethod = 'nearest-rank' | 'linear';

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

export const DEFAULT_PERCENTILES: readonly number[] = Object.freeze([50, 70, 85, 95]);

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

/** Every convention, as the UI and the documentation present it. */
export const CONVENTION_CATALOG: readonly ConventionDescription[] = Object.freeze([
  {
    name: 'stageEntry',
    title: 'Repeated entries into a stage',
    choices: [
      { value: 'first', meaning: 'The first time an item entered a stage is its date for that stage.' },
      { value: 'last', meaning: 'The most recent time an item entered a stage is its date for that stage.' },
    ],
    default: 'first',
    rationale:
      'Work started the first time someone picked the item up; counting from a later entry would hide rework ' +
      'from the cycle time the customer experienced.',
  },
  {
    name: 'backwardMoves',
    title: 'Moves back to an earlier stage',
    choices: [
      { value: 'keep', meaning: 'Dates of later stages are kept; the item is measured from its earliest progress.' },
      {
        value: 'reset',
        meaning:
          'Moving back wipes the dates of every later stage, as if the item had never reached them. An item ' +
          'moved back before the start stage is no longer started.',
      },
    ],
    default: 'keep',
    rationale:
      'Moving a card back does not undo the time already spent on it. Choose "reset" if your team moves ' +
      'abandoned work back to the backlog and does not want it counted as in progress.',
  },
  {
    name: 'skippedStart',
    title: 'Items that skip the start stage',
    choices: [
      {
        value: 'first-later-stage',
        meaning:
          'An item that never entered the start stage is started when it first entered any later stage ' +
          '(an item moved straight to done starts and finishes at that moment).',
      },
    ],
    default: 'first-later-stage',
    rationale: 'Every finished item has a cycle time, so throughput and cycle time describe the same items.',
  },
  {
    name: 'reopened',
    title: 'Reopened items',
    choices: [
      {
        value: 'final-entry',
        meaning:
          'An item that leaves the done stage is no longer done; when it is done again, its final entry into ' + 'done is its done date.',
      },
    ],
    default: 'final-entry',
    rationale: 'An item is finished when it last reached done; until then it is work in progress and ages.',
  },
  {
    name: 'unit',
    title: 'Unit of cycle time, lead time and age',
    choices: [
      { value: 'days-inclusive', meaning: 'Done date − start date + 1, in days: an item started and finished on the same day took 1 day.' },
      { value: 'days-exclusive', meaning: 'Done date − start date, in days: an item started and finished on the same day took 0 days.' },
      { value: 'hours', meaning: 'Exact elapsed time in hours.' },
    ],
    default: 'days-inclusive',
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
    choices: [
      { value: 'nearest-rank', meaning: 'The smallest observed value with at least p% of items at or below it.' },
      { value: 'linear', meaning: 'Linear interpolation between closest ranks (as spreadsheet PERCENTILE.INC).' },
    ],
    default: 'nearest-rank',
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
