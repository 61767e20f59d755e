/**
 * A small, fast, seeded pseudo-random generator, so a forecast can be reproduced exactly: same data, same
 * seed, same answer, in Node and in every browser. `Math.random` cannot be seeded.
 *
 * The generator is SFC32 (Chris Doty-Humphrey's "small fast counting" generator: 128 bits of state, passes
 * the PractRand and BigCrush test batteries, period at least 2^32 and in practice far longer), seeded
 * through SplitMix32 so that nearby seeds (1, 2, 3...) give unrelated streams. Simulations draw millions of
 * numbers, so `fillInts` produces them in batches with the state in local variables.
 */

const TWO_POW_32 = 4294967296;

/** SplitMix32 step: scrambles a 32-bit counter into a well-mixed 32-bit value. */
function splitMix32(state: { value: number }): number {
  state.value = (state.value + 0x9e3779b9) | 0;
  let z = state.value;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** @param seed any finite number; integers up to 2^53 are distinguished. */
  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError('the seed must be a finite number');
    const whole = Math.trunc(seed);
    const mixer = { value: (whole >>> 0) ^ Math.imul(Math.floor(whole / TWO_POW_32) | 0, 0x85ebca6b) };
    this.a = splitMix32(mixer) | 0;
    this.b = splitMix32(mixer) | 0;
    this.c = splitMix32(mixer) | 0;
    this.d = splitMix32(mixer) | 0;
    // Let the state diffuse before the first value is used.
    for (let k = 0; k < 12; k++) this.nextUint32();
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (((this.c << 21) | (this.c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** Uniform integer in [0, bound). */
  nextInt(bound: number): number {
    return Math.floor((this.nextUint32() / TWO_POW_32) * bound);
  }

  /** Fills `out` with uniform integers in [0, bound): the same values as that many `nextInt` calls. */
  fillInts(out: Int32Array, bound: number, count = out.length): void {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    const scale = bound / TWO_POW_32;
    for (let k = 0; k < count; k++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      out[k] = Math.floor((t >>> 0) * scale);
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }
}

export function createSeededRandom(seed: number): SeededRandom {
  return new SeededRandom(seed);
}

/** A seed for the k-th of several independent simulations derived from one user seed. */
export function deriveSeed(seed: number, k: number): number {
  const mixer = { value: (Math.trunc(seed) ^ Math.imul(k + 1, 0x27d4eb2f)) | 0 };
  return splitMix32(mixer);
}
