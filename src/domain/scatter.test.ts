import { dayToIsoDate } from './calendar-day';
import { cycleTimes } from './cycle-time';
import { DurationMeasure } from './duration-unit';
import { itemsDoneIn } from './report-window';
import { cycleTimeScatter } from './scatter';
import { boardTimeline } from './testing/history-fixture';
import { isoDateToDay } from './calendar-day';

describe('cycle-time scatter', () => {
  it('has one point per item done in the window, in the order they finished', () => {
    const timeline = boardTimeline(
      [
        {
          key: 'S-1',
          created: '2025-03-03T09:00Z',
          moves: [
            ['2025-03-04T09:00Z', 'In Progress'],
            ['2025-03-10T09:00Z', 'Done'],
          ],
        },
        {
          key: 'S-2',
          created: '2025-03-03T09:00Z',
          moves: [
            ['2025-03-05T09:00Z', 'In Progress'],
            ['2025-03-06T09:00Z', 'Done'],
          ],
        },
        { key: 'S-3', created: '2025-03-03T09:00Z', moves: [['2025-03-05T09:00Z', 'In Progress']] },
        {
          key: 'S-4',
          created: '2025-03-03T09:00Z',
          moves: [
            ['2025-03-05T09:00Z', 'In Progress'],
            ['2025-03-10T08:00Z', 'Done'],
          ],
        },
      ],
      '2025-03-31T00:00:00Z',
    );
    const cycle = cycleTimes(timeline, new DurationMeasure('days-inclusive'));
    const done = itemsDoneIn(timeline, { from: isoDateToDay('2025-03-01')!, to: isoDateToDay('2025-03-31')! });
    expect(cycleTimeScatter(timeline, cycle, done).map((p) => [p.key, dayToIsoDate(p.doneDay), p.value])).toEqual([
      ['S-2', '2025-03-06', 2],
      ['S-4', '2025-03-10', 6],
      ['S-1', '2025-03-10', 7],
    ]);
  });
});
