import fc from 'fast-check';
import { percentileOfSorted, percentilesOfSorted, sortedSample } from './percentiles';

const ONE_TO_TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('percentiles', () => {
  it('nearest rank: the value at rank ⌈p·n/100⌉', () => {
    expect(percentilesOfSorted(ONE_TO_TEN, [50, 70, 85, 95], 'nearest-rank').map((p) => p.value)).toEqual([5, 7, 9, 10]);
    expect(percentilesOfSorted([1, 1, 3, 4, 5], [50, 85], 'nearest-rank').map((p) => p.value)).toEqual([3, 5]);
    expect(percentileOfSorted([7], 95, 'nearest-rank')).toBe(7);
    expect(percentileOfSorted(ONE_TO_TEN, 0, 'nearest-rank')).toBe(1);
    expect(percentileOfSorted(ONE_TO_TEN, 100, 'nearest-rank')).toBe(10);
  });

  it('linear: interpolates at (n − 1)·p/100', () => {
    const values = percentilesOfSorted(ONE_TO_TEN, [50, 70, 85, 95], 'linear').map((p) => p.value);
    [5.5, 7.3, 8.65, 9.55].forEach((expected, k) => expect(values[k]).toBeCloseTo(expected, 10));
    expect(percentileOfSorted([1, 1, 3, 4, 5], 85, 'linear')).toBeCloseTo(4.4, 10);
    expect(percentileOfSorted(ONE_TO_TEN, 100, 'linear')).toBe(10);
  });

  it('are undefined for an empty sample and refuse p outside 0..100', () => {
    expect(percentileOfSorted([], 50, 'nearest-rank')).toBeNaN();
    expect(() => percentileOfSorted([1], 101, 'linear')).toThrow(RangeError);
  });

  it('sortedSample keeps finite values of the picked items, ascending', () => {
    expect(Array.from(sortedSample([5, NaN, 1, 3]))).toEqual([1, 3, 5]);
    expect(Array.from(sortedSample([5, NaN, 1, 3], [0, 1, 3]))).toEqual([3, 5]);
  });

  it('are monotone in p, and a nearest-rank percentile is a value with at least p% at or below it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 200 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 6 }),
        (values, ps) => {
          const sorted = Float64Array.from(values).sort();
          const ascending = [...ps].sort((a, b) => a - b);
          for (const method of ['nearest-rank', 'linear'] as const) {
            const results = ascending.map((p) => percentileOfSorted(sorted, p, method));
            for (let k = 1; k < results.length; k++) expect(results[k]).toBeGreaterThanOrEqual(results[k - 1]!);
          }
          for (const p of ascending) {
            const value = percentileOfSorted(sorted, p, 'nearest-rank');
            expect(values).toContain(value);
            expect(values.filter((v) => v <= value).length).toBeGreaterThanOrEqual((p / 100) * values.length - 1e-9);
          }
        },
      ),
    );
  });
});
