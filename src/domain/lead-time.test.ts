import { DurationMeasure } from './duration-unit';
import { leadTimes } from './lead-time';
import { boardTimeline } from './testing/history-fixture';

describe('lead time', () => {
  it('runs from creation to done, including the wait before work started', () => {
    const timeline = boardTimeline(
      [
        {
          key: 'L-1',
          created: '2025-03-03T09:00Z',
          moves: [
            ['2025-03-04T09:00Z', 'In Progress'],
            ['2025-03-06T17:00Z', 'Done'],
          ],
        },
        { key: 'L-2', created: '2025-03-03T09:00Z', moves: [['2025-03-04T09:00Z', 'In Progress']] },
        { key: 'L-3', created: '2025-03-05T08:00Z', moves: [['2025-03-05T18:00Z', 'Done']] },
      ],
      '2025-03-31T00:00:00Z',
    );
    expect(Array.from(leadTimes(timeline, new DurationMeasure('days-inclusive')))).toEqual([4, NaN, 1]);
    expect(Array.from(leadTimes(timeline, new DurationMeasure('days-exclusive')))).toEqual([3, NaN, 0]);
    expect(Array.from(leadTimes(timeline, new DurationMeasure('hours')))).toEqual([80, NaN, 10]);
  });
});
