import type { ProjectWorkflowData } from '../../../src/shared/resolver-contract';
import { addStage, canBeActive, draftFrom, draftProblems, moveStage, payloadOf, removeStage } from './workflow-draft';

const DATA: ProjectWorkflowData = {
  project: { id: '10000', key: 'FLOW', name: 'Flow team' },
  measured: true,
  statuses: [
    { id: '1', name: 'To Do', category: 'new' },
    { id: '3', name: 'In Progress', category: 'indeterminate' },
    { id: '4', name: 'In Review', category: 'indeterminate' },
    { id: '5', name: 'Done', category: 'done' },
  ],
  workflow: {
    stages: [
      { name: 'To Do', statusIds: ['1'], active: false },
      { name: 'In Progress', statusIds: ['3', '4'], active: true },
      { name: 'Done', statusIds: ['5'], active: false },
    ],
    startStage: 'In Progress',
    doneStage: 'Done',
  },
  conventions: {
    stageEntry: 'first',
    backwardMoves: 'keep',
    unit: 'days-inclusive',
    percentileMethod: 'nearest-rank',
    serviceLevelPercentile: 85,
    weekEndsOn: 'sunday',
    workingDays: ['monday', 'tuesday'],
    timeZone: 'UTC',
  },
  customised: false,
  sync: { status: 'ok', progress: null, lastSuccessAt: null, lastError: null },
};
const NAMES = { '1': 'To Do', '3': 'In Progress', '4': 'In Review', '5': 'Done' };

describe('a workflow draft', () => {
  it('round-trips what the resolver sent', () => {
    const draft = draftFrom(DATA);
    expect(draftProblems(draft, NAMES)).toEqual([]);
    expect(payloadOf('FLOW', draft)).toEqual({ projectKey: 'FLOW', workflow: DATA.workflow, conventions: DATA.conventions });
  });

  it('adds a stage before done, and moving In Review into it keeps everything else', () => {
    let draft = addStage(draftFrom(DATA));
    const review = draft.stages[2]!;
    draft = { ...draft, stages: draft.stages.map((s) => (s.id === review.id ? { ...s, name: 'Review', active: false } : s)), stageOfStatus: { ...draft.stageOfStatus, '4': review.id } };
    expect(payloadOf('FLOW', draft).workflow).toEqual({
      stages: [
        { name: 'To Do', statusIds: ['1'], active: false },
        { name: 'In Progress', statusIds: ['3'], active: true },
        { name: 'Review', statusIds: ['4'], active: false },
        { name: 'Done', statusIds: ['5'], active: false },
      ],
      startStage: 'In Progress',
      doneStage: 'Done',
    });
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
