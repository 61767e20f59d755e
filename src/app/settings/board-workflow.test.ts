import type { ProjectStatus } from '../../shared/resolver-contract';
import { workflowFromBoardColumns } from './board-workflow';

const STATUSES: ProjectStatus[] = [
  { id: '1', name: 'Backlog', category: 'new' },
  { id: '2', name: 'Ready', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '4', name: 'In Review', category: 'indeterminate' },
  { id: '5', name: 'Done', category: 'done' },
  { id: '6', name: "Won't Do", category: 'done' },
];

describe('a workflow from board columns', () => {
  it('makes one stage per column, in board order, with the clock from the first in-progress column to the first all-done one', () => {
    const made = workflowFromBoardColumns(
      [
        { name: 'To Do', statusIds: ['1', '2'] },
        { name: 'Doing', statusIds: ['3'] },
        { name: 'Review', statusIds: ['4'] },
        { name: 'Done', statusIds: ['5', '6'] },
      ],
      STATUSES,
    );
    expect(made).toEqual({
      workflow: {
        stages: [
          { name: 'To Do', statusIds: ['1', '2'], active: false },
          { name: 'Doing', statusIds: ['3'], active: true },
          { name: 'Review', statusIds: ['4'], active: true },
          { name: 'Done', statusIds: ['5', '6'], active: false },
        ],
        startStage: 'Doing',
        doneStage: 'Done',
      },
      statusesNotOnBoard: [],
      emptyColumns: [],
    });
  });

  it('places statuses no column shows by their category, names them, and leaves out columns without the project’s statuses', () => {
    const made = workflowFromBoardColumns(
      [
        { name: 'Ready', statusIds: ['2'] },
        { name: 'Doing', statusIds: ['3', '99'] },
        { name: 'Released', statusIds: [] },
        { name: 'Done', statusIds: ['5'] },
      ],
      STATUSES,
    )!;
    expect(made.workflow.stages.map((stage) => [stage.name, stage.statusIds])).toEqual([
      ['Ready', ['2', '1']],
      ['Doing', ['3', '4']],
      ['Done', ['5', '6']],
    ]);
    expect(made.statusesNotOnBoard).toEqual(['1', '4', '6']);
    expect(made.emptyColumns).toEqual(['Released']);
  });

  it('keeps the start stage before the done stage when only the last column is in progress', () => {
    const made = workflowFromBoardColumns(
      [
        { name: 'Open', statusIds: ['1', '2', '5', '6'] },
        { name: 'Working', statusIds: ['3', '4'] },
      ],
      STATUSES,
    )!;
    expect([made.workflow.startStage, made.workflow.doneStage]).toEqual(['Open', 'Working']);
  });

  it('tells apart columns of the same name and cuts names to the stage limit', () => {
    const long = 'A column name far longer than any stage name the settings accept, by a margin';
    const made = workflowFromBoardColumns(
      [
        { name: 'Doing', statusIds: ['1'] },
        { name: ' doing ', statusIds: ['3'] },
        { name: long, statusIds: ['5'] },
      ],
      STATUSES,
    )!;
    expect(made.workflow.stages.map((stage) => stage.name)).toEqual(['Doing', 'doing (2)', long.slice(0, 60)]);
  });

  it('proposes nothing when fewer than two columns hold the project’s statuses', () => {
    expect(
      workflowFromBoardColumns(
        [
          { name: 'All', statusIds: ['1', '3', '5'] },
          { name: 'Other project', statusIds: ['77'] },
        ],
        STATUSES,
      ),
    ).toBeNull();
  });
});
