import { dayToIsoDate, isoDateToDay } from './calendar-day';
import { defaultWindow, itemsDoneIn, resolveWindow, windowLength } from './report-window';
import { boardTimeline } from './testing/history-fixture';

const day = (text: string) => isoDateToDay(text)!;

describe('report window', () => {
  const timeline = boardTimeline(
    [
      { key: 'R-1', created: '2025-03-03T09:00Z', moves: [['2025-03-04T09:00Z', 'Done']] },
      { key: 'R-2', created: '2025-02-10T09:00Z', moves: [['2025-03-04T08:00Z', 'Done']] },
      { key: 'R-3', created: '2025-03-03T09:00Z', moves: [['2025-03-20T09:00Z', 'Done']] },
      { key: 'R-4', created: '2025-04-03T09:00Z' }, // after now: ignored
    ],
    '2025-03-31T12:00:00Z',
  );

  it('defaults to the first creation day up to the day of now', () => {
    const window = defaultWindow(timeline);
    expect([dayToIsoDate(window.from), dayToIsoDate(window.to)]).toEqual(['2025-02-10', '2025-03-31']);
    expect(windowLength(window)).toBe(50);
  });

  it('resolves configured bounds', () => {
    const fixed = resolveWindow({ from: '2025-03-01', to: '2025-03-10', days: null }, timeline);
    expect(fixed).toEqual({ from: day('2025-03-01'), to: day('2025-03-10') });
    expect(resolveWindow({ from: null, to: null, days: 7 }, timeline)).toEqual({ from: day('2025-03-25'), to: day('2025-03-31') });
    expect(resolveWindow({ from: null, to: null, days: null }, timeline)).toEqual(defaultWindow(timeline));
  });

  it('lists items done in the window in the order they finished', () => {
    expect(Array.from(itemsDoneIn(timeline, { from: day('2025-03-01'), to: day('2025-03-31') }))).toEqual([1, 0, 2]);
    expect(Array.from(itemsDoneIn(timeline, { from: day('2025-03-05'), to: day('2025-03-31') }))).toEqual([2]);
  });
});
