import fc from 'fast-check';
import { DEFAULT_FLOW_CONFIG, type FlowConfig } from './flow-config';
import { buildFlowMeasures } from './flow-report';
import { arbitraryBoardHistory, at, BOARD_WORKFLOW, boardHistory, DAY, type IssueSketch } from './testing/history-fixture';
import { weeklyFlowFigures } from './weekly-flow-figures';

const config: FlowConfig = { ...DEFAULT_FLOW_CONFIG, workflow: BOARD_WORKFLOW };

function item(key: string, created: string, started: string, done?: string): IssueSketch {
  const moves: IssueSketch['moves'] = [[`${started}T10:00Z`, 'In Progress']];
  if (done !== undefined) moves.push([`${done}T10:00Z`, 'Done']);
  return { key, created: `${created}T08:00Z`, moves };
}

describe('the weekly flow figures', () => {
  // Now is 15 March at noon: the last 7 days are 9 to 15 March, the 7 before them 2 to 8 March.
  const history = boardHistory([
    item('A-1', '2025-02-01', '2025-02-02', '2025-03-04'), // 31 days, finished in the week before
    item('A-2', '2025-03-01', '2025-03-03', '2025-03-07'), // 5 days, the week before
    item('A-3', '2025-03-01', '2025-03-05', '2025-03-10'), // 6 days, last week
    item('A-4', '2025-03-09', '2025-03-10', '2025-03-11'), // 2 days, last week
    item('A-5', '2025-03-09', '2025-03-12', '2025-03-13'), // 2 days, last week
    item('A-6', '2025-01-01', '2025-01-10', '2025-01-20'), // finished long ago: no part of the 30 days
    item('A-7', '2025-03-01', '2025-03-02'), // in progress, 14 days old
    item('A-8', '2025-03-01', '2025-03-08'), // in progress, 8 days old
    item('A-9', '2025-03-01', '2025-03-14'), // in progress, 2 days old
  ]);
  const figures = weeklyFlowFigures(history, config, at('2025-03-15T12:00:00Z'));

  it('counts the items finished last week and the week before', () => {
    expect(figures.throughput).toEqual({ lastWeek: 3, weekBefore: 2 });
  });

  it('takes cycle-time percentiles of the items finished in the last 30 days', () => {
    // 2, 2, 5, 6, 31 days: nearest rank 50% is the 3rd, 85% the 5th.
    expect(figures.cycleTime).toEqual({ p50: 5, p85: 31, items: 5 });
  });

  it('counts work in progress now, and calls at risk only what is older than the 85th percentile', () => {
    expect(figures.wip).toBe(3);
    expect(figures.atRisk).toEqual([]);
    const withoutTheOutlier = weeklyFlowFigures(
      boardHistory([
        item('B-1', '2025-03-01', '2025-03-03', '2025-03-07'),
        item('B-2', '2025-03-01', '2025-03-02'),
        item('B-3', '2025-03-01', '2025-03-08'),
        item('B-4', '2025-03-01', '2025-03-13'),
      ]),
      config,
      at('2025-03-15T12:00:00Z'),
    );
    // One finished item of 5 days: both percentiles are 5; 14 and 8 days are beyond it, 3 days is not.
    expect(withoutTheOutlier.atRisk).toEqual([
      { key: 'B-2', age: 14 },
      { key: 'B-3', age: 8 },
    ]);
  });

  it('leaves the earlier week out when the history does not reach back over it', () => {
    const young = weeklyFlowFigures(
      boardHistory([item('C-1', '2025-03-12', '2025-03-12', '2025-03-13')]),
      config,
      at('2025-03-15T12:00:00Z'),
    );
    expect(young.throughput).toEqual({ lastWeek: 1, weekBefore: null });
  });

  it('has no percentiles and nothing at risk when nothing was finished in 30 days', () => {
    const stalled = weeklyFlowFigures(boardHistory([item('D-1', '2025-01-01', '2025-01-02')]), config, at('2025-03-15T12:00:00Z'));
    expect(stalled).toMatchObject({ cycleTime: { p50: null, p85: null, items: 0 }, wip: 1, atRisk: [] });
  });

  it('agrees with the full report over the same days, whatever the history', () => {
    fc.assert(
      fc.property(arbitraryBoardHistory(), fc.integer({ min: 0, max: 70 }), (sample, dayOffset) => {
        const now = sample.created.reduce((first, value) => Math.min(first, value), Infinity) + dayOffset * DAY;
        if (!Number.isFinite(now)) return;
        const figures = weeklyFlowFigures(sample, config, now);
        const month = buildFlowMeasures(sample, { ...config, window: { from: null, to: null, days: 30 } }, { now, seed: 1 });
        const week = buildFlowMeasures(sample, { ...config, window: { from: null, to: null, days: 7 } }, { now, seed: 1 });
        expect(figures.cycleTime.p50).toBe(month.percentiles['50']);
        expect(figures.cycleTime.p85).toBe(month.percentiles['85']);
        expect(figures.wip).toBe(month.generated.inProgress);
        const p85 = month.percentiles['85'] ?? null;
        expect(figures.atRisk.map((item) => item.key).sort()).toEqual(
          month.aging
            .filter((item) => p85 !== null && item.age > p85)
            .map((item) => item.key)
            .sort(),
        );
        expect(figures.throughput.lastWeek).toBe(week.generated.doneInWindow);
        expect(figures.throughput.weekBefore).toBe(week.periodComparison.previous?.throughputPerWeek ?? null);
      }),
      { numRuns: 60 },
    );
  });
});
