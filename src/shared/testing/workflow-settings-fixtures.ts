/**
 * The workflow settings of the test site's "Flow team" project (FLOW), as the settings resolver and the settings
 * page exchange them: its four statuses with the ids Jira gives them, the stages proposed from Jira's status
 * categories, and the engine's default conventions. Test support only.
 */
import type { ConventionSettings, ProjectStatus, ProjectWorkflowData, WorkflowSettings } from '../resolver-contract';

const FLOW_TEAM_STATUSES: ProjectStatus[] = [
  { id: '10000', name: 'To Do', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '10001', name: 'In Review', category: 'indeterminate' },
  { id: '10002', name: 'Done', category: 'done' },
];

/** The engine's default conventions, as the settings page shows and sends them. */
export const DEFAULT_CONVENTION_SETTINGS: ConventionSettings = {
  stageEntry: 'first',
  backwardMoves: 'keep',
  unit: 'days-inclusive',
  percentileMethod: 'nearest-rank',
  serviceLevelPercentile: 85,
  weekEndsOn: 'sunday',
  workingDays: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
  timeZone: 'UTC',
};

/** One stage per status category; both "in progress" statuses are active work. */
export const FLOW_TEAM_DEFAULT_WORKFLOW: WorkflowSettings = {
  stages: [
    { name: 'To Do', statusIds: ['10000'], active: false },
    { name: 'In Progress', statusIds: ['3', '10001'], active: true },
    { name: 'Done', statusIds: ['10002'], active: false },
  ],
  startStage: 'In Progress',
  doneStage: 'Done',
};

/** The defaults with "In Review" split out into a stage of its own, counted as waiting. */
export const FLOW_TEAM_WITH_REVIEW_STAGE: WorkflowSettings = {
  stages: [
    { name: 'To Do', statusIds: ['10000'], active: false },
    { name: 'In Progress', statusIds: ['3'], active: true },
    { name: 'Review', statusIds: ['10001'], active: false },
    { name: 'Done', statusIds: ['10002'], active: false },
  ],
  startStage: 'In Progress',
  doneStage: 'Done',
};

/** What `getProjectWorkflow` answers for FLOW while it is measured on the defaults and its last sync succeeded. */
export function flowTeamWorkflowData(overrides: Partial<ProjectWorkflowData> = {}): ProjectWorkflowData {
  return {
    project: { id: '10000', key: 'FLOW', name: 'Flow team' },
    measured: true,
    statuses: FLOW_TEAM_STATUSES,
    workflow: FLOW_TEAM_DEFAULT_WORKFLOW,
    conventions: DEFAULT_CONVENTION_SETTINGS,
    customised: false,
    sync: { status: 'ok', progress: null, lastSuccessAt: '2026-03-12T14:05:00.000Z', lastError: null },
    ...overrides,
  };
}
