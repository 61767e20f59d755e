import { timeInStatus } from './time-in-status';
import { boardTimeline, HOUR } from './testing/history-fixture';

describe('time in status', () => {
  it('sums each status over every visit, until done or now', () => {
    const timeline = boardTimeline(
      [
        {
          key: 'T-1',
          created: '2025-03-03T00:00Z',
          moves: [
            ['2025-03-04T00:00Z', 'In Progress'],
            ['2025-03-05T12:00Z', 'In Review'],
            ['2025-03-06T00:00Z', 'In Progress'],
            ['2025-03-07T00:00Z', 'Done'],
          ],
        },
        { key: 'T-2', created: '2025-03-08T00:00Z', moves: [['2025-03-09T00:00Z', 'In Progress']] },
        { key: 'T-3', created: '2025-03-11T00:00Z' }, // created after now
        { key: 'T-4', created: '2025-03-09T00:00Z', moves: [['2025-03-09T00:00Z', 'In Progress'], ['2025-03-11T00:00Z', 'Done']] },
      ],
      '2025-03-10T00:00:00Z',
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
