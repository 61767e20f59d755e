/**
 * Every list of convention values is written once, as a constant; the catalogue the UI shows, the schema that
 * reads configuration documents (the `--config` file and the stored settings) and its error messages are all
 * derived from it. A value added to a list therefore shows up in each of them, which these tests check by
 * walking each list rather than naming its values.
 */
import { WEEKDAY_NAMES } from './calendar-day';
import { STATUS_CATEGORY_KEYS } from './compact-history';
import {
  BACKWARD_MOVE_RULES,
  CONVENTION_CATALOG,
  DURATION_UNITS,
  PERCENTILE_METHODS,
  REOPENED_RULES,
  SKIPPED_START_RULES,
  STAGE_ENTRY_RULES,
  type FlowConventions,
} from './conventions';
import { conventionSchemas, FlowConfigError, parseFlowConfig } from './flow-config';
import { PERIOD_KINDS } from './reporting-period';

type Listed = 'stageEntry' | 'backwardMoves' | 'skippedStart' | 'reopened' | 'unit' | 'percentileMethod';

const LISTED: ReadonlyArray<[Listed & keyof FlowConventions, readonly string[]]> = [
  ['stageEntry', STAGE_ENTRY_RULES],
  ['backwardMoves', BACKWARD_MOVE_RULES],
  ['skippedStart', SKIPPED_START_RULES],
  ['reopened', REOPENED_RULES],
  ['unit', DURATION_UNITS],
  ['percentileMethod', PERCENTILE_METHODS],
];

describe.each(LISTED)('the %s list', (name, values) => {
  it('is the schema’s list of choices', () => {
    expect(conventionSchemas()[name].options).toEqual(values);
  });

  it('is the catalogue’s list of choices, each with its meaning', () => {
    const entry = CONVENTION_CATALOG.find((description) => description.name === name)!;
    expect(entry.choices.map((choice) => choice.value)).toEqual(values);
    for (const choice of entry.choices) expect(choice.meaning.length).toBeGreaterThan(20);
    expect(values).toContain(entry.default);
  });

  it('is what a configuration document may say, and what its error names', () => {
    for (const value of values) expect(parseFlowConfig({ conventions: { [name]: value } }).conventions[name]).toBe(value);
    const refusal = () => parseFlowConfig({ conventions: { [name]: 'none-of-these' } });
    expect(refusal).toThrow(FlowConfigError);
    expect(refusal).toThrow(`conventions.${name}: expected one of ${values.map((value) => `"${value}"`).join(', ')}, got "none-of-these"`);
  });
});

describe('the lists the configuration shares with the rest of the domain', () => {
  it('reads every weekday for the week’s end and the working days, and names them all when refusing', () => {
    expect(conventionSchemas().weekEndsOn.options).toEqual(WEEKDAY_NAMES);
    for (const day of WEEKDAY_NAMES) {
      expect(parseFlowConfig({ conventions: { weekEndsOn: day, businessCalendar: { workingDays: [day] } } }).conventions).toMatchObject({
        weekEndsOn: day,
        businessCalendar: { workingDays: [day] },
      });
    }
    expect(() => parseFlowConfig({ conventions: { weekEndsOn: 'someday' } })).toThrow(WEEKDAY_NAMES.map((day) => `"${day}"`).join(', '));
  });

  it('reads every kind of reporting period', () => {
    for (const kind of PERIOD_KINDS) expect(parseFlowConfig({ throughputPeriod: kind }).throughputPeriod).toBe(kind);
    expect(() => parseFlowConfig({ throughputPeriod: 'fortnight' })).toThrow(PERIOD_KINDS.map((kind) => `"${kind}"`).join(', '));
  });

  it('reads every Jira status category', () => {
    for (const key of STATUS_CATEGORY_KEYS) {
      expect(parseFlowConfig({ statuses: [{ id: '1', statusCategory: { key } }] }).statuses).toEqual([
        { id: '1', statusCategory: { key } },
      ]);
    }
    expect(() => parseFlowConfig({ statuses: [{ id: '1', statusCategory: { key: 'later' } }] })).toThrow(
      'statuses[0].statusCategory.key: expected one of',
    );
  });
});
