import { reportScatterDots } from './report-scatter-dots';

describe("a report's scatterplot dots", () => {
  const keys = ['F-1', 'F-2', 'F-3', 'F-4', 'F-5', 'F-6', 'F-7'];
  const columns = {
    keys,
    // In the report's order: by day, then by the instant each item finished; rows name the items' keys.
    row: Int32Array.from([6, 2, 0, 4, 1, 3, 5]),
    day: Int32Array.from([100, 100, 100, 100, 103, 107, 107]),
    cycleTime: Float64Array.from([12, 3, 0.5, 3, 40, 2, 1.25]),
  };

  it('are read from their columns in their order, each named by the key of its row', () => {
    const dots = reportScatterDots(columns, () => '');
    expect(dots.map(({ key, x, y }) => [key, x, y])).toEqual([
      ['F-7', 100, 12],
      ['F-3', 100, 3],
      ['F-1', 100, 0.5],
      ['F-5', 100, 3],
      ['F-2', 103, 40],
      ['F-4', 107, 2],
      ['F-6', 107, 1.25],
    ]);
  });

  it('are described only when read', () => {
    const describe = jest.fn((dot: { key: string; x: number; y: number }) => `${dot.key} on day ${dot.x}: ${dot.y}`);
    const dots = reportScatterDots(columns, describe);
    expect(describe).not.toHaveBeenCalled();
    expect(dots[4]!.title).toBe('F-2 on day 103: 40');
  });

  it('are none for empty columns', () => {
    expect(reportScatterDots({ keys, row: new Int32Array(0), day: new Int32Array(0), cycleTime: new Float64Array(0) }, () => '')).toEqual(
      [],
    );
  });
});
