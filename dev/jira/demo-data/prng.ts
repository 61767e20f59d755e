/**
 * The demo data's only source of randomness: a small seeded generator (Mulberry32), so a seed and an anchor
 * date always give the same site. `Math.random` would make every run, and every test, different.
 */
// Read once into module scope: under test runners that evaluate code in a VM context every global
// look-up (`Math`) is slow, and these sit in the generator's innermost loops.
const { imul, floor, sqrt, log, cos, exp, PI } = Math;

export class Prng {
  /**
   * Kept as a signed 32-bit integer on purpose: V8 stores those unboxed, while an unsigned value above 2^31
   * would be boxed on every step, which made generation several times slower under some hosts.
   */
  private state = 0;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of choices) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = choices[choices.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** A standard normal deviate (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return sqrt(-2 * log(u)) * cos(2 * PI * v);
  }

  /**
   * Durations of work are right-skewed: most items are quick, a few take ages. A log-normal with the given
   * median and spread reproduces the long tail real cycle-time charts show.
   */
  logNormal(median: number, sigma: number): number {
    return median * exp(sigma * this.normal());
  }
}

/** Derives an independent seed for one part of the data (a project), so adding a part leaves others alone. */
export function deriveSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = imul(hash, 0x45d9f3b);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
