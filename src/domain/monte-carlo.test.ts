import fc from 'fast-check';
import { howManyTable, outcomeDistribution, simulateHowMany, simulateWhen, whenTable } from './monte-carlo';

describe('Monte Carlo forecasts', () => {
  it('with a constant throughput every future is the same', () => {
    const totals = simulateHowMany([2, 2, 2], 14, { seed: 1 });
    expect(totals).toHaveLength(10_000);
    expect(new Set(totals)).toEqual(new Set([28]));
    expect(howManyTable(totals)).toEqual([
      { confidence: 50, items: 28 },
      { confidence: 70, items: 28 },
      { confidence: 85, items: 28 },
      { confidence: 95, items: 28 },
    ]);
    expect(whenTable(simulateWhen([2, 2, 2], 9, { seed: 1 }))).toEqual([
      { confidence: 50, days: 5 },
      { confidence: 70, days: 5 },
      { confidence: 85, days: 5 },
      { confidence: 95, days: 5 },
    ]);
  });

  it('"how many": at confidence c, the largest n that at least c% of futures reached', () => {
    // Ten futures delivering 1..10 items: 9 of 10 delivered at least 2, 7 of 10 at least 4, 5 of 10 at least 6.
    expect(howManyTable([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([
      { confidence: 50, items: 6 },
      { confidence: 70, items: 4 },
      { confidence: 85, items: 2 },
      { confidence: 95, items: 1 },
    ]);
  });

  it('"when": at confidence c, the earliest day by which at least c% of futures finished', () => {
    expect(whenTable([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([
      { confidence: 50, days: 5 },
      { confidence: 70, days: 7 },
      { confidence: 85, days: 9 },
      { confidence: 95, days: 10 },
    ]);
    // Beyond the horizon: no date.
    expect(whenTable([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [50, 85], 8)).toEqual([
      { confidence: 50, days: 5 },
      { confidence: 85, days: null },
    ]);
  });

  it('matches the binomial distribution for a coin-flip team (0 or 1 item a day)', () => {
    // 100 days of Bernoulli(0.5): mean 50, sd 5. At 85%: about 50 − 1.04·5 ≈ 44.8.
    const table = howManyTable(simulateHowMany([0, 1], 100, { seed: 3 }));
    expect(table[0]!.items).toBeGreaterThanOrEqual(49);
    expect(table[0]!.items).toBeLessThanOrEqual(51);
    expect(table[2]!.items).toBeGreaterThanOrEqual(43);
    expect(table[2]!.items).toBeLessThanOrEqual(46);
    // Finishing 50 items at one per two days takes about 100 days; higher confidence, later.
    const when = whenTable(simulateWhen([0, 1], 50, { seed: 3 }));
    expect(when[0]!.days).toBeGreaterThanOrEqual(96);
    expect(when[0]!.days).toBeLessThanOrEqual(104);
    expect(when[3]!.days!).toBeGreaterThan(when[0]!.days!);
  });

  it('a team that never finishes anything gets no date', () => {
    expect(whenTable(simulateWhen([0, 0, 0], 5, { seed: 1 }))).toEqual([50, 70, 85, 95].map((confidence) => ({ confidence, days: null })));
    expect(howManyTable(simulateHowMany([0], 10, { seed: 1 }))[0]).toEqual({ confidence: 50, items: 0 });
  });

  it('refuses to forecast without history', () => {
    expect(() => simulateHowMany([], 10, { seed: 1 })).toThrow('at least one day');
    expect(() => simulateWhen([1, -1], 10, { seed: 1 })).toThrow('non-negative');
  });

  it('is reproducible for a seed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 30 }),
        (samples, seed, horizon) => {
          const options = { seed, trials: 1000 };
          expect(simulateHowMany(samples, horizon, options)).toEqual(simulateHowMany(samples, horizon, options));
          expect(simulateWhen(samples, horizon * 2, options)).toEqual(simulateWhen(samples, horizon * 2, options));
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('the distribution of simulated outcomes', () => {
  it('counts the trials of each outcome, every outcome between the lowest and the highest included', () => {
    expect(outcomeDistribution([3, 3, 5, 6, 6, 6])).toEqual([
      { from: 3, to: 4, trials: 2 },
      { from: 4, to: 5, trials: 0 },
      { from: 5, to: 6, trials: 1 },
      { from: 6, to: 7, trials: 3 },
    ]);
    expect(outcomeDistribution([])).toEqual([]);
  });

  it('groups a wide spread into bins of a round width, aligned to its multiples', () => {
    // 0..99 in at most 10 bins: ten bins of 10.
    const bins = outcomeDistribution(
      Array.from({ length: 100 }, (_, k) => k),
      10,
    );
    expect(bins.map((bin) => bin.from)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(bins.every((bin) => bin.trials === 10)).toBe(true);
    // 7..130 in at most 10 bins: 124 outcomes need bins of 20 (10 wide would take 13), from 0 to 140.
    const wide = outcomeDistribution([7, 130], 10);
    expect(wide.map((bin) => [bin.from, bin.to])).toEqual([0, 20, 40, 60, 80, 100, 120].map((from) => [from, from + 20]));
  });

  it('keeps every trial, in at most the bins asked for', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 60 }),
        (outcomes, maxBins) => {
          const sorted = Int32Array.from(outcomes).sort();
          const bins = outcomeDistribution(sorted, maxBins);
          expect(bins.length).toBeLessThanOrEqual(maxBins);
          expect(bins.reduce((sum, bin) => sum + bin.trials, 0)).toBe(outcomes.length);
          expect(bins[0]!.from).toBeLessThanOrEqual(sorted[0]!);
          expect(bins.at(-1)!.to).toBeGreaterThan(sorted.at(-1)!);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses a distribution of no bins', () => {
    expect(() => outcomeDistribution([1], 0)).toThrow('at least one bin');
  });
});
