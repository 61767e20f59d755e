import { DurationMeasure } from './duration-unit';
import { percentileBand, workItemAges } from './work-item-age';
import { boardTimeline } from './testing/history-fixture';

describe('work item age', () => {
  const timeline = boardTimeline(
    [
      { key: 'G-1', created: '2025-02-20T09:00Z', moves: [['2025-03-01T09:00Z', 'In Progress']] },
      { key: 'G-2', created: '2025-02-20T09:00Z', moves: [['2025-03-08T09:00Z', 'In Review']] },
      { key: 'G-3', created: '2025-02-20T09:00Z', moves: [['2025-03-10T08:00Z', 'In Progress']] },
      {
        key: 'G-4',
        created: '2025-02-20T09:00Z',
        moves: [
          ['2025-03-01T09:00Z', 'In Progress'],
          ['2025-03-02T09:00Z', 'Done'],
        ],
      }, // done
      { key: 'G-5', created: '2025-02-20T09:00Z' }, // not started
    ],
    '2025-03-10T12:00:00Z',
  );

  it('is measured for items in progress, like a cycle time ending now, oldest first', () => {
    const ages = workItemAges(timeline, new DurationMeasure('days-inclusive'));
    expect(Array.from(ages.items)).toEqual([0, 1, 2]);
    expect(Array.from(ages.ages)).toEqual([10, 3, 1]);
    expect(Array.from(workItemAges(timeline, new DurationMeasure('hours')).ages)).toEqual([219, 51, 4]);
  });

  it('names the highest cycle-time percentile an age has exceeded', () => {
    const percentiles = [
      { percentile: 50, value: 2 },
      { percentile: 70, value: 4 },
      { percentile: 85, value: 6 },
      { percentile: 95, value: 9 },
    ];
    expect(percentileBand(10, percentiles)).toBe(95);
    expect(percentileBand(3, percentiles)).toBe(50);
    expect(percentileBand(4, percentiles)).toBe(50); // reaching the 70th percentile exactly is still within it
    expect(percentileBand(1, percentiles)).toBeNull();
    expect(percentileBand(5, [])).toBeNull();
  });
});
