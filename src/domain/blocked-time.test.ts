import { blockedTime } from './blocked-time';
import { boardTimeline, HOUR } from './testing/history-fixture';

describe('blocked time', () => {
  it('is the flagged time between start and done (or now)', () => {
    const timeline = boardTimeline(
      [
        {
          key: 'B-1',
          created: '2025-03-01T00:00Z',
          moves: [
            ['2025-03-04T00:00Z', 'In Progress'],
            ['2025-03-08T00:00Z', 'Done'],
          ],
          flags: [
            ['2025-03-02T00:00Z', true], // flagged before work started: only the part after the start counts
            ['2025-03-05T00:00Z', false],
            ['2025-03-06T00:00Z', true],
            ['2025-03-06T12:00Z', false],
            ['2025-03-07T12:00Z', true], // still flagged when done
          ],
        },
        { key: 'B-2', created: '2025-03-01T00:00Z', flags: [['2025-03-02T00:00Z', true]] }, // not started
        {
          key: 'B-3',
          created: '2025-03-01T00:00Z',
          moves: [['2025-03-09T00:00Z', 'In Progress']],
          flags: [
            ['2025-03-09T12:00Z', true],
            ['2025-03-11T00:00Z', false], // after now: not yet known
          ],
        },
        { key: 'B-4', created: '2025-03-01T00:00Z', moves: [['2025-03-09T00:00Z', 'In Progress']] },
      ],
      '2025-03-10T00:00:00Z',
    );
    expect(Array.from(blockedTime(timeline), (ms) => ms / HOUR)).toEqual([48, NaN, 12, 0]);
  });
});
