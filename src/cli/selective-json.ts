/**
 * Parsing JSON from bytes while building only the members a reader asked for.
 *
 * Why: a Jira export is mostly text the flow metrics never read (descriptions, rendered fields, comments,
 * changes of other fields). `JSON.parse` builds every object and string of it before any can be dropped;
 * here the bytes of an unwanted value are only checked and stepped over, and a wanted value is built from
 * its bytes directly, so an issue costs about as much as the few fields kept.
 *
 * What to build is a `Selection`: `ALL` for a value taken whole, an object's members by name, or an array
 * whose every element has the same selection. A value whose shape differs from its selection (a string
 * where an object was asked for) is taken whole, so a reader checking shapes sees exactly what is there.
 * Duplicate member names keep the last value, as `JSON.parse` does.
 *
 * Every byte is checked against JSON's grammar (RFC 8259), kept or not: an input `JSON.parse` refuses is
 * refused here, with the byte offset of the first problem. Strings are decoded as `Buffer#toString('utf8')`
 * followed by `JSON.parse` would decode them.
 */

/** The input is not JSON, or not in the expected shape; `offset` is the byte position in the whole input. */
export class JsonStreamError extends Error {
  constructor(
    readonly problem: string,
    readonly offset: number,
  ) {
    super(`${problem} at byte ${offset}`);
    this.name = 'JsonStreamError';
  }
}

const enum Take {
  Whole,
  Members,
  Elements,
  /** By a reader of its own (`Selection.readBy`). */
  Reader,
}

/**
 * Reads the value starting at `i` with the parser's primitives, puts what it made in `out[0]` and returns the
 * index after the value. Like the parser, it throws `TruncatedJson` when the bytes end first, and is then
 * called again from the value's start once more bytes have come: it must keep nothing of a cut attempt.
 */
export type ValueReader = (parser: SelectiveJsonParser, i: number, out: unknown[]) => number;

/** A member not in the object being parsed (undefined cannot say it: JSON has no undefined, but it is clearer). */
const ABSENT = Symbol('absent');

/** 32-bit FNV-1a over bytes: how member names are looked up without first decoding them to a string. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Which parts of a JSON value to build: the whole value, some members of an object (the others are checked
 * and skipped), or every element of an array, each with its own selection. (One class rather than a union
 * of shapes keeps the parser's hottest property reads monomorphic.)
 */
export class Selection {
  /** For members: the names, their selections, and an open-addressing table from a name's hash to its index + 1. */
  readonly names: readonly string[];
  readonly selections: readonly Selection[];
  private readonly nameBytes: readonly Buffer[];
  private readonly slots: Int32Array;

  private constructor(
    readonly take: Take,
    members: ReadonlyArray<readonly [string, Selection]>,
    readonly elements: Selection | null,
    readonly reader: ValueReader | null = null,
  ) {
    this.names = members.map(([name]) => name);
    this.values = this.names.map(() => ABSENT);
    this.selections = members.map(([, selection]) => selection);
    this.nameBytes = this.names.map((name) => Buffer.from(name));
    this.slots = new Int32Array(Math.max(8, 2 ** Math.ceil(Math.log2(members.length * 4))));
    this.after = new Int32Array(members.length + 1).fill(-1);
    this.nameBytes.forEach((bytes, index) => {
      let slot = hashBytes(bytes, 0, bytes.length) & (this.slots.length - 1);
      while (this.slots[slot] !== 0) slot = (slot + 1) & (this.slots.length - 1);
      this.slots[slot] = index + 1;
    });
  }

  static readonly whole = new Selection(Take.Whole, [], null);

  static members(members: Iterable<readonly [string, Selection]>): Selection {
    return new Selection(Take.Members, [...new Map(members)], null);
  }

  static elements(elements: Selection): Selection {
    return new Selection(Take.Elements, [], elements);
  }

  /** A value read by a reader of its own, for a part of the input too large to build as objects. */
  static readBy(reader: ValueReader): Selection {
    return new Selection(Take.Reader, [], null, reader);
  }

  /**
   * The members' values while an object is parsed, `ABSENT` for a member not (yet) seen. Each selection has
   * its own: a selection is never nested inside itself, so one object at a time uses it.
   */
  readonly values: unknown[];

  /**
   * The object of the members seen, in the selection's order rather than the input's: objects read at the
   * same place then share one shape, which keeps the reads of the code they are handed to fast.
   */
  build(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (let k = 0; k < this.names.length; k++) {
      if (this.values[k] === ABSENT) continue;
      // A member named __proto__ is an own property, as JSON.parse makes it, not the object's prototype.
      if (this.names[k] === '__proto__')
        Object.defineProperty(result, '__proto__', { value: this.values[k], enumerable: true, writable: true, configurable: true });
      else result[this.names[k]!] = this.values[k];
    }
    return result;
  }

  /**
   * By the member whose name was read last in an object of this selection (its index + 1, 0 for a name not among
   * the members): the member whose name came next the last time, or -1. Objects read at the same place list their
   * members in the same order, so this is nearly always the next name, checked by its bytes without hashing them.
   */
  private readonly after: Int32Array;
  private lastRead = 0;

  /** The member whose name is likely next in the object being read (see `after`), or -1. */
  expectedMember(): number {
    return this.after[this.lastRead]!;
  }

  /** Notes the member whose name was just read (-1 for a name not among the members), to expect the next one. */
  memberRead(member: number): void {
    this.after[this.lastRead] = member;
    this.lastRead = member + 1;
  }

  /**
   * When the bytes from `start` are the name of member `member` followed by its closing quote: the index of that
   * quote. Else -1 (another name, a name written with escapes, or bytes that end first), to be read the long way.
   */
  nameEndAt(member: number, bytes: Uint8Array, start: number): number {
    const name = this.nameBytes[member]!;
    const end = start + name.length;
    if (end >= bytes.length || bytes[end] !== Char.Quote) return -1;
    for (let k = 0; k < name.length; k++) if (name[k] !== bytes[start + k]) return -1;
    return end;
  }

  /** The index of the member whose name is the bytes `start` to `end` (hashing to `hash`), or -1. */
  memberIndex(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      const name = this.nameBytes[entry - 1]!;
      if (name.length !== end - start) continue;
      let k = 0;
      while (k < name.length && name[k] === bytes[start + k]) k++;
      if (k === name.length) return entry - 1;
    }
  }
}

function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let k = start; k < end; k++) hash = Math.imul(hash ^ bytes[k]!, FNV_PRIME);
  return hash >>> 0;
}

/** Take the value whole. */
export const ALL = Selection.whole;
export const selectMembers = (members: Record<string, Selection>): Selection => Selection.members(Object.entries(members));
export const selectElements = (elements: Selection): Selection => Selection.elements(elements);

/** Thrown when the bytes end inside a value: the caller supplies more and parses the value again. */
export class TruncatedJson extends Error {
  constructor() {
    super('the bytes end inside a JSON value');
    this.name = 'TruncatedJson';
  }
}

/** One instance serves every truncation: it happens once per chunk, and its stack is never read. */
const TRUNCATED = new TruncatedJson();

/** The bytes JSON's grammar gives a meaning to. */
export const enum Char {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Quote = 34,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  UpperE = 69,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  LowerE = 101,
  LowerU = 117,
  OpenBrace = 123,
  CloseBrace = 125,
}

export const isWhitespace = (c: Char) => c === Char.Space || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Tab;

/** What a byte inside a string means: most are plain text and end nothing. */
const enum InString {
  Plain = 0,
  Quote = 1,
  Backslash = 2,
  /** A control character, which JSON allows only escaped. */
  Control = 3,
  /** A byte of a multi-byte UTF-8 character: plain text, but the string needs UTF-8 decoding. */
  NonAscii = 4,
}

function kindInString(byte: number): InString {
  if (byte < 0x20) return InString.Control;
  if (byte >= 0x80) return InString.NonAscii;
  const c = byte as Char;
  return c === Char.Quote ? InString.Quote : c === Char.Backslash ? InString.Backslash : InString.Plain;
}

const IN_STRING_TABLE = Uint8Array.from({ length: 256 }, (_, c) => kindInString(c));
/** The kind of a byte in a string. */
const inString = (c: number): InString => IN_STRING_TABLE[c] as InString;

/** The characters allowed after a backslash besides `u`: " \ / b f n r t. */
const SIMPLE_ESCAPES = new Set([...'"\\/bfnrt'].map((c) => c.charCodeAt(0)));

const isHexDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isDigit = (c: Char) => c >= Char.Zero && c <= Char.Nine;

/**
 * Short ASCII strings seen before (member names, status ids and names, field names) are answered from a
 * small table instead of being decoded again: an export repeats the same few hundred of them millions of times.
 */
const CACHE_SLOTS = 4096;
const CACHEABLE_LENGTH = 24;

/** The character at a byte, for messages (a byte of a multi-byte character is shown as its code). */
export function quoteByte(bytes: Uint8Array, i: number): string {
  const c = bytes[i]!;
  return c < 0x80 ? JSON.stringify(String.fromCharCode(c)) : `byte 0x${c.toString(16)}`;
}

/**
 * How deep containers may nest: far deeper than any Jira export (a dozen levels), and shallow enough that
 * reading them, a call per level, never exhausts the stack (a thread's is smaller than the command's own).
 */
const DEEPEST_NESTING = 1000;
/** The problem of a value nested deeper: the input may be JSON, but not a Jira export. */
export const TOO_DEEP = `values nested more than ${DEEPEST_NESTING} levels deep`;

/**
 * Parses values from a buffer that may end before the value does (then `TRUNCATED` is thrown). Positions
 * are indices into `bytes`; `base` is the input offset of `bytes[0]`, for messages.
 */
export class SelectiveJsonParser {
  bytes: Buffer = Buffer.alloc(0);
  base = 0;
  /** How many containers are open around the byte being read: set to 0 by the caller before each value it reads whole. */
  depth = 0;
  private readonly cacheStrings: (string | undefined)[] = new Array<string | undefined>(CACHE_SLOTS);
  private readonly cacheBytes = new Uint8Array(CACHE_SLOTS * CACHEABLE_LENGTH);

  fail(problem: string, i: number): never {
    throw new JsonStreamError(problem, this.base + i);
  }

  /** Index of the first byte at or after `i` that is not whitespace. */
  skipWhitespace(i: number): number {
    const b = this.bytes;
    while (i < b.length && isWhitespace(b[i] as Char)) i++;
    return i;
  }

  /** The byte at `i`, which must exist. */
  byteAt(i: number): Char {
    if (i >= this.bytes.length) throw TRUNCATED;
    return this.bytes[i]!;
  }

  /**
   * Parses the value starting at `i` (no whitespace before it). `out[0]` receives the value built by the
   * selection, or undefined for `selection === null`, which only checks it. Returns the index after it.
   */
  value(i: number, selection: Selection | null, out: unknown[]): number {
    if (selection !== null && selection.take === Take.Reader) return selection.reader!(this, i, out);
    const c = this.byteAt(i);
    if (c === Char.Quote) {
      if (selection === null) return this.skipString(i);
      return this.string(i, out);
    }
    if (c === Char.OpenBrace) {
      if (selection !== null && selection.take === Take.Members) return this.object(i, selection, out);
      return this.whole(i, this.skipContainer(i, Char.CloseBrace), selection, out);
    }
    if (c === Char.OpenBracket) {
      if (selection !== null && selection.take === Take.Elements) return this.array(i, selection.elements!, out);
      return this.whole(i, this.skipContainer(i, Char.CloseBracket), selection, out);
    }
    const end = c === Char.Minus || isDigit(c) ? this.skipNumber(i) : this.skipLiteral(i, c);
    if (selection !== null) out[0] = c === Char.Minus || isDigit(c) ? Number(this.bytes.toString('latin1', i, end)) : LITERALS.get(c);
    return end;
  }

  /** A container not selected member by member: checked, then built by `JSON.parse` when selected at all. */
  private whole(start: number, end: number, selection: Selection | null, out: unknown[]): number {
    if (selection !== null) out[0] = JSON.parse(this.bytes.toString('utf8', start, end)) as unknown;
    return end;
  }

  /** The index in a selection's members of the name `memberName` read last, or -1 for a name not in it. */
  member = -1;

  /**
   * Reads the member name starting at `i` (its opening quote) and the colon after it, and looks the name up
   * among the selection's members (see `member`); returns the index of the member's value.
   */
  memberName(i: number, selection: Selection, out: unknown[]): number {
    const b = this.bytes;
    if (this.byteAt(i) !== Char.Quote) this.fail(`expected a member name in quotes, found ${quoteByte(b, i)}`, i);
    const expected = selection.expectedMember();
    const expectedEnd = expected < 0 ? -1 : selection.nameEndAt(expected, b, i + 1);
    if (expectedEnd >= 0) {
      this.member = expected;
      i = expectedEnd + 1;
    } else {
      i = this.memberNameLookedUp(i, selection, out);
    }
    selection.memberRead(this.member);
    i = this.skipWhitespace(i);
    if (this.byteAt(i) !== Char.Colon) this.fail(`expected ":" after a member name, found ${quoteByte(b, i)}`, i);
    return this.skipWhitespace(i + 1);
  }

  /** `memberName` for a name other than the one expected: sets `member`, returns the index after the closing quote. */
  private memberNameLookedUp(i: number, selection: Selection, out: unknown[]): number {
    const b = this.bytes;
    // The name is hashed on the way and looked up as bytes: a skipped member's name is never decoded.
    let k = i + 1;
    let hash = FNV_OFFSET;
    let c = b[k] as Char | undefined;
    while (c !== undefined && inString(c) === InString.Plain) {
      hash = Math.imul(hash ^ c, FNV_PRIME);
      c = b[++k];
    }
    if (c === Char.Quote) {
      this.member = selection.memberIndex(b, i + 1, k, hash >>> 0);
      return k + 1;
    }
    // An escape or a non-ASCII character in the name (or the bytes end): decoded the long way.
    i = this.string(i, out);
    this.member = selection.names.indexOf(out[0] as string);
    return i;
  }

  private object(i: number, selection: Selection, out: unknown[]): number {
    this.open(i);
    const b = this.bytes;
    const values = selection.values;
    // A loop rather than fill(), which is a call into the runtime for an array of a few members.
    for (let k = 0; k < values.length; k++) values[k] = ABSENT;
    i = this.skipWhitespace(i + 1);
    if (this.byteAt(i) === Char.CloseBrace) {
      out[0] = selection.build();
      this.depth--;
      return i + 1;
    }
    for (;;) {
      i = this.memberName(i, selection, out);
      const index = this.member;
      if (index < 0) {
        i = this.value(i, null, out);
      } else {
        i = this.value(i, selection.selections[index]!, out);
        values[index] = out[0];
      }
      i = this.skipWhitespace(i);
      const next = this.byteAt(i);
      if (next === Char.CloseBrace) break;
      if (next !== Char.Comma) this.fail(`expected "," or "}" after a member, found ${quoteByte(b, i)}`, i);
      i = this.skipWhitespace(i + 1);
    }
    out[0] = selection.build();
    this.depth--;
    return i + 1;
  }

  private array(i: number, elements: Selection, out: unknown[]): number {
    this.open(i);
    const result: unknown[] = [];
    i = this.skipWhitespace(i + 1);
    if (this.byteAt(i) === Char.CloseBracket) {
      out[0] = result;
      this.depth--;
      return i + 1;
    }
    for (;;) {
      i = this.value(i, elements, out);
      result.push(out[0]);
      i = this.skipWhitespace(i);
      const c = this.byteAt(i);
      if (c === Char.CloseBracket) break;
      if (c !== Char.Comma) this.fail(`expected "," or "]" after an element, found ${quoteByte(this.bytes, i)}`, i);
      i = this.skipWhitespace(i + 1);
    }
    out[0] = result;
    this.depth--;
    return i + 1;
  }

  /** Enters a container at `i`. @throws JsonStreamError when it is nested deeper than `DEEPEST_NESTING` */
  private open(i: number): void {
    if (++this.depth > DEEPEST_NESTING) this.fail(TOO_DEEP, i);
  }

  /** Checks an object or array without building it; returns the index after its closing bracket. */
  private skipContainer(i: number, close: Char): number {
    this.open(i);
    i = this.skipWhitespace(i + 1);
    if (this.byteAt(i) === close) {
      this.depth--;
      return i + 1;
    }
    for (;;) {
      if (close === Char.CloseBrace) {
        if (this.byteAt(i) !== Char.Quote) this.fail(`expected a member name in quotes, found ${quoteByte(this.bytes, i)}`, i);
        i = this.skipWhitespace(this.skipString(i));
        if (this.byteAt(i) !== Char.Colon) this.fail(`expected ":" after a member name, found ${quoteByte(this.bytes, i)}`, i);
        i = this.skipWhitespace(i + 1);
      }
      i = this.skipWhitespace(this.skipValue(i));
      const c = this.byteAt(i);
      if (c === close) {
        this.depth--;
        return i + 1;
      }
      if (c !== Char.Comma) {
        const expected = close === Char.CloseBrace ? '"," or "}" after a member' : '"," or "]" after an element';
        this.fail(`expected ${expected}, found ${quoteByte(this.bytes, i)}`, i);
      }
      i = this.skipWhitespace(i + 1);
    }
  }

  /** Checks the value at `i` without building it; returns the index after it. */
  skipValue(i: number): number {
    const c = this.byteAt(i);
    if (c === Char.Quote) return this.skipString(i);
    if (c === Char.OpenBrace) return this.skipContainer(i, Char.CloseBrace);
    if (c === Char.OpenBracket) return this.skipContainer(i, Char.CloseBracket);
    if (c === Char.Minus || isDigit(c)) return this.skipNumber(i);
    return this.skipLiteral(i, c);
  }

  /** Checks a string starting at its opening quote; returns the index after its closing quote. */
  skipString(i: number): number {
    const b = this.bytes;
    const length = b.length;
    i++;
    for (;;) {
      // The loop where most of the time goes: plain text, byte by byte, until something that is not.
      let kind: InString;
      while (i < length && ((kind = inString(b[i]!)) === InString.Plain || kind === InString.NonAscii)) i++;
      if (i >= length) throw TRUNCATED;
      kind = inString(b[i]!);
      if (kind === InString.Quote) return i + 1;
      if (kind === InString.Control)
        this.fail(`a control character (0x${b[i]!.toString(16).padStart(2, '0')}) in a string; write it escaped`, i);
      i = this.skipEscape(i);
    }
  }

  /** Checks the escape at `i` (a backslash); returns the index after it. */
  private skipEscape(i: number): number {
    const c = this.byteAt(i + 1);
    if (SIMPLE_ESCAPES.has(c)) return i + 2;
    if (c !== Char.LowerU) this.fail(`"\\${String.fromCharCode(c)}" is not an escape JSON allows`, i);
    for (let k = i + 2; k < i + 6; k++) {
      if (!isHexDigit(this.byteAt(k))) this.fail('"\\u" is not followed by four hexadecimal digits', i);
    }
    return i + 6;
  }

  /**
   * For a string of printable ASCII without escapes starting at `i` (its opening quote): the index of its
   * closing quote, for a reader that takes the value from the bytes themselves (a date, a number). -1 for
   * any other string, which the reader then decodes with `string`.
   */
  plainStringEnd(i: number): number {
    const b = this.bytes;
    for (let k = i + 1; k < b.length; k++) {
      const kind = inString(b[k]!);
      if (kind === InString.Quote) return k;
      if (kind !== InString.Plain) return -1;
    }
    throw TRUNCATED;
  }

  /** A string starting at its opening quote, decoded into `out[0]`; returns the index after its closing quote. */
  string(i: number, out: unknown[]): number {
    const b = this.bytes;
    const start = i + 1;
    // Short ASCII strings without escapes are hashed on the way, and answered from the table when seen before.
    const limit = Math.min(b.length, start + CACHEABLE_LENGTH + 1);
    let hash = FNV_OFFSET;
    let k = start;
    for (; k < limit; k++) {
      const c = b[k]!;
      if (inString(c) !== InString.Plain) break;
      hash = Math.imul(hash ^ c, FNV_PRIME);
    }
    if (k < limit && b[k] === Char.Quote) {
      out[0] = this.cached(b, start, k, (hash ^ (hash >>> 15)) & (CACHE_SLOTS - 1));
      return k + 1;
    }
    return this.longString(i, k, out);
  }

  /**
   * The rest of `string` for a string that is not short plain ASCII (`k` is where its first scan stopped): checked
   * to its end, then decoded the cheapest way that is exact. Apart, so that the short strings' path is small
   * enough for V8 to inline where it is called.
   */
  private longString(i: number, k: number, out: unknown[]): number {
    const b = this.bytes;
    const start = i + 1;
    let ascii = true;
    let escaped = false;
    for (;;) {
      const c = b[k];
      if (c === undefined) throw TRUNCATED;
      const kind = inString(c);
      if (kind === InString.Plain) k++;
      else if (kind === InString.Quote) break;
      else if (kind === InString.NonAscii) {
        ascii = false;
        k++;
      } else if (kind === InString.Backslash) {
        escaped = true;
        k = this.skipEscape(k);
      } else this.fail(`a control character (0x${c.toString(16).padStart(2, '0')}) in a string; write it escaped`, k);
    }
    // Escapes are rare in the fields kept: decoding them is left to JSON.parse, which knows them all.
    if (escaped) out[0] = JSON.parse(b.toString('utf8', i, k + 1)) as unknown;
    else out[0] = b.toString(ascii ? 'latin1' : 'utf8', start, k);
    return k + 1;
  }

  private cached(b: Buffer, start: number, end: number, slot: number): string {
    const length = end - start;
    const at = slot * CACHEABLE_LENGTH;
    const known = this.cacheStrings[slot];
    if (known !== undefined && known.length === length) {
      let k = 0;
      while (k < length && this.cacheBytes[at + k] === b[start + k]) k++;
      if (k === length) return known;
    }
    const text = b.toString('latin1', start, end);
    this.cacheStrings[slot] = text;
    for (let k = 0; k < length; k++) this.cacheBytes[at + k] = b[start + k]!;
    return text;
  }

  /** Checks a number (RFC 8259: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?); returns the index after it. */
  private skipNumber(i: number): number {
    // At the end of the bytes a number may go on in the next piece: byteAt reports a truncation, not its end.
    let c = this.byteAt(i);
    if (c === Char.Minus) c = this.byteAt(++i);
    if (c === Char.Zero) {
      c = this.byteAt(++i);
      if (isDigit(c)) this.fail('a number cannot start with 0 followed by more digits', i);
    } else if (isDigit(c)) {
      while (isDigit((c = this.byteAt(++i))));
    } else {
      this.fail('a number needs a digit after "-"', i);
    }
    if (c === Char.Dot) {
      if (!isDigit(this.byteAt(++i))) this.fail('a number needs a digit after "."', i);
      while (isDigit((c = this.byteAt(++i))));
    }
    if (c === Char.LowerE || c === Char.UpperE) {
      c = this.byteAt(++i);
      if (c === Char.Plus || c === Char.Minus) c = this.byteAt(++i);
      if (!isDigit(c)) this.fail('a number needs a digit in its exponent', i);
      while (isDigit(this.byteAt(++i)));
    }
    return i;
  }

  private skipLiteral(i: number, c: number): number {
    const word = LITERAL_WORDS.get(c);
    if (word === undefined) this.fail(`unexpected ${quoteByte(this.bytes, i)}; expected a JSON value`, i);
    for (let k = 1; k < word.length; k++) {
      if ((this.byteAt(i + k) as number) !== word.charCodeAt(k))
        this.fail(`unexpected ${quoteByte(this.bytes, i + k)} in "${word}"`, i + k);
    }
    return i + word.length;
  }
}

const LITERAL_WORDS = new Map([
  [116, 'true'],
  [102, 'false'],
  [110, 'null'],
]);
const LITERALS = new Map<number, unknown>([
  [116, true],
  [102, false],
  [110, null],
]);
