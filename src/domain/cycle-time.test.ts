import { WorkingDays } from './business-calendar';
import { cycleTimes } from './cycle-time';
import { DurationMeasure } from './duration-unit';
import { boardTimeline, type IssueSketch } from './testing/history-fixture';

const NOW = '2025-03-31T00:00:00Z';
const items: IssueSketch[] = [
  // Tuesday 09:00 to Thursday 17:00: 3 days inclusive, 2 exclusive, 56 hours.
  {
    key: 'C-1',
    created: '2025-03-03T09:00Z',
    moves: [
      ['2025-03-04T09:00Z', 'In Progress'],
      ['2025-03-06T17:00Z', 'Done'],
    ],
  },
  // Started and finished on the same day.
  {
    key: 'C-2',
    created: '2025-03-03T09:00Z',
    moves: [
      ['2025-03-10T09:00Z', 'In Progress'],
      ['2025-03-10T17:00Z', 'Done'],
    ],
  },
  // Started, not done.
  { key: 'C-3', created: '2025-03-03T09:00Z', moves: [['2025-03-12T09:00Z', 'In Progress']] },
  // Never started.
  { key: 'C-4', created: '2025-03-03T09:00Z' },
  // Friday 10:00 to Monday 10:00, over a weekend.
  {
    key: 'C-5',
    created: '2025-03-03T09:00Z',
    moves: [
      ['2025-03-07T10:00Z', 'In Progress'],
      ['2025-03-10T10:00Z', 'Done'],
    ],
  },
  // Across the Berlin daylight-saving switch: 22:30 UTC on the 29th to 22:30 UTC on the 30th.
  {
    key: 'C-6',
    created: '2025-03-03T09:00Z',
    moves: [
      ['2025-03-29T22:30Z', 'In Progress'],
      ['2025-03-30T22:30Z', 'Done'],
    ],
  },
];

const weekdays = new WorkingDays({ workingDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], holidays: [] });

describe('cycle time', () => {
  it('in days, counting both ends (default)', () => {
    expect(Array.from(cycleTimes(boardTimeline(items, NOW), new DurationMeasure('days-inclusive')))).toEqual([3, 1, NaN, NaN, 4, 2]);
  });

  it('in days, excluding the start day', () => {
    expect(Array.from(cycleTimes(boardTimeline(items, NOW), new DurationMeasure('days-exclusive')))).toEqual([2, 0, NaN, NaN, 3, 1]);
  });

  it('in exact hours', () => {
    expect(Array.from(cycleTimes(boardTimeline(items, NOW), new DurationMeasure('hours')))).toEqual([56, 8, NaN, NaN, 72, 24]);
  });

  it('in working days: the weekend between Friday and Monday does not count', () => {
    expect(Array.from(cycleTimes(boardTimeline(items, NOW), new DurationMeasure('days-inclusive', weekdays)))).toEqual([
      3,
      1,
      NaN,
      NaN,
      2,
      1,
    ]);
    expect(Array.from(cycleTimes(boardTimeline(items, NOW), new DurationMeasure('days-exclusive', weekdays)))).toEqual([
      2,
      0,
      NaN,
      NaN,
      1,
      0,
    ]);
  });

  it('in the site time zone: across the DST switch Berlin sees three calendar days, UTC two, both 24 hours', () => {
    const berlin = boardTimeline(items, NOW, { timeZone: 'Europe/Berlin' });
    expect(cycleTimes(berlin, new DurationMeasure('days-inclusive'))[5]).toBe(3);
    expect(cycleTimes(berlin, new DurationMeasure('hours'))[5]).toBe(24);
  });
});
