import type { CompactStatus } from './compact-history';
import { defaultWorkflow, resolveWorkflow, unmappedStatuses, workflowProblems, WorkflowError, type Workflow } from './workflow';

const statuses: CompactStatus[] = [
  { id: '1', name: 'To Do', category: 'new' },
  { id: '2', name: 'In Progress', category: 'indeterminate' },
  { id: '3', name: 'In Review', category: 'indeterminate' },
  { id: '4', name: 'Done', category: 'done' },
  { id: '9', name: 'Limbo', category: null },
];

describe('workflow', () => {
  it('defaults to To Do / In Progress / Done from status categories', () => {
    const workflow = defaultWorkflow(statuses);
    expect(workflow).toEqual({
      stages: [
        { name: 'To Do', statuses: ['1'] },
        { name: 'In Progress', statuses: ['2', '3'] },
        { name: 'Done', statuses: ['4'] },
      ],
      startStage: 'In Progress',
      doneStage: 'Done',
    });
    const resolved = resolveWorkflow(workflow, statuses);
    expect(Array.from(resolved.stageOfStatus)).toEqual([0, 1, 1, 2, -1]);
    expect(resolved.startStage).toBe(1);
    expect(resolved.doneStage).toBe(2);
    expect(unmappedStatuses(resolved)).toEqual([4]);
  });

  it('maps finer stages by status id or by name, case-insensitively', () => {
    const workflow: Workflow = {
      stages: [
        { name: 'Ready', statuses: ['to do'] },
        { name: 'Doing', statuses: ['2'] },
        { name: 'Review', statuses: ['In Review'], active: false },
        { name: 'Done', statuses: ['DONE', 'Limbo'] },
      ],
      startStage: 'Doing',
      doneStage: 'Done',
    };
    const resolved = resolveWorkflow(workflow, statuses);
    expect(Array.from(resolved.stageOfStatus)).toEqual([0, 1, 2, 3, 3]);
    expect(resolved.stageNames).toEqual(['Ready', 'Doing', 'Review', 'Done']);
    // Only stages from start up to done can be active; Review is marked waiting.
    expect(resolved.activeStages).toEqual([false, true, false, false]);
  });

  it('explains what is wrong with a malformed workflow', () => {
    expect(
      workflowProblems({
        stages: [
          { name: 'A', statuses: ['x'] },
          { name: 'A', statuses: ['X'] },
          { name: 'B', statuses: ['x'] },
        ],
        startStage: 'B',
        doneStage: 'C',
      }),
    ).toEqual(['stage "A" appears twice', 'the done stage "C" is not one of the stages', 'status "x" is in both "A" and "B"']);
    expect(
      workflowProblems({
        stages: [
          { name: 'A', statuses: [] },
          { name: 'B', statuses: [] },
        ],
        startStage: 'B',
        doneStage: 'A',
      }),
    ).toEqual(['the start stage must come before the done stage']);
    expect(() => resolveWorkflow({ stages: [{ name: 'A', statuses: [] }], startStage: 'A', doneStage: 'A' }, statuses)).toThrow(
      WorkflowError,
    );
  });

  it('refuses a status mapped to one stage by id and another by name', () => {
    const workflow: Workflow = {
      stages: [
        { name: 'Doing', statuses: ['2'] },
        { name: 'Done', statuses: ['In Progress'] },
      ],
      startStage: 'Doing',
      doneStage: 'Done',
    };
    expect(() => resolveWorkflow(workflow, statuses)).toThrow('mapped by id to "Doing" and by name to "Done"');
  });
});
