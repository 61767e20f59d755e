import fc from 'fast-check';
import { isoDateToDay } from './calendar-day';
import { cumulativeFlow } from './cumulative-flow';
import { buildFlowTimeline } from './flow-timeline';
import { wipPerDay } from './work-in-progress';
import { resolveWorkflow } from './workflow';
import { ALL_CONVENTION_VARIANTS, arbitraryBoardHistory, BOARD_WORKFLOW, boardTimeline } from './testing/history-fixture';

const day = (text: string) => isoDateToDay(text)!;

describe('cumulative flow', () => {
  const timeline = boardTimeline(
    [
      {
        key: 'F-1',
        created: '2025-03-03T09:00Z',
        moves: [
          ['2025-03-04T09:00Z', 'In Progress'],
          ['2025-03-05T09:00Z', 'In Review'],
          ['2025-03-06T09:00Z', 'Done'],
        ],
      },
      { key: 'F-2', created: '2025-03-03T09:00Z', moves: [['2025-03-05T09:00Z', 'In Progress']] },
      { key: 'F-3', created: '2025-03-04T09:00Z', moves: [['2025-03-05T09:00Z', 'Done']] }, // skips to done
      { key: 'F-4', created: '2025-03-01T09:00Z', moves: [['2025-03-02T09:00Z', 'In Progress']] }, // before the window
    ],
    '2025-03-31T00:00:00Z',
  );
  const window = { from: day('2025-03-03'), to: day('2025-03-07') };

  it('counts, per day and stage, the items that reached that stage or a later one', () => {
    const cfd = cumulativeFlow(timeline, window);
    expect(cfd.stages).toEqual(['Backlog', 'In Progress', 'Review', 'Done', 'Released']);
    expect(cfd.counts.map((line) => Array.from(line))).toEqual([
      [3, 4, 4, 4, 4],
      [1, 2, 4, 4, 4],
      [0, 0, 2, 2, 2],
      [0, 0, 1, 2, 2],
      [0, 0, 0, 0, 0],
    ]);
  });

  it('the gap between the start and done lines is the WIP', () => {
    const cfd = cumulativeFlow(timeline, window);
    const wip = wipPerDay(timeline, window);
    expect(Array.from(wip)).toEqual([1, 2, 3, 2, 2]);
    wip.forEach((count, d) => expect(cfd.counts[1]![d]! - cfd.counts[3]![d]!).toBe(count));
  });

  it('never decreases, lines never cross, and start − done = WIP, for any history and convention', () => {
    fc.assert(
      fc.property(
        arbitraryBoardHistory(),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 80 }),
        (history, variant, nowOffset) => {
          const now = Date.UTC(2025, 0, 1) + nowOffset * 86_400_000;
          const timeline = buildFlowTimeline(
            history,
            resolveWorkflow(BOARD_WORKFLOW, history.statuses),
            ALL_CONVENTION_VARIANTS[variant]!,
            now,
          );
          const window = { from: day('2024-12-25'), to: timeline.nowDay + 3 };
          const { counts } = cumulativeFlow(timeline, window);
          const wip = wipPerDay(timeline, window);
          for (let d = 0; d < wip.length; d++) {
            for (let k = 0; k < counts.length; k++) {
              if (d > 0) expect(counts[k]![d]).toBeGreaterThanOrEqual(counts[k]![d - 1]!);
              if (k > 0) expect(counts[k]![d]).toBeLessThanOrEqual(counts[k - 1]![d]!);
            }
            expect(counts[1]![d]! - counts[3]![d]!).toBe(wip[d]);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
