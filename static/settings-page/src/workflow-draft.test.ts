import { flowTeamWorkflowData, FLOW_TEAM_WITH_REVIEW_STAGE } from '../../../src/shared/testing/workflow-settings-fixtures';
import { addStage, canBeActive, draftDiffersFrom, draftFrom, draftProblems, moveStage, payloadOf, removeStage } from './workflow-draft';

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
    draft = {
      ...draft,
      stages: draft.stages.map((s) => (s.id === review.id ? { ...s, name: 'Review', active: false } : s)),
      stageOfStatus: { ...draft.stageOfStatus, '10001': review.id },
    };
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

  it('names a new stage "New stage", then "New stage 2"…, never one a stage already has', () => {
    const names = (draft: ReturnType<typeof draftFrom>) => draft.stages.map((stage) => stage.name);
    const once = addStage(draftFrom(DATA));
    expect(names(once)).toEqual(['To Do', 'In Progress', 'New stage', 'Done']);
    expect(names(addStage(addStage(once)))).toEqual(['To Do', 'In Progress', 'New stage', 'New stage 2', 'New stage 3', 'Done']);
    // The names are looked up, not counted: a freed name is used again, a taken one (whatever its case) skipped.
    const renamed = {
      ...once,
      stages: once.stages.map((stage) => (stage.name === 'New stage' ? { ...stage, name: 'new stage 2 ' } : stage)),
    };
    expect(names(addStage(renamed))).toEqual(['To Do', 'In Progress', 'new stage 2 ', 'New stage', 'Done']);
    expect(names(addStage(addStage(renamed)))).toContain('New stage 3');
    expect(draftProblems(addStage(addStage(renamed)), NAMES)).not.toContain('Two stages have the same name.');
  });

  it('tells a draft that would save something new from one that would save what is stored', () => {
    const draft = draftFrom(DATA);
    expect(draftDiffersFrom(draft, DATA)).toBe(false);
    // Local ids, spaces around a name and the order days were ticked in are not changes.
    const sameAgain = { ...draft, stages: draft.stages.map((stage) => ({ ...stage, id: stage.id + 10, name: ` ${stage.name} ` })) };
    const ids = Object.fromEntries(Object.entries(draft.stageOfStatus).map(([status, id]) => [status, id === null ? null : id + 10]));
    const reordered = { ...draft.conventions, workingDays: [...draft.conventions.workingDays].reverse() };
    expect(
      draftDiffersFrom(
        { ...sameAgain, stageOfStatus: ids, startStage: draft.startStage! + 10, doneStage: draft.doneStage! + 10, conventions: reordered },
        DATA,
      ),
    ).toBe(false);
    expect(draftDiffersFrom({ ...draft, conventions: { ...draft.conventions, unit: 'hours' } }, DATA)).toBe(true);
    expect(draftDiffersFrom(addStage(draft), DATA)).toBe(true);
    expect(
      draftDiffersFrom(
        { ...draft, stages: draft.stages.map((stage) => (stage.name === 'In Progress' ? { ...stage, name: 'Doing' } : stage)) },
        DATA,
      ),
    ).toBe(true);
    expect(draftDiffersFrom({ ...draft, stageOfStatus: { ...draft.stageOfStatus, '10001': draft.doneStage } }, DATA)).toBe(true);
  });

  it('lets only stages from start up to done be active work', () => {
    const draft = draftFrom(DATA);
    expect(draft.stages.map((_, index) => canBeActive(draft, index))).toEqual([false, true, false]);
  });
});
