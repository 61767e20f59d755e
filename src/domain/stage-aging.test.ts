import { DurationMeasure } from './duration-unit';
import { DEFAULT_FLOW_CONFIG } from './flow-config';
import { paceOf, stageAging, stageExitAges } from './stage-aging';
import { buildStageAging, endOfDayAsOf } from './stage-aging-report';
import { at, BOARD_WORKFLOW, boardHistory, boardTimeline, type IssueSketch } from './testing/history-fixture';

/**
 * Backlog → In Progress (start) → Review → Done, days counted inclusively, seen on 10 March:
 * - A-1 works 2–4 March (leaves In Progress aged 3), is reviewed until the 5th (leaves Review aged 4);
 * - A-2 works 2–3 March (aged 2), is reviewed until the 8th (aged 7);
 * - A-3 started on the 3rd and is still in progress: aged 8 on the 10th;
 * - A-4 worked 6–8 March (leaves In Progress aged 3) and is in Review: aged 5 on the 10th.
 */
const ISSUES: IssueSketch[] = [
  {
    key: 'A-1',
    created: '2025-03-01T09:00Z',
    moves: [
      ['2025-03-02T09:00Z', 'In Progress'],
      ['2025-03-04T09:00Z', 'In Review'],
      ['2025-03-05T09:00Z', 'Done'],
    ],
  },
  {
    key: 'A-2',
    created: '2025-03-01T09:00Z',
    moves: [
      ['2025-03-02T09:00Z', 'In Progress'],
      ['2025-03-03T09:00Z', 'In Review'],
      ['2025-03-08T09:00Z', 'Done'],
    ],
  },
  { key: 'A-3', created: '2025-03-01T09:00Z', moves: [['2025-03-03T09:00Z', 'In Progress']] },
  {
    key: 'A-4',
    created: '2025-03-05T09:00Z',
    moves: [
      ['2025-03-06T09:00Z', 'In Progress'],
      ['2025-03-08T09:00Z', 'In Review'],
    ],
  },
];
const NOW = '2025-03-10T12:00Z';
const measure = new DurationMeasure('days-inclusive');
const timeline = boardTimeline(ISSUES, NOW);
const WHOLE = { from: timeline.nowDay - 30, to: timeline.nowDay };
const [, IN_PROGRESS, REVIEW] = [0, 1, 2];

describe('the ages at which items left each stage', () => {
  it('are their ages on the day they first reached a later stage', () => {
    const exits = stageExitAges(timeline, measure, WHOLE);
    expect(Array.from(exits[IN_PROGRESS]!)).toEqual([2, 3, 3]);
    expect(Array.from(exits[REVIEW]!)).toEqual([4, 7]);
  });

  it('count only exits within the window', () => {
    // From 6 March: A-4 left In Progress on the 8th, A-2 left Review on the 8th.
    const exits = stageExitAges(timeline, measure, { from: timeline.nowDay - 4, to: timeline.nowDay });
    expect(Array.from(exits[IN_PROGRESS]!)).toEqual([3]);
    expect(Array.from(exits[REVIEW]!)).toEqual([7]);
  });
});

describe('the pace of an item', () => {
  it('is the share of the sample younger than it, rounded down', () => {
    expect(paceOf(3, [2, 3, 3, 7])).toBe(25);
    expect(paceOf(8, [2, 3, 3, 7])).toBe(100);
    expect(paceOf(1, [2, 3, 3, 7])).toBe(0);
    expect(paceOf(4, [1, 2, 3])).toBe(100);
    expect(paceOf(2.5, [1, 2, 3])).toBe(66);
    expect(paceOf(5, [])).toBeNull();
  });
});

describe('aging by stage', () => {
  it('gives each in-progress stage its items, bands from its own exits, and each item its pace', () => {
    const [inProgress, review] = stageAging(timeline, measure, WHOLE, [50, 85], 'nearest-rank', 2);
    expect(inProgress).toMatchObject({ stage: IN_PROGRESS, basis: 'stage-exits', samples: 3, ages: [8], paces: [100] });
    // Nearest rank of [2, 3, 3]: the 50th is the 2nd value, the 85th the 3rd.
    expect(inProgress!.percentiles).toEqual([
      { percentile: 50, value: 3 },
      { percentile: 85, value: 3 },
    ]);
    // A-4, aged 5 in Review, is older than one of its two exits (4), younger than the other (7).
    expect(review).toMatchObject({ stage: REVIEW, basis: 'stage-exits', samples: 2, ages: [5], paces: [50] });
    expect(review!.percentiles).toEqual([
      { percentile: 50, value: 4 },
      { percentile: 85, value: 7 },
    ]);
  });

  it("falls back on the window's cycle times when a stage has too few exits, and says so", () => {
    const [inProgress, review] = stageAging(timeline, measure, WHOLE, [50], 'nearest-rank', 4);
    // Cycle times: A-1 2–5 March (4 days), A-2 2–8 March (7 days).
    expect(inProgress).toMatchObject({ basis: 'cycle-times', samples: 2, percentiles: [{ percentile: 50, value: 4 }], paces: [100] });
    expect(review).toMatchObject({ basis: 'cycle-times', samples: 2, paces: [50] });
  });

  it('shows a stage before the start when an unfinished item was moved back to it', () => {
    const movedBack = boardTimeline(
      [
        ...ISSUES,
        {
          key: 'B-1',
          created: '2025-03-01T09:00Z',
          moves: [
            ['2025-03-02T09:00Z', 'In Progress'],
            ['2025-03-04T09:00Z', 'To Do'],
          ],
        },
      ],
      NOW,
    );
    const columns = stageAging(movedBack, measure, WHOLE, [50], 'nearest-rank', 2);
    expect(columns.map((column) => column.stage)).toEqual([0, IN_PROGRESS, REVIEW]);
    expect(columns[0]!.ages).toEqual([9]);
  });

  it('leaves discarded items out of the exits, as cycle time does', () => {
    const history = boardHistory([
      ...ISSUES,
      {
        key: 'W-1',
        created: '2025-03-01T09:00Z',
        moves: [
          ['2025-03-02T09:00Z', 'In Progress'],
          ['2025-03-09T09:00Z', 'Done'],
        ],
      },
    ]);
    const config = { ...DEFAULT_FLOW_CONFIG, workflow: { ...BOARD_WORKFLOW, discardedStatuses: ['Done'] } };
    // Every Done is discarded here: no exit of Review and no cycle time remain, A-1's and A-2's exits of In Progress do.
    const report = buildStageAging(history, config, at(NOW), null);
    expect(report.columns.map((column) => [column.stage, column.samples])).toEqual([
      ['In Progress', 0],
      ['Review', 0],
    ]);
  });
});

describe('aging as it stood on a past day', () => {
  const history = boardHistory(ISSUES);
  const config = { ...DEFAULT_FLOW_CONFIG, workflow: BOARD_WORKFLOW };

  it('is seen at the end of that day: the stages and ages of then, items created later left out', () => {
    const report = buildStageAging(history, config, at(NOW), '2025-03-04');
    expect(report.asOfDate).toBe('2025-03-04');
    expect(report.asOf).toBe('2025-03-04T23:59:59.999Z');
    const byStage = Object.fromEntries(
      report.columns.map((column) => [column.stage, column.items.map((item) => `${item.key} ${item.age}`)]),
    );
    // A-1 reached Review on the 4th (aged 3); A-2 has been in Review since the 3rd (aged 3); A-3 started the 3rd.
    expect(byStage).toEqual({ 'In Progress': ['A-3 2'], Review: ['A-1 3', 'A-2 3'] });
  });

  it("ends the day in the project's time zone", () => {
    // Auckland is 13 hours ahead in March: its 4 March ends at 11:00 UTC.
    expect(endOfDayAsOf('2025-03-04', 'Pacific/Auckland', at(NOW))).toBe(at('2025-03-04T11:00Z') - 1);
    // A-2 moved to Review at 09:00 UTC on the 3rd, 22:00 in Auckland: still that day there; A-1 did the next day.
    const zoned = buildStageAging(
      history,
      { ...config, conventions: { ...config.conventions, timeZone: 'Pacific/Auckland' } },
      at(NOW),
      '2025-03-03',
    );
    expect(zoned.columns.find((column) => column.stage === 'Review')!.items.map((item) => item.key)).toEqual(['A-2']);
  });

  it('is now for today or a day still to come, and refuses what is not a date', () => {
    expect(endOfDayAsOf('2025-03-10', 'UTC', at(NOW))).toBe(at(NOW));
    expect(endOfDayAsOf('2030-01-01', 'UTC', at(NOW))).toBe(at(NOW));
    expect(() => endOfDayAsOf('2025-02-30', 'UTC', at(NOW))).toThrow(RangeError);
  });
});
