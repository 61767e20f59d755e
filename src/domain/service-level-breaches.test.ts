import fc from 'fast-check';
import { DEFAULT_FLOW_CONFIG, type FlowConfig } from './flow-config';
import { buildFlowMeasures } from './flow-report';
import { serviceLevelBreaches } from './service-level-breaches';
import { arbitraryBoardHistory, at, BOARD_WORKFLOW, boardHistory, DAY, type IssueSketch } from './testing/history-fixture';

const config: FlowConfig = { ...DEFAULT_FLOW_CONFIG, workflow: BOARD_WORKFLOW };
const NOW = at('2025-03-15T12:00:00Z');

function item(key: string, started: string, done?: string, review?: string): IssueSketch {
  const moves: IssueSketch['moves'] = [[`${started}T10:00Z`, 'In Progress']];
  if (review !== undefined) moves.push([`${review}T10:00Z`, 'In Review']);
  if (done !== undefined) moves.push([`${done}T10:00Z`, 'Done']);
  return { key, created: '2025-01-01T08:00Z', moves };
}

describe('the items past the service-level expectation', () => {
  // Finished: 3, 5, 5, 6 and 9 days (inclusive days). Nearest-rank 85th percentile of 5 items: the 5th, 9 days.
  const finished = [
    item('F-1', '2025-03-01', '2025-03-03'),
    item('F-2', '2025-03-01', '2025-03-05'),
    item('F-3', '2025-03-02', '2025-03-06'),
    item('F-4', '2025-03-02', '2025-03-07'),
    item('F-5', '2025-03-02', '2025-03-10'),
  ];

  it('names each in-progress item older than the SLE, with its stage and age, oldest first', () => {
    const watch = serviceLevelBreaches(
      boardHistory([
        ...finished,
        item('W-1', '2025-03-05', undefined, '2025-03-12'), // 11 days, in Review
        item('W-2', '2025-03-07'), // 9 days: exactly the SLE, still within it
        item('W-3', '2025-03-01'), // 15 days
        item('W-4', '2025-03-14'), // 2 days
      ]),
      config,
      NOW,
    );
    expect(watch.serviceLevel).toEqual({ percentile: 85, value: 9, unit: 'days-inclusive' });
    expect(watch.breaches).toEqual([
      { key: 'W-3', stage: 'In Progress', age: 15, startedAt: at('2025-03-01T10:00Z') },
      { key: 'W-1', stage: 'Review', age: 11, startedAt: at('2025-03-05T10:00Z') },
    ]);
    expect([...watch.inProgress.entries()].sort()).toEqual([
      ['W-1', at('2025-03-05T10:00Z')],
      ['W-2', at('2025-03-07T10:00Z')],
      ['W-3', at('2025-03-01T10:00Z')],
      ['W-4', at('2025-03-14T10:00Z')],
    ]);
  });

  it('calls nothing a breach when nothing has finished: there is no expectation yet', () => {
    const watch = serviceLevelBreaches(boardHistory([item('W-1', '2025-01-02')]), config, NOW);
    expect(watch.serviceLevel.value).toBeNull();
    expect(watch.breaches).toEqual([]);
    expect(watch.inProgress.size).toBe(1);
  });

  it('agrees with the project page: its SLE and its aging items beyond it, whatever the history', () => {
    fc.assert(
      fc.property(arbitraryBoardHistory(), fc.integer({ min: 0, max: 70 }), (sample, dayOffset) => {
        const now = sample.created.reduce((first, value) => Math.min(first, value), Infinity) + dayOffset * DAY;
        if (!Number.isFinite(now)) return;
        const watch = serviceLevelBreaches(sample, config, now);
        const page = buildFlowMeasures(sample, config, { now, seed: 1 });
        expect(watch.serviceLevel.value).toBe(page.serviceLevelExpectation.value);
        const sle = page.serviceLevelExpectation.value;
        const expected = page.aging.filter((aged) => sle !== null && aged.age > sle).map((aged) => `${aged.key} ${aged.stage}`);
        expect(watch.breaches.map((breach) => `${breach.key} ${breach.stage}`).sort()).toEqual(expected.sort());
        expect(watch.inProgress.size).toBe(page.generated.inProgress);
      }),
      { numRuns: 60 },
    );
  });
});
