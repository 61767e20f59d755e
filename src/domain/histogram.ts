/**
 * A histogram of cycle times: how many items took each length of time. Bins are half-open [from, to),
 * aligned to multiples of the bin width, and zero-filled between the smallest and the largest value, so a
 * chart shows gaps as gaps. With day units and width 1 each bin is one whole number of days.
 */

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/** Bins of the finite values. @throws RangeError when binWidth is not positive. */
export function histogram(values: ArrayLike<number>, binWidth: number): HistogramBin[] {
  if (!(binWidth > 0)) throw new RangeError('the bin width must be positive');
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min > max) return [];
  const first = Math.floor(min / binWidth);
  const counts = new Int32Array(Math.floor(max / binWidth) - first + 1);
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    if (Number.isFinite(value)) counts[Math.floor(value / binWidth) - first]!++;
  }
  return Array.from(counts, (count, index) => ({
    from: (first + index) * binWidth,
    to: (first + index + 1) * binWidth,
    count,
  }));
}
