import { keptScatterDots } from './kept-scatter-dots';

describe("the scatterplot's dots kept with the Overview", () => {
  const columns = {
    // In the report's order: by day, then by the instant each item finished.
    day: Int32Array.from([100, 100, 100, 103, 107, 107]),
    cycleTime: Float64Array.from([12, 0.5, 3, 40, 2, 1.25]),
  };

  it('are read from their columns in the order the chart draws them: by day, then by cycle time', () => {
    const dots = keptScatterDots(columns, () => '');
    expect(dots.map(({ x, y }) => [x, y])).toEqual([
      [100, 0.5],
      [100, 3],
      [100, 12],
      [103, 40],
      [107, 1.25],
      [107, 2],
    ]);
    // No item: the chart orders dots at one place by key, and those look alike.
    expect(new Set(dots.map((dot) => dot.key))).toEqual(new Set(['']));
  });

  it('are described only when read, from their day and cycle time', () => {
    const describe = jest.fn((day: number, cycleTime: number) => `day ${day}, ${cycleTime}`);
    const dots = keptScatterDots(columns, describe);
    expect(describe).not.toHaveBeenCalled();
    expect(dots[3]!.title).toBe('day 103, 40');
  });

  it('are none for empty columns', () => {
    expect(keptScatterDots({ day: new Int32Array(0), cycleTime: new Float64Array(0) }, () => '')).toEqual([]);
  });
});
