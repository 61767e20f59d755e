import { flowTeamWorkflowData, FLOW_TEAM_WITH_REVIEW_STAGE } from '../../../src/shared/testing/workflow-settings-fixtures';
import { addStage, canBeActive, draftFrom, draftProblems, moveStage, payloadOf, removeStage } from './workflow-draft';

const DATA = flowTeamWorkflowData();
const NAMES = Object.fromEntries(DATA.statuses.map((status) => [status.id, status.name]));

describe('a workflow draft', () => {
  it('round-trips what the resolver sent', () => {
    const draft = draftFrom(DATA);
    expect(draftProblems(draft, NAMES)).toEqual([]);
    expect(payloadOf('FLOW', draft)).toEqual({ projectKey: 'FLOW', workflow: DATA.workflow, conventions: DATA.conventions });
  });

  it('adds a stage before done, and moving In Review into it keeps everything else', () => {
    let draft = addStage(draftFrom(DATA));
    const review = draft.stages[2]!;
    draft = { ...draft, stages: draft.stages.map((s) => (s.id === review.id ? { ...s, name: 'Review', active: false } : s)), stageOfStatus: { ...draft.stageOfStatus, '10001': review.id } };
    expect(payloadOf('FLOW', draft).workflow).toEqual(FLOW_TEAM_WITH_REVIEW_STAGE);
  });

  it('keeps a renamed stage as the start stage', () => {
    const draft = draftFrom(DATA);
    const renamed = { ...draft, stages: draft.stages.map((s) => (s.name === 'In Progress' ? { ...s, name: 'Doing' } : s)) };
    expect(payloadOf('FLOW', renamed).workflow.startStage).toBe('Doing');
  });

  it('reports what stops a save', () => {
    const draft = removeStage(draftFrom(DATA), 3);
    expect(draftProblems(draft, NAMES)).toEqual(['Choose a start stage and a done stage.', 'Put every status in a stage: Done.']);
    const swapped = moveStage(draftFrom(DATA), 2, 1);
    expect(draftProblems(swapped, NAMES)).toEqual(['The start stage must come before the done stage.']);
  });

  it('lets only stages from start up to done be active work', () => {
    const draft = draftFrom(DATA);
    expect(draft.stages.map((_, index) => canBeActive(draft, index))).toEqual([false, true, false]);
  });
});
