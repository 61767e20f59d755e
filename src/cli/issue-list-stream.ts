/**
 * Reading a large Jira export as a stream: the file arrives in chunks of UTF-8 bytes, and each issue of its
 * list is handed on as soon as its closing brace is read, as the JSON text of that one issue.
 *
 * Why: `JSON.parse` of a whole 225 MB export builds every object of every issue at once (about 1.2 GB) before
 * the first one can be read. Here only one issue exists as objects at a time; the caller parses it (V8's
 * parser is fast on small texts), keeps the few fields the engine reads and drops the rest, so memory holds
 * the compact history and one issue.
 *
 * The envelope is read token by token: a JSON array of issues, or an object (a search/jql page) whose
 * "issues" member is that array; its other members (`nextPageToken`, `names`...) are checked and skipped.
 * Inside an element only strings, escapes and bracket depth are tracked to find where it ends; the element's
 * own syntax is then checked by `JSON.parse`, which sees exactly the element's text. A bracket closed by the
 * wrong kind still counts for depth: the text it ends up in is invalid, so the input is refused either by
 * the parser or, if the depth never returns to zero, at the end of the input.
 *
 * Scanning works on bytes, and only each issue's bytes are decoded: every character JSON gives a meaning
 * to is ASCII, and no byte of a multi-byte UTF-8 character is below 0x80, so a split on bytes is a split
 * on characters.
 */

/** The input is not JSON, or not an issue list; `offset` is the byte position in the whole input. */
export class JsonStreamError extends Error {
  constructor(
    readonly problem: string,
    readonly offset: number,
  ) {
    super(`${problem} at byte ${offset}`);
    this.name = 'JsonStreamError';
  }
}

/** What the input must be, in the words the command's error messages use. */
export const NOT_AN_ISSUE_LIST = 'expected a JSON array of issues (search/jql shape), or an object with an "issues" array';

/** Receives one element of the issue list: its JSON text, its index in the list, where it starts. */
export type IssueTextHandler = (text: string, position: number, offset: number) => void;

const enum State {
  Start,
  /** In the page object: a member name or the closing brace (only right after `{`). */
  KeyOrEnd,
  Key,
  Colon,
  MemberValue,
  MemberCommaOrEnd,
  /** In the issue list: an element or `]` (only right after `[`). */
  ElementOrEnd,
  Element,
  ElementCommaOrEnd,
  Done,
}

/** The bytes JSON's grammar gives a meaning to; a byte read from the input is typed `Char` to compare with them. */
const enum Char {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Quote = 34,
  Comma = 44,
  Colon = 58,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  OpenBrace = 123,
  CloseBrace = 125,
}

/** UTF-8's byte order mark, which some tools write at the start of a file: allowed, and skipped. */
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

const isWhitespace = (c: Char) => c === Char.Space || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Tab;

/** A value being scanned: where it began, and enough state to resume in the next chunk. */
interface ValueScan {
  /** Index in the current chunk where the value's bytes begin (0 when it began in an earlier chunk). */
  start: number;
  /** Input offset of `start`, for messages. */
  offset: number;
  /** The first character: `{`, `[`, `"`, or the start of a number or literal. */
  kind: Char;
  depth: number;
  inString: boolean;
  escaped: boolean;
}

export class IssueListStream {
  private state = State.Start;
  /** The bytes of an unfinished value read in earlier chunks; its scan then resumes at the new chunk's start. */
  private tail: Buffer | null = null;
  /** Input offset of the current chunk's first byte. */
  private chunkOffset = 0;
  private scan: ValueScan | null = null;
  private key: string | null = null;
  private sawIssues = false;
  /** True when the list is the "issues" member of a page object rather than the whole input. */
  private listInObject = false;
  private position = 0;

  constructor(private readonly onIssue: IssueTextHandler) {}

  /** The number of issues handed on so far. */
  get issues(): number {
    return this.position;
  }

  /** Reads the next chunk of bytes; the caller may reuse the chunk once this returns. @throws JsonStreamError */
  push(chunk: Uint8Array): void {
    const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    const length = text.length;
    let i = 0;
    while (i < length) {
      if (this.scan !== null) {
        const end = this.scanValue(text, i, this.scan);
        if (end < 0) break;
        this.finishValue(this.valueText(text, end));
        i = end;
        continue;
      }
      const c: Char = text[i]!;
      if (isWhitespace(c) || (this.state === State.Start && c === BYTE_ORDER_MARK[this.chunkOffset + i])) {
        i++;
        continue;
      }
      i = this.structural(text, i, c);
    }
    if (this.scan !== null) {
      // The value goes on in the next chunk: keep a copy of its bytes so far (the chunk may be reused).
      const piece = text.subarray(this.scan.start);
      this.tail = this.tail === null ? Buffer.from(piece) : Buffer.concat([this.tail, piece]);
      this.scan.start = 0;
    }
    this.chunkOffset += length;
  }

  /** Marks the end of the input. @throws JsonStreamError when the input stopped early. */
  end(): void {
    if (this.scan !== null && this.scan.kind !== Char.Quote && this.scan.kind !== Char.OpenBrace && this.scan.kind !== Char.OpenBracket) {
      // A number or literal is only known to be complete when something follows it: the end does.
      this.finishValue(this.valueText(Buffer.alloc(0), 0));
    }
    if (this.state !== State.Done) {
      const offset = this.chunkOffset;
      throw new JsonStreamError(this.state === State.Start ? 'no JSON value: the input is empty' : 'unexpected end of the input', offset);
    }
  }

  private fail(problem: string, index: number): never {
    throw new JsonStreamError(problem, this.chunkOffset + index);
  }

  /** Handles one character outside any value; returns the index to continue from. */
  private structural(text: Buffer, i: number, c: Char): number {
    switch (this.state) {
      case State.Start:
        if (c === Char.OpenBracket) {
          this.state = State.ElementOrEnd;
          return i + 1;
        }
        if (c === Char.OpenBrace) {
          this.state = State.KeyOrEnd;
          return i + 1;
        }
        return this.notAnIssueList(i);
      case State.KeyOrEnd:
      case State.Key:
        if (c === Char.CloseBrace && this.state === State.KeyOrEnd) return this.closeObject(i);
        if (c !== Char.Quote) this.fail(`expected a member name in quotes, found ${quote(text, i)}`, i);
        return this.startValue(i, c);
      case State.Colon:
        if (c !== Char.Colon) this.fail(`expected ":" after a member name, found ${quote(text, i)}`, i);
        this.state = State.MemberValue;
        return i + 1;
      case State.MemberValue:
        if (this.key === 'issues') {
          if (this.sawIssues) this.fail('the "issues" member appears twice', i);
          this.sawIssues = true;
          if (c !== Char.OpenBracket) return this.notAnIssueList(i);
          this.listInObject = true;
          this.state = State.ElementOrEnd;
          return i + 1;
        }
        return this.startValue(i, c);
      case State.MemberCommaOrEnd:
        if (c === Char.Comma) {
          this.state = State.Key;
          return i + 1;
        }
        if (c === Char.CloseBrace) return this.closeObject(i);
        return this.fail(`expected "," or "}" after a member, found ${quote(text, i)}`, i);
      case State.ElementOrEnd:
      case State.Element:
        if (c === Char.CloseBracket && this.state === State.ElementOrEnd) return this.closeList(i);
        if (c === Char.CloseBracket || c === Char.Comma || c === Char.CloseBrace || c === Char.Colon) {
          this.fail(`expected an issue, found ${quote(text, i)}`, i);
        }
        return this.startValue(i, c);
      case State.ElementCommaOrEnd:
        if (c === Char.Comma) {
          this.state = State.Element;
          return i + 1;
        }
        if (c === Char.CloseBracket) return this.closeList(i);
        return this.fail(`expected "," or "]" after an issue, found ${quote(text, i)}`, i);
      case State.Done:
        return this.fail(`unexpected ${quote(text, i)} after the end of the JSON value`, i);
    }
  }

  private notAnIssueList(i: number): never {
    return this.fail(NOT_AN_ISSUE_LIST, i);
  }

  private closeObject(i: number): number {
    if (!this.sawIssues) this.notAnIssueList(i);
    this.state = State.Done;
    return i + 1;
  }

  private closeList(i: number): number {
    this.state = this.listInObject ? State.MemberCommaOrEnd : State.Done;
    this.listInObject = false;
    return i + 1;
  }

  private startValue(i: number, c: Char): number {
    this.scan = { start: i, offset: this.chunkOffset + i, kind: c, depth: 0, inString: false, escaped: false };
    return i;
  }

  /**
   * Advances through a value from index `i`: returns the index just after its last character, or -1 when
   * the text ends first (the scan state then says where to resume). This loop is where the time goes.
   */
  private scanValue(text: Buffer, i: number, scan: ValueScan): number {
    const length = text.length;
    let { depth, inString, escaped } = scan;
    const container = scan.kind === Char.OpenBrace || scan.kind === Char.OpenBracket;
    const string = scan.kind === Char.Quote;
    if (!container && !string) {
      // A number or a literal (true, false, null, or something invalid): runs to the next delimiter.
      for (; i < length; i++) {
        const c: Char = text[i]!;
        if (c === Char.Comma || c === Char.CloseBracket || c === Char.CloseBrace || c === Char.Colon || isWhitespace(c)) return i;
      }
      return -1;
    }
    for (; i < length; i++) {
      const c: Char = text[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === Char.Backslash) escaped = true;
        else if (c === Char.Quote) {
          inString = false;
          if (string) return i + 1;
        }
      } else if (c === Char.Quote) {
        inString = true;
      } else if (c === Char.OpenBrace || c === Char.OpenBracket) {
        depth++;
      } else if (c === Char.CloseBrace || c === Char.CloseBracket) {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    scan.depth = depth;
    scan.inString = inString;
    scan.escaped = escaped;
    return -1;
  }

  /** The whole text of the value being scanned, which ends at `end` in the current chunk. */
  private valueText(text: Buffer, end: number): string {
    const start = this.scan!.start;
    if (this.tail === null) return text.toString('utf8', start, end);
    const whole = Buffer.concat([this.tail, text.subarray(start, end)]).toString('utf8');
    this.tail = null;
    return whole;
  }

  /** A value's text is complete: hand on an issue, remember a member name, or check and skip a member. */
  private finishValue(valueText: string): void {
    const scan = this.scan!;
    this.scan = null;
    switch (this.state) {
      case State.ElementOrEnd:
      case State.Element:
        this.onIssue(valueText, this.position++, scan.offset);
        this.state = State.ElementCommaOrEnd;
        return;
      case State.KeyOrEnd:
      case State.Key:
        this.key = parseJsonText(valueText, scan.offset) as string;
        this.state = State.Colon;
        return;
      default:
        parseJsonText(valueText, scan.offset);
        this.state = State.MemberCommaOrEnd;
    }
  }
}

/**
 * `JSON.parse` of a value's text, with a syntax error reported at its place in the whole input.
 * @param offset the byte position of the text in the input
 */
export function parseJsonText(text: string, offset: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message);
    const problem = message
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/^Unexpected end of JSON input$/, 'unexpected end of a value');
    const position = at ? Number(at[1]) : text.length;
    throw new JsonStreamError(problem, offset + Buffer.byteLength(text.slice(0, position)));
  }
}

/** The character at a byte, for messages (a byte of a multi-byte character is shown as its code). */
function quote(bytes: Uint8Array, i: number): string {
  const c = bytes[i]!;
  return c < 0x80 ? JSON.stringify(String.fromCharCode(c)) : `byte 0x${c.toString(16)}`;
}
