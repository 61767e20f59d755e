/**
 * Whole numbers of any size (up to 2^53) as short text: base64 VLQ, as source maps write their numbers. Each
 * character carries five bits of the number, lowest first, and a sixth saying another character follows, so a
 * number under 32 takes one character and one under 1,024 two. The digits are base64's, safe in JSON unescaped.
 */

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE_OF_DIGIT = new Map([...DIGITS].map((digit, value) => [digit, value]));
/** The sixth bit: another character follows. */
const MORE = 32;

/** Thrown when a text holds something other than whole numbers written by `writeVlq`. */
export class VlqError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'VlqError';
  }
}

/** Appends a whole number (0 or more) to `out`, as characters. */
export function writeVlq(out: string[], value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${value} is not a whole number of 0 or more`);
  let rest = value;
  do {
    const low = rest % MORE;
    rest = Math.floor(rest / MORE);
    out.push(DIGITS[rest > 0 ? low + MORE : low]!);
  } while (rest > 0);
}

/** Reads the numbers of a text written with `writeVlq`, one after the other. */
export class VlqReader {
  private at = 0;

  constructor(private readonly text: string) {}

  /** Whether every number has been read. */
  get done(): boolean {
    return this.at >= this.text.length;
  }

  /** @throws VlqError at the end of the text, or at a character that is no digit. */
  next(): number {
    let value = 0;
    let weight = 1;
    for (;;) {
      if (this.at >= this.text.length) throw new VlqError('the text ends inside a number');
      const character = this.text[this.at++]!;
      const digit = VALUE_OF_DIGIT.get(character);
      if (digit === undefined) throw new VlqError(`"${character}" is not a base64 digit`);
      value += (digit % MORE) * weight;
      if (digit < MORE) return value;
      weight *= MORE;
    }
  }
}
