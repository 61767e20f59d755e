import { createSeededRandom, deriveSeed } from './seeded-random';

describe('seeded random', () => {
  it('repeats its sequence for a seed, and differs between seeds', () => {
    const a = createSeededRandom(1);
    const b = createSeededRandom(1);
    const c = createSeededRandom(2);
    const seqA = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(seqA);
  });

  it('distinguishes seeds beyond 32 bits', () => {
    expect(createSeededRandom(2 ** 40 + 1).next()).not.toBe(createSeededRandom(1).next());
  });

  it('is uniform enough: bucket counts within 5% over 100,000 draws', () => {
    const random = createSeededRandom(42);
    const buckets = new Array<number>(10).fill(0);
    for (let k = 0; k < 100_000; k++) buckets[random.nextInt(10)]!++;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('fillInts gives the same values as nextInt', () => {
    const one = createSeededRandom(7);
    const batch = createSeededRandom(7);
    const out = new Int32Array(50);
    batch.fillInts(out, 13);
    expect(Array.from(out)).toEqual(Array.from({ length: 50 }, () => one.nextInt(13)));
    expect(batch.nextInt(1000)).toBe(one.nextInt(1000));
  });

  it('derives distinct seeds for sub-simulations', () => {
    const seeds = new Set(Array.from({ length: 50 }, (_, k) => deriveSeed(1, k)));
    expect(seeds.size).toBe(50);
    expect(deriveSeed(1, 3)).toBe(deriveSeed(1, 3));
  });

  it('refuses a seed that is not a number', () => {
    expect(() => createSeededRandom(NaN)).toThrow(RangeError);
  });
});
