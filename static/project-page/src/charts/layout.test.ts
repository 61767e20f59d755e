import { labelIndices, roundLabelIndices } from './layout';

describe('the labelled positions along an axis', () => {
  it('are equally far apart: one whole step throughout', () => {
    for (const [length, count] of [
      [79, 6],
      [84, 6],
      [12, 5],
      [31, 4],
      [365, 6],
    ] as const) {
      const indices = labelIndices(length, count);
      expect(indices[0]).toBe(0);
      expect(indices.length).toBeLessThanOrEqual(count);
      expect(indices.at(-1)).toBeLessThan(length);
      const steps = new Set(indices.slice(1).map((index, k) => index - indices[k]!));
      expect(steps.size).toBe(1);
    }
    expect(labelIndices(79, 6)).toEqual([0, 16, 32, 48, 64]);
  });

  it('label every position when all fit', () => {
    expect(labelIndices(4, 6)).toEqual([0, 1, 2, 3]);
    expect(labelIndices(0)).toEqual([]);
  });

  it('fall on round numbers for counts', () => {
    expect(
      roundLabelIndices(
        Array.from({ length: 41 }, (_, i) => i),
        6,
      ),
    ).toEqual([0, 10, 20, 30, 40]);
  });
});
