import { timeInStatus } from './time-in-status';
import { boardTimeline, HOUR, REWORK_ISSUES, REWORK_NOW } from './testing/history-fixture';

describe('time in status', () => {
  it('sums each status over every visit, until done or now', () => {
    // T-4 moves on the day it is created, and is done only after now.
    const timeline = boardTimeline(
      [
        ...REWORK_ISSUES,
        {
          key: 'T-4',
          created: '2025-03-09T00:00Z',
          moves: [
            ['2025-03-09T00:00Z', 'In Progress'],
            ['2025-03-11T00:00Z', 'Done'],
          ],
        },
      ],
      REWORK_NOW,
    );
    const result = timeInStatus(timeline);
    const names = timeline.history.statuses.map((s) => s.name);
    const of = (item: number) =>
      Array.from({ length: result.offsets[item + 1]! - result.offsets[item]! }, (_, k) => {
        const e = result.offsets[item]! + k;
        return [names[result.status[e]!], result.ms[e]! / HOUR];
      });
    expect(of(0)).toEqual([
      ['To Do', 24],
      ['In Progress', 60],
      ['In Review', 12],
    ]);
    expect(of(1)).toEqual([
      ['To Do', 24],
      ['In Progress', 24],
    ]);
    expect(of(2)).toEqual([]);
    expect(of(3)).toEqual([
      ['To Do', 0],
      ['In Progress', 24],
    ]);
  });
});
