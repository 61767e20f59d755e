import { dayToIsoDate, NO_DAY } from './calendar-day';
import { DEFAULT_CONVENTIONS, type FlowConventions } from './conventions';
import { buildFlowTimeline, isInProgress, UnmappedStatusError, type FlowTimeline } from './flow-timeline';
import { compactHistoryFromSearch } from './jira-history';
import { resolveWorkflow } from './workflow';
import { at, BOARD_WORKFLOW, boardHistory, boardTimeline, type IssueSketch } from './testing/history-fixture';

const NOW = '2025-03-31T00:00:00Z';
const date = (day: number) => (day === NO_DAY ? null : dayToIsoDate(day));

/** What a user would read about item i: its stage dates, start and done, as dates. */
function summary(timeline: FlowTimeline, item = 0) {
  const stageDates: Record<string, string | null> = {};
  timeline.workflow.stageNames.forEach((name, k) => {
    const entry = timeline.stageEntry[item * timeline.stageCount + k]!;
    stageDates[name] = Number.isNaN(entry) ? null : dayToIsoDate(timeline.zone.dayOf(entry));
  });
  return { start: date(timeline.startDay[item]!), done: date(timeline.doneDay[item]!), stageDates };
}

const variants: Array<[string, Partial<FlowConventions>]> = [
  ['first + keep', { stageEntry: 'first', backwardMoves: 'keep' }],
  ['first + reset', { stageEntry: 'first', backwardMoves: 'reset' }],
  ['last + keep', { stageEntry: 'last', backwardMoves: 'keep' }],
  ['last + reset', { stageEntry: 'last', backwardMoves: 'reset' }],
];

describe('flow timeline: start and done under the conventions', () => {
  it('an item never started has neither start nor done, and is not in progress', () => {
    const timeline = boardTimeline([{ key: 'A-1', created: '2025-03-03T09:00Z' }], NOW);
    expect(summary(timeline)).toEqual({
      start: null,
      done: null,
      stageDates: { Backlog: '2025-03-03', 'In Progress': null, Review: null, Done: null, Released: null },
    });
    expect(isInProgress(timeline, 0)).toBe(false);
    expect(timeline.currentStage[0]).toBe(0);
  });

  describe('an item started, then moved back to the backlog and abandoned', () => {
    const abandoned: IssueSketch = {
      key: 'A-2',
      created: '2025-03-03T09:00Z',
      moves: [
        ['2025-03-04T10:00Z', 'In Progress'],
        ['2025-03-05T10:00Z', 'To Do'],
      ],
    };
    it('with keep, stays started: it is work in progress and ages', () => {
      const timeline = boardTimeline([abandoned], NOW, { backwardMoves: 'keep' });
      expect(summary(timeline)).toMatchObject({ start: '2025-03-04', done: null });
      expect(isInProgress(timeline, 0)).toBe(true);
    });
    it('with reset, is no longer started', () => {
      const timeline = boardTimeline([abandoned], NOW, { backwardMoves: 'reset' });
      expect(summary(timeline)).toMatchObject({ start: null, done: null, stageDates: { Backlog: '2025-03-03', 'In Progress': null } });
      expect(isInProgress(timeline, 0)).toBe(false);
    });
  });

  describe('an item reopened after done', () => {
    const reopened: IssueSketch = {
      key: 'A-3',
      created: '2025-03-03T09:00Z',
      moves: [
        ['2025-03-04T09:00Z', 'In Progress'],
        ['2025-03-06T09:00Z', 'Done'],
        ['2025-03-10T09:00Z', 'In Progress'],
        ['2025-03-12T09:00Z', 'Done'],
      ],
    };
    it.each([
      ['first + keep', { stageEntry: 'first', backwardMoves: 'keep' }, '2025-03-04'],
      ['first + reset', { stageEntry: 'first', backwardMoves: 'reset' }, '2025-03-04'],
      ['last + keep', { stageEntry: 'last', backwardMoves: 'keep' }, '2025-03-10'],
      ['last + reset', { stageEntry: 'last', backwardMoves: 'reset' }, '2025-03-10'],
    ] as const)('is done at its final entry into done (%s)', (_name, conventions, start) => {
      const timeline = boardTimeline([reopened], NOW, conventions);
      expect(summary(timeline)).toMatchObject({ start, done: '2025-03-12', stageDates: { Done: '2025-03-12' } });
    });
    it('is not done while reopened, and is work in progress again', () => {
      const timeline = boardTimeline([{ ...reopened, moves: reopened.moves!.slice(0, 3) }], NOW);
      expect(summary(timeline)).toMatchObject({ start: '2025-03-04', done: null, stageDates: { Done: null } });
      expect(isInProgress(timeline, 0)).toBe(true);
    });
  });

  describe('backward moves', () => {
    // In Progress → Review → back to In Progress → Review → Done.
    const rework: IssueSketch = {
      key: 'A-4',
      created: '2025-03-03T09:00Z',
      moves: [
        ['2025-03-04T09:00Z', 'In Progress'],
        ['2025-03-05T09:00Z', 'In Review'],
        ['2025-03-06T09:00Z', 'In Progress'],
        ['2025-03-07T09:00Z', 'In Review'],
        ['2025-03-10T09:00Z', 'Done'],
      ],
    };
    it.each([
      ['first + keep', variants[0]![1], { start: '2025-03-04', review: '2025-03-05' }],
      ['first + reset', variants[1]![1], { start: '2025-03-04', review: '2025-03-07' }],
      ['last + keep', variants[2]![1], { start: '2025-03-06', review: '2025-03-07' }],
      ['last + reset', variants[3]![1], { start: '2025-03-06', review: '2025-03-07' }],
    ])('within the started stages (%s)', (_name, conventions, expected) => {
      const timeline = boardTimeline([rework], NOW, conventions);
      expect(summary(timeline)).toMatchObject({
        start: expected.start,
        done: '2025-03-10',
        stageDates: { 'In Progress': expected.start, Review: expected.review, Done: '2025-03-10' },
      });
    });

    // Started, back to the backlog, started again, done.
    const restarted: IssueSketch = {
      key: 'A-5',
      created: '2025-03-03T09:00Z',
      moves: [
        ['2025-03-04T09:00Z', 'In Progress'],
        ['2025-03-05T09:00Z', 'To Do'],
        ['2025-03-07T09:00Z', 'In Progress'],
        ['2025-03-08T09:00Z', 'Done'],
      ],
    };
    it.each([
      ['first + keep', variants[0]![1], '2025-03-04'],
      ['first + reset', variants[1]![1], '2025-03-07'],
      ['last + keep', variants[2]![1], '2025-03-07'],
      ['last + reset', variants[3]![1], '2025-03-07'],
    ])('back before the start stage (%s)', (_name, conventions, start) => {
      expect(summary(boardTimeline([restarted], NOW, conventions))).toMatchObject({ start, done: '2025-03-08' });
    });
  });

  it('an item that skips the start stage is started when it first enters a later stage', () => {
    const timeline = boardTimeline(
      [
        {
          key: 'A-6',
          created: '2025-03-03T09:00Z',
          moves: [
            ['2025-03-05T09:00Z', 'In Review'],
            ['2025-03-07T09:00Z', 'Done'],
          ],
        },
        { key: 'A-7', created: '2025-03-03T09:00Z', moves: [['2025-03-05T14:00Z', 'Done']] },
      ],
      NOW,
    );
    expect(summary(timeline, 0)).toEqual({
      start: '2025-03-05',
      done: '2025-03-07',
      stageDates: { Backlog: '2025-03-03', 'In Progress': null, Review: '2025-03-05', Done: '2025-03-07', Released: null },
    });
    expect(summary(timeline, 1)).toMatchObject({ start: '2025-03-05', done: '2025-03-05' });
    expect(timeline.start[1]).toBe(timeline.done[1]);
  });

  it('stages after done keep the item done; moving back within them does not reopen it', () => {
    const timeline = boardTimeline(
      [
        {
          key: 'A-8',
          created: '2025-03-03T09:00Z',
          moves: [
            ['2025-03-04T09:00Z', 'In Progress'],
            ['2025-03-06T09:00Z', 'Done'],
            ['2025-03-07T09:00Z', 'Released'],
            ['2025-03-08T09:00Z', 'Done'],
          ],
        },
        {
          key: 'A-9',
          created: '2025-03-03T09:00Z',
          moves: [
            ['2025-03-04T09:00Z', 'In Progress'],
            ['2025-03-06T09:00Z', 'Released'],
          ],
        },
      ],
      NOW,
      { backwardMoves: 'reset' },
    );
    expect(summary(timeline, 0)).toMatchObject({ start: '2025-03-04', done: '2025-03-06', stageDates: { Released: null } });
    expect(summary(timeline, 1)).toMatchObject({
      start: '2025-03-04',
      done: '2025-03-06',
      stageDates: { Done: null, Released: '2025-03-06' },
    });
  });

  it('an item created in a done status starts and finishes at creation', () => {
    const timeline = boardTimeline([{ key: 'A-10', created: '2025-03-03T09:00Z', initial: 'Done' }], NOW);
    expect(summary(timeline)).toMatchObject({ start: '2025-03-03', done: '2025-03-03' });
  });

  it('moves between statuses of one stage are not stage entries', () => {
    const history = boardHistory([
      {
        key: 'A-11',
        created: '2025-03-03T09:00Z',
        moves: [
          ['2025-03-04T09:00Z', 'In Progress'],
          ['2025-03-05T09:00Z', 'In Review'],
          ['2025-03-06T09:00Z', 'Done'],
        ],
      },
    ]);
    const merged = resolveWorkflow(
      {
        stages: [
          { name: 'Todo', statuses: ['To Do'] },
          { name: 'Doing', statuses: ['In Progress', 'In Review'] },
          { name: 'Done', statuses: ['Done', 'Released'] },
        ],
        startStage: 'Doing',
        doneStage: 'Done',
      },
      history.statuses,
    );
    const timeline = buildFlowTimeline(history, merged, { ...DEFAULT_CONVENTIONS, stageEntry: 'last' }, at(NOW));
    expect(summary(timeline)).toMatchObject({ start: '2025-03-04', stageDates: { Doing: '2025-03-04' } });
  });

  it('sees the board as of now: later transitions are ignored and later issues left out', () => {
    const timeline = boardTimeline(
      [
        {
          key: 'A-12',
          created: '2025-03-03T09:00Z',
          moves: [
            ['2025-03-04T09:00Z', 'In Progress'],
            ['2025-04-02T09:00Z', 'Done'],
          ],
        },
        { key: 'A-13', created: '2025-04-01T09:00Z' },
      ],
      NOW,
    );
    expect(summary(timeline, 0)).toMatchObject({ start: '2025-03-04', done: null });
    expect(isInProgress(timeline, 0)).toBe(true);
    expect(Array.from(timeline.included)).toEqual([1, 0]);
    expect(timeline.currentStatus[0]).toBe(1); // In Progress
  });

  it('takes dates in the configured time zone, across a daylight-saving switch', () => {
    // Started 22:30 UTC on 29 March (23:30 in Berlin, +1); done 22:30 UTC on 30 March (00:30 on the 31st, +2).
    const issue: IssueSketch = {
      key: 'A-14',
      created: '2025-03-28T09:00Z',
      moves: [
        ['2025-03-29T22:30Z', 'In Progress'],
        ['2025-03-30T22:30Z', 'Done'],
      ],
    };
    expect(summary(boardTimeline([issue], NOW))).toMatchObject({ start: '2025-03-29', done: '2025-03-30' });
    expect(summary(boardTimeline([issue], NOW, { timeZone: 'Europe/Berlin' }))).toMatchObject({ start: '2025-03-29', done: '2025-03-31' });
    expect(summary(boardTimeline([issue], NOW, { timeZone: 'America/New_York' }))).toMatchObject({
      start: '2025-03-29',
      done: '2025-03-30',
    });
    expect(summary(boardTimeline([issue], NOW, { timeZone: 'Asia/Tokyo' }))).toMatchObject({ start: '2025-03-30', done: '2025-03-31' });
  });

  it('measures an issue moved between projects across the move', () => {
    const history = compactHistoryFromSearch([
      {
        id: '1',
        key: 'NEW-7',
        fields: {
          issuetype: { name: 'Bug' },
          status: { id: '4', name: 'Done', statusCategory: { key: 'done' } },
          created: '2025-03-03T09:00:00.000+0000',
          project: { key: 'NEW' },
        },
        changelog: {
          histories: [
            {
              id: '1',
              created: '2025-03-04T09:00:00.000+0000',
              items: [{ field: 'status', fieldId: 'status', from: '1', fromString: 'To Do', to: '2', toString: 'In Progress' }],
            },
            {
              id: '2',
              created: '2025-03-05T09:00:00.000+0000',
              items: [
                { field: 'project', fieldId: 'project', fromString: 'OLD', toString: 'NEW' },
                { field: 'Key', fromString: 'OLD-3', toString: 'NEW-7' },
                { field: 'status', fieldId: 'status', from: '2', fromString: 'In Progress', to: '3', toString: 'In Review' },
              ],
            },
            {
              id: '3',
              created: '2025-03-07T09:00:00.000+0000',
              items: [{ field: 'status', fieldId: 'status', from: '3', fromString: 'In Review', to: '4', toString: 'Done' }],
            },
          ],
        },
      },
    ]);
    const timeline = buildFlowTimeline(history, resolveWorkflow(BOARD_WORKFLOW, history.statuses), DEFAULT_CONVENTIONS, at(NOW));
    expect(summary(timeline)).toMatchObject({ start: '2025-03-04', done: '2025-03-07', stageDates: { Review: '2025-03-05' } });
  });

  it('names the issue and status the workflow cannot place', () => {
    const history = boardHistory([{ key: 'A-15', created: '2025-03-03T09:00Z', moves: [['2025-03-04T09:00Z', 'Released']] }]);
    const workflow = resolveWorkflow({ ...BOARD_WORKFLOW, stages: BOARD_WORKFLOW.stages.slice(0, 4) }, history.statuses);
    const build = () => buildFlowTimeline(history, workflow, DEFAULT_CONVENTIONS, at(NOW));
    expect(build).toThrow(UnmappedStatusError);
    expect(build).toThrow('A-15: status "Released" (id 5) is not mapped to any stage of the workflow');
  });
});
