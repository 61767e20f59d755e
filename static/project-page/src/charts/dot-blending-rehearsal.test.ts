import { compositeDots } from './dot-compositing';
import { REHEARSED_DOTS, rehearseDotBlending } from './dot-blending-rehearsal';

jest.mock('./dot-compositing', () => {
  const actual = jest.requireActual<typeof import('./dot-compositing')>('./dot-compositing');
  return { ...actual, compositeDots: jest.fn(actual.compositeDots) };
});
const blend = jest.mocked(compositeDots);

describe('the page rehearsing the blending of dots', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    jest.useRealTimers();
    blend.mockClear();
  });

  it('blends its own dots a small batch a step until it has blended enough, and shows nothing', () => {
    rehearseDotBlending();
    // Nothing at once: a step waits for the page's tasks at hand.
    expect(blend).not.toHaveBeenCalled();
    jest.advanceTimersToNextTimer();
    expect(blend).toHaveBeenCalledTimes(1);
    jest.runAllTimers();
    const blended = blend.mock.calls.reduce((dots, [, , , origins]) => dots + origins.length, 0);
    expect(blended).toBe(REHEARSED_DOTS);
    // Each step a small batch on a small canvas.
    for (const [width, height, , origins] of blend.mock.calls) {
      expect(width * height).toBeLessThan(50_000);
      expect(origins.length).toBeLessThanOrEqual(500);
    }
  });

  it('blends few dots beside the canvas every other step, as on the chart of a short period', () => {
    rehearseDotBlending();
    jest.runAllTimers();
    // Few: their pixels (those of the dot it paints that show) half the canvas's at most.
    const shown = (dot: { data: ArrayLike<number> }) => Array.from(dot.data).filter((byte, at) => at % 4 === 3 && byte > 0).length;
    const few = blend.mock.calls.filter(([width, height, dot, origins]) => origins.length * shown(dot) <= (width * height) / 2);
    expect(few.length).toBe(blend.mock.calls.length / 2);
  });

  it('stops where it is when stopped', () => {
    const stop = rehearseDotBlending();
    jest.advanceTimersToNextTimer();
    jest.advanceTimersToNextTimer();
    stop();
    jest.runAllTimers();
    expect(blend).toHaveBeenCalledTimes(2);
  });
});
