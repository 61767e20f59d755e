import fc from 'fast-check';
import { isoDateToDay, NO_DAY } from './calendar-day';
import { cycleTimes } from './cycle-time';
import { CompactHistoryBuilder } from './compact-history';
import { DEFAULT_CONVENTIONS } from './conventions';
import { DurationMeasure } from './duration-unit';
import { buildFlowTimeline } from './flow-timeline';
import { itemsDoneIn } from './report-window';
import { createSeededRandom } from './seeded-random';
import { wipPerDay } from './work-in-progress';
import { defaultWorkflow, resolveWorkflow } from './workflow';
import { ALL_CONVENTION_VARIANTS, arbitraryBoardHistory, BOARD_WORKFLOW, boardTimeline, DAY } from './testing/history-fixture';

const day = (text: string) => isoDateToDay(text)!;

describe('work in progress', () => {
  it('counts items started and not done at the end of each day', () => {
    const timeline = boardTimeline(
      [
        {
          key: 'W-1',
          created: '2025-03-01T09:00Z',
          moves: [
            ['2025-03-04T09:00Z', 'In Progress'],
            ['2025-03-06T09:00Z', 'Done'],
          ],
        },
        { key: 'W-2', created: '2025-03-01T09:00Z', moves: [['2025-03-05T09:00Z', 'In Progress']] },
        // Started and done on the same day: not in progress at the end of it.
        {
          key: 'W-3',
          created: '2025-03-01T09:00Z',
          moves: [
            ['2025-03-05T09:00Z', 'In Progress'],
            ['2025-03-05T15:00Z', 'Done'],
          ],
        },
        // Started before the window.
        {
          key: 'W-4',
          created: '2025-03-01T09:00Z',
          moves: [
            ['2025-03-01T10:00Z', 'In Progress'],
            ['2025-03-05T09:00Z', 'Done'],
          ],
        },
        { key: 'W-5', created: '2025-03-01T09:00Z' },
      ],
      '2025-03-31T00:00:00Z',
    );
    expect(Array.from(wipPerDay(timeline, { from: day('2025-03-03'), to: day('2025-03-07') }))).toEqual([1, 2, 2, 1, 1]);
  });

  it('equals items started minus items done by the end of each day, under every convention', () => {
    fc.assert(
      fc.property(arbitraryBoardHistory(), fc.integer({ min: 0, max: 3 }), (history, variant) => {
        const conventions = ALL_CONVENTION_VARIANTS[variant]!;
        const now = Date.UTC(2025, 2, 15);
        const timeline = buildFlowTimeline(history, resolveWorkflow(BOARD_WORKFLOW, history.statuses), conventions, now);
        const window = { from: day('2024-12-20'), to: timeline.nowDay };
        const wip = wipPerDay(timeline, window);
        for (let d = window.from; d <= window.to; d++) {
          let started = 0;
          let done = 0;
          for (let i = 0; i < timeline.itemCount; i++) {
            if (timeline.startDay[i] !== NO_DAY && timeline.startDay[i]! <= d) started++;
            if (timeline.doneDay[i] !== NO_DAY && timeline.doneDay[i]! <= d) done++;
          }
          expect(wip[d - window.from]).toBe(started - done);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("satisfies Little's law on a stable simulated flow: average WIP ≈ throughput × average cycle time", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.double({ min: 2, max: 8, noNaN: true }), // arrivals per day
        fc.double({ min: 2, max: 12, noNaN: true }), // mean cycle time in days
        (seed, arrivalsPerDay, meanCycleDays) => {
          // Items start at random instants at a steady rate for 400 days and finish after an exponential time.
          const random = createSeededRandom(seed);
          const builder = new CompactHistoryBuilder();
          const todo = builder.status({ id: '1', name: 'To Do', category: 'new' });
          const doing = builder.status({ id: '2', name: 'In Progress', category: 'indeterminate' });
          const done = builder.status({ id: '3', name: 'Done', category: 'done' });
          const base = Date.UTC(2024, 0, 1);
          const items = Math.round(400 * arrivalsPerDay);
          for (let i = 0; i < items; i++) {
            const start = base + random.next() * 400 * DAY;
            const finish = start + -Math.log(1 - random.next()) * meanCycleDays * DAY;
            builder.addIssue({
              id: String(i),
              key: `L-${i}`,
              type: 'Story',
              created: start,
              resolved: null,
              initialStatus: todo,
              transitions: [
                { at: start, status: doing },
                { at: finish, status: done },
              ],
            });
          }
          const history = builder.build();
          const workflow = resolveWorkflow(defaultWorkflow(history.statuses), history.statuses);
          const timeline = buildFlowTimeline(history, workflow, DEFAULT_CONVENTIONS, base + 500 * DAY);
          // A window well inside the steady state.
          const window = { from: timeline.zone.dayOf(base) + 100, to: timeline.zone.dayOf(base) + 300 };
          const wip = wipPerDay(timeline, window);
          const averageWip = wip.reduce((sum, count) => sum + count, 0) / wip.length;
          const finished = itemsDoneIn(timeline, window);
          const throughput = finished.length / wip.length;
          const cycle = cycleTimes(timeline, new DurationMeasure('days-exclusive'));
          const averageCycle = finished.reduce((sum, item) => sum + cycle[item]!, 0) / finished.length;
          expect(Math.abs(averageWip - throughput * averageCycle) / averageWip).toBeLessThan(0.15);
        },
      ),
      { numRuns: 15 },
    );
  });
});
