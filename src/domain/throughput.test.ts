import { isoDateToDay } from './calendar-day';
import { reportingPeriods } from './reporting-period';
import { dailyThroughput, throughputPerPeriod } from './throughput';
import { boardTimeline, type IssueSketch } from './testing/history-fixture';

const day = (text: string) => isoDateToDay(text)!;
const doneOn = (key: string, date: string): IssueSketch => ({
  key,
  created: '2025-02-20T09:00Z',
  moves: [
    ['2025-02-25T09:00Z', 'In Progress'],
    [`${date}T12:00Z`, 'Done'],
  ],
});

describe('throughput', () => {
  const timeline = boardTimeline(
    [
      doneOn('T-1', '2025-03-06'),
      doneOn('T-2', '2025-03-06'),
      doneOn('T-3', '2025-03-18'),
      doneOn('T-4', '2025-03-01'), // before the window
      { key: 'T-5', created: '2025-02-20T09:00Z', moves: [['2025-02-25T09:00Z', 'In Progress']] }, // not done
      // Done, reopened: not finished now, counts nowhere.
      {
        key: 'T-6',
        created: '2025-02-20T09:00Z',
        moves: [
          ['2025-03-07T09:00Z', 'Done'],
          ['2025-03-08T09:00Z', 'In Progress'],
        ],
      },
    ],
    '2025-03-31T00:00:00Z',
  );
  const window = { from: day('2025-03-05'), to: day('2025-03-20') };

  it('counts items by the period of their done date, with empty periods as zero', () => {
    expect(Array.from(throughputPerPeriod(timeline, reportingPeriods(window, 'week')))).toEqual([2, 0, 1]);
    expect(Array.from(throughputPerPeriod(timeline, reportingPeriods(window, 'week', 'thursday')))).toEqual([2, 0, 1]);
    expect(Array.from(throughputPerPeriod(timeline, reportingPeriods(window, 'month')))).toEqual([3]);
  });

  it('per day', () => {
    expect(Array.from(dailyThroughput(timeline, day('2025-03-05'), day('2025-03-07')))).toEqual([0, 2, 0]);
    expect(Array.from(dailyThroughput(timeline, day('2025-03-01'), day('2025-03-01')))).toEqual([1]);
  });
});
