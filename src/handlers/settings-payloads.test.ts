import { BACKWARD_MOVE_RULES, DURATION_UNITS, PERCENTILE_METHODS, STAGE_ENTRY_RULES, WEEKDAY_NAMES } from '../domain';
import { DEFAULT_CONVENTION_SETTINGS, FLOW_TEAM_DEFAULT_WORKFLOW } from '../shared/testing/workflow-settings-fixtures';
import { settingsPayloads } from './settings-payloads';

const save = (conventions: Record<string, unknown>) =>
  settingsPayloads.saveProjectWorkflow.safeParse({
    projectKey: 'FLOW',
    workflow: FLOW_TEAM_DEFAULT_WORKFLOW,
    conventions: { ...DEFAULT_CONVENTION_SETTINGS, ...conventions },
  });

describe('the settings page’s conventions payload', () => {
  it.each([
    ['stageEntry', STAGE_ENTRY_RULES],
    ['backwardMoves', BACKWARD_MOVE_RULES],
    ['unit', DURATION_UNITS],
    ['percentileMethod', PERCENTILE_METHODS],
    ['weekEndsOn', WEEKDAY_NAMES],
  ] as const)('accepts every value of the domain’s %s list, and nothing else', (name, values) => {
    for (const value of values) expect(save({ [name]: value }).success).toBe(true);
    expect(save({ [name]: 'none-of-these' }).success).toBe(false);
  });

  it('refuses a day listed twice, and no working day at all', () => {
    expect(save({ workingDays: ['monday', 'monday'] }).success).toBe(false);
    expect(save({ workingDays: [] }).success).toBe(false);
    expect(save({ workingDays: ['monday'] }).success).toBe(true);
  });

  it('refuses a time zone that is not an IANA name', () => {
    expect(save({ timeZone: 'Mars/Base' }).success).toBe(false);
    expect(save({ timeZone: 'Europe/Berlin' }).success).toBe(true);
  });
});
