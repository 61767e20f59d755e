import { histogram } from './histogram';

describe('histogram', () => {
  it('counts whole days per bin, zero-filled between the extremes', () => {
    expect(histogram([1, 1, 4, 2, NaN], 1)).toEqual([
      { from: 1, to: 2, count: 2 },
      { from: 2, to: 3, count: 1 },
      { from: 3, to: 4, count: 0 },
      { from: 4, to: 5, count: 1 },
    ]);
  });

  it('groups hours into wider bins aligned to multiples of the width', () => {
    expect(histogram([5, 30, 49, 47.9], 24)).toEqual([
      { from: 0, to: 24, count: 1 },
      { from: 24, to: 48, count: 2 },
      { from: 48, to: 72, count: 1 },
    ]);
  });

  it('is empty without values and refuses a bad width', () => {
    expect(histogram([], 1)).toEqual([]);
    expect(() => histogram([1], 0)).toThrow(RangeError);
  });
});
