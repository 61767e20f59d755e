/**
 * JSON text written straight as UTF-8 bytes into one reused buffer: the constant parts of the text (names,
 * indentation) as bytes encoded once, strings and numbers as `JSON.stringify` writes them.
 *
 * Why: the report's rows are most of report.json (16 MB of 20,000 issues). Gathered as strings, each row was
 * dozens of parts joined into a string, which was then encoded again into the bytes written: the joins alone
 * were a twentieth of a run. Here each part's bytes are copied once, into the buffer the file is written from.
 */

/**
 * The text of numbers written before, by their value in thousandths: the rows' numbers are rounded to two or
 * three decimals, and a report repeats the same few thousand of them hundreds of thousands of times, each
 * costlier to write afresh than to look up. One slot per value's low bits, the latest value kept.
 */
const NUMBER_SLOTS = 1 << 14;
/** Room for a number's text in a slot: one of at most ±2,147,483.647 is at most 12 characters. */
const NUMBER_BYTES = 16;
const numberThousandths = new Float64Array(NUMBER_SLOTS).fill(NaN);
const numberLengths = new Uint8Array(NUMBER_SLOTS);
const numberBytes = new Uint8Array(NUMBER_SLOTS * NUMBER_BYTES);

const QUOTE = 0x22;

/** The UTF-8 bytes of a text, for the constant parts of what is written. */
export const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

export class JsonBytes {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  /** Forgets what was written (a run that failed part way must not leave its bytes to the next). */
  clear(): void {
    this.length = 0;
  }

  /** The bytes written since `clear`: a view of the buffer, valid until the next write. */
  written(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /** The buffer, with room for `bytes` more after what was written. */
  private room(bytes: number): Buffer {
    const needed = this.length + bytes;
    if (needed > this.buffer.length) {
      const larger = Buffer.allocUnsafe(Math.max(needed, 2 * this.buffer.length));
      this.buffer.copy(larger, 0, 0, this.length);
      this.buffer = larger;
    }
    return this.buffer;
  }

  /** Bytes as they are (a constant part, encoded once). */
  bytes(bytes: Uint8Array): void {
    const n = bytes.length;
    const at = this.length;
    const buffer = this.room(n);
    // A loop rather than `set`, a call into the runtime that costs more than copying the few bytes of a part.
    for (let k = 0; k < n; k++) buffer[at + k] = bytes[k]!;
    this.length = at + n;
  }

  /** A text of ASCII characters only (the text of a number, a literal). */
  private ascii(text: string): void {
    const n = text.length;
    const at = this.length;
    const buffer = this.room(n);
    for (let k = 0; k < n; k++) buffer[at + k] = text.charCodeAt(k);
    this.length = at + n;
  }

  /** A string as `JSON.stringify` writes it, in UTF-8. */
  string(text: string): void {
    const n = text.length;
    const at = this.length;
    const buffer = this.room(n + 2);
    buffer[at] = QUOTE;
    for (let k = 0; k < n; k++) {
      const c = text.charCodeAt(k);
      // Printable ASCII other than a quote or a backslash stands as it is; anything else is left to JSON.stringify.
      if (c < 0x20 || c > 0x7e || c === QUOTE || c === 0x5c) return this.escaped(text);
      buffer[at + 1 + k] = c;
    }
    buffer[at + 1 + n] = QUOTE;
    this.length = at + n + 2;
  }

  private escaped(text: string): void {
    const json = JSON.stringify(text);
    // A UTF-16 code unit is at most three bytes of UTF-8 (JSON.stringify escapes a lone surrogate).
    this.length += this.room(3 * json.length).write(json, this.length, 'utf8');
  }

  /** A number as JSON writes it, NaN and infinities as null (as the rows hold them). */
  number(value: number): void {
    const thousandths = Math.round(value * 1000);
    // A value of so many thousandths is the same number however it was written (1.27 is 1270 / 1000), so its
    // text is too. Anything else (NaN, infinities, finer or far larger values) is written afresh.
    if (thousandths / 1000 !== value || thousandths > 0x7fffffff || thousandths < -0x7fffffff) {
      this.ascii(Number.isFinite(value) ? String(value) : 'null');
      return;
    }
    const slot = thousandths & (NUMBER_SLOTS - 1);
    const from = slot * NUMBER_BYTES;
    if (numberThousandths[slot] !== thousandths) {
      numberThousandths[slot] = thousandths;
      const text = String(value);
      for (let k = 0; k < text.length; k++) numberBytes[from + k] = text.charCodeAt(k);
      numberLengths[slot] = text.length;
    }
    const n = numberLengths[slot]!;
    const at = this.length;
    const buffer = this.room(n);
    for (let k = 0; k < n; k++) buffer[at + k] = numberBytes[from + k]!;
    this.length = at + n;
  }
}
