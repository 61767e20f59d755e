/**
 * Monte Carlo forecasts from sampled daily throughput.
 *
 * The team's recent history is the model: each simulated future day takes the throughput of a day picked at
 * random from the sampling window (zero days included: they happen). Thousands of such futures (10,000 by
 * default, never fewer for reports) give a distribution that already contains the team's variability,
 * holidays and bursts, with no assumption about its shape.
 *
 * Two questions, each answered as a table of confidence levels:
 * - "How many items by date D?": at confidence c, the largest number of items that at least c% of the
 *   simulated futures delivered. Higher confidence, fewer items.
 * - "When will N items be done?": at confidence c, the earliest day by which at least c% of the futures had
 *   finished N items. Higher confidence, later date.
 *
 * Simulated days start the day after `now` (today is already partly gone and its finished items counted).
 * The simulation is deterministic for a given seed (`seeded-random.ts`).
 */
import { createSeededRandom } from './seeded-random';

export const DEFAULT_TRIALS = 10_000;
export const DEFAULT_CONFIDENCES: readonly number[] = Object.freeze([50, 70, 85, 95]);
/** "When" simulations give up after ten years: such a forecast says "not within ten years", not a date. */
export const DEFAULT_MAX_FORECAST_DAYS = 3650;

export interface SimulationOptions {
  trials?: number;
  seed: number;
}

function checkSamples(samples: ArrayLike<number>): void {
  if (samples.length === 0) throw new RangeError('a forecast needs at least one day of throughput history');
  for (let k = 0; k < samples.length; k++) {
    if (!(samples[k]! >= 0)) throw new RangeError('daily throughput samples must be non-negative numbers');
  }
}

/** Draws per batch: large enough to amortise the generator call, small enough to stay in cache. */
const BATCH = 4096;

/** Items delivered in each trial over `days` days; ascending. */
export function simulateHowMany(samples: ArrayLike<number>, days: number, options: SimulationOptions): Int32Array {
  checkSamples(samples);
  const trials = options.trials ?? DEFAULT_TRIALS;
  const random = createSeededRandom(options.seed);
  const totals = new Int32Array(trials);
  const size = samples.length;
  const picks = new Int32Array(Math.max(1, Math.min(days, BATCH)));
  for (let t = 0; t < trials; t++) {
    let total = 0;
    for (let remaining = days; remaining > 0; remaining -= picks.length) {
      const count = Math.min(remaining, picks.length);
      random.fillInts(picks, size, count);
      for (let k = 0; k < count; k++) total += samples[picks[k]!]!;
    }
    totals[t] = total;
  }
  return totals.sort();
}

/**
 * Days needed in each trial to finish `items` items; ascending. A trial that has not finished within
 * `maxDays` records `maxDays + 1`.
 */
export function simulateWhen(samples: ArrayLike<number>, items: number, options: SimulationOptions & { maxDays?: number }): Int32Array {
  checkSamples(samples);
  const trials = options.trials ?? DEFAULT_TRIALS;
  const maxDays = options.maxDays ?? DEFAULT_MAX_FORECAST_DAYS;
  const days = new Int32Array(trials);
  if (items <= 0) return days;
  let sum = 0;
  for (let k = 0; k < samples.length; k++) sum += samples[k]!;
  if (sum === 0) return days.fill(maxDays + 1); // nothing was ever finished: no date can be promised
  const random = createSeededRandom(options.seed);
  const size = samples.length;
  const picks = new Int32Array(BATCH);
  let next = BATCH;
  for (let t = 0; t < trials; t++) {
    let done = 0;
    let day = 0;
    while (done < items && day <= maxDays) {
      if (next === BATCH) {
        random.fillInts(picks, size);
        next = 0;
      }
      done += samples[picks[next++]!]!;
      day++;
    }
    days[t] = done >= items ? day : maxDays + 1;
  }
  return days.sort();
}

export interface HowManyRow {
  confidence: number;
  items: number;
}

/** At confidence c: the largest n that at least c% of trials reached or beat. */
export function howManyTable(sortedTotals: ArrayLike<number>, confidences: readonly number[] = DEFAULT_CONFIDENCES): HowManyRow[] {
  const trials = sortedTotals.length;
  return confidences.map((confidence) => {
    const needed = Math.max(1, Math.ceil((confidence * trials) / 100 - 1e-9));
    return { confidence, items: trials === 0 ? 0 : sortedTotals[trials - needed]! };
  });
}

export interface WhenRow {
  confidence: number;
  /** Days after `now`'s day; null when the confidence is not reached within the simulation's horizon. */
  days: number | null;
}

/** At confidence c: the smallest d such that at least c% of trials finished within d days. */
export function whenTable(
  sortedDays: ArrayLike<number>,
  confidences: readonly number[] = DEFAULT_CONFIDENCES,
  maxDays = DEFAULT_MAX_FORECAST_DAYS,
): WhenRow[] {
  const trials = sortedDays.length;
  return confidences.map((confidence) => {
    if (trials === 0) return { confidence, days: null };
    const needed = Math.max(1, Math.ceil((confidence * trials) / 100 - 1e-9));
    const days = sortedDays[needed - 1]!;
    return { confidence, days: days > maxDays ? null : days };
  });
}

/** Trials whose outcome (items delivered, or days needed) fell in [from, to). */
export interface OutcomeBin {
  from: number;
  to: number;
  trials: number;
}

/** Widths a reader counts bins in without effort: 1, 2, 5, 10, 20, 50… */
function roundBinWidth(minimum: number): number {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const multiple of [1, 2, 5]) if (multiple * magnitude >= minimum) return multiple * magnitude;
  }
}

/**
 * How the simulated futures spread: trials per bin of outcomes, for a chart of the distribution the
 * confidence tables are read from. Bins are whole numbers wide (outcomes are counts of items or of days), of
 * a round width chosen so there are at most `maxBins`, aligned to multiples of it and zero-filled between
 * the lowest and the highest outcome.
 * @param sortedOutcomes ascending, as `simulateHowMany` and `simulateWhen` return them.
 */
export function outcomeDistribution(sortedOutcomes: ArrayLike<number>, maxBins = 40): OutcomeBin[] {
  if (!(Number.isInteger(maxBins) && maxBins >= 1)) throw new RangeError('an outcome distribution needs at least one bin');
  const trials = sortedOutcomes.length;
  if (trials === 0) return [];
  const lowest = sortedOutcomes[0]!;
  const highest = sortedOutcomes[trials - 1]!;
  let width = roundBinWidth((highest - lowest + 1) / maxBins);
  while (Math.floor(highest / width) - Math.floor(lowest / width) + 1 > maxBins) width = roundBinWidth(width + 1);
  const first = Math.floor(lowest / width);
  const counts = new Int32Array(Math.floor(highest / width) - first + 1);
  for (let t = 0; t < trials; t++) counts[Math.floor(sortedOutcomes[t]! / width) - first]!++;
  return Array.from(counts, (count, k) => ({ from: (first + k) * width, to: (first + k + 1) * width, trials: count }));
}
