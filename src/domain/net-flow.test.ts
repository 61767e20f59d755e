import { isoDateToDay } from './calendar-day';
import { netFlow } from './net-flow';
import { reportingPeriods } from './reporting-period';
import { boardTimeline } from './testing/history-fixture';

const day = (text: string) => isoDateToDay(text)!;

describe('net flow', () => {
  it('arrivals are items started in the period, departures items done in it', () => {
    const timeline = boardTimeline(
      [
        {
          key: 'N-1',
          created: '2025-03-01T09:00Z',
          moves: [
            ['2025-03-03T09:00Z', 'In Progress'],
            ['2025-03-11T09:00Z', 'Done'],
          ],
        },
        { key: 'N-2', created: '2025-03-01T09:00Z', moves: [['2025-03-04T09:00Z', 'In Review']] }, // skipped start
        { key: 'N-3', created: '2025-03-01T09:00Z' }, // created, never started: not an arrival
        {
          key: 'N-4',
          created: '2025-03-01T09:00Z',
          moves: [
            ['2025-03-12T09:00Z', 'In Progress'],
            ['2025-03-12T10:00Z', 'Done'],
          ],
        },
      ],
      '2025-03-31T00:00:00Z',
    );
    const flow = netFlow(timeline, reportingPeriods({ from: day('2025-03-03'), to: day('2025-03-16') }, 'week'));
    expect(Array.from(flow.arrivals)).toEqual([2, 1]);
    expect(Array.from(flow.departures)).toEqual([0, 2]);
  });
});
