/**
 * Reading a large Jira export as a stream: the file arrives in chunks of UTF-8 bytes, and each issue of its
 * list is handed on as soon as its closing brace is read, built with only the members the reader selected.
 *
 * Why: `JSON.parse` of a whole 225 MB export builds every object of every issue at once (about 1.2 GB)
 * before the first one can be read, and most of what it builds is never read. Here an issue's bytes are
 * parsed once, straight into the few fields kept (see `selective-json.ts`), and only the unparsed rest of
 * the last chunk is held between chunks.
 *
 * The envelope is read token by token: a JSON array of issues, or an object (a search/jql page) whose
 * "issues" member is that array; its other members (`nextPageToken`, `names`...) are checked and skipped.
 * A token cut by the end of a chunk is parsed again from its start once more bytes have arrived, so the
 * parser itself never has to stop and resume in the middle of a value.
 */
import { isWhitespace, JsonStreamError, quoteByte, SelectiveJsonParser, Char, TruncatedJson, type Selection } from './selective-json';

/** What the input must be, in the words the command's error messages use. */
export const NOT_AN_ISSUE_LIST = 'expected a JSON array of issues (search/jql shape), or an object with an "issues" array';

/**
 * Receives one element of the issue list, built by the selection; its index in the list; and a function
 * giving its whole JSON text, for a caller that needs more than the selection (valid during the call only).
 */
export type IssueHandler = (issue: unknown, position: number, text: () => string) => void;

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
  /** A part of the list read alone (a stream given `partFrom`): its closing bracket reached, where the part ends. */
  PartClosed,
}

/** UTF-8's byte order mark, which some tools write at the start of a file: allowed, and skipped. */
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

export class IssueListStream {
  private readonly parser = new SelectiveJsonParser();
  /** Bytes received and not yet parsed, from `at` to `length`; `parser.base` is the input offset of byte 0. */
  private window = Buffer.allocUnsafe(1 << 16);
  private length = 0;
  private at = 0;
  /** After a cut token, how many unparsed bytes to gather before trying again (so a huge value is not re-read per chunk). */
  private waitFor = 0;
  private readonly out: unknown[] = [undefined];
  private state = State.Start;
  private key: string | null = null;
  private sawIssues = false;
  /** True when the list is the "issues" member of a page object rather than the whole input. */
  private listInObject = false;
  private position = 0;
  /** Where the issue last handed on ends, as an offset in the input (the byte after it). */
  issueEnd = 0;
  /** For a part of the list read alone: the offset of the list's closing bracket, once reached. */
  partClosedAt = -1;

  /**
   * @param partFrom for a stream that reads a part of an issue list alone, from an issue (after a comma in the
   * list) to the list's closing bracket and no further, the input offset of the part's first byte: what another
   * thread reads of a large export (see list-part-thread.ts); null for the whole input
   */
  constructor(
    private readonly selection: Selection,
    private readonly onIssue: IssueHandler,
    private readonly partFrom: number | null = null,
  ) {
    if (partFrom !== null) {
      this.state = State.Element;
      this.parser.base = partFrom;
    }
  }

  /**
   * Whether every byte up to `offset` is read and the list's next issue starts there (after a comma): where the
   * issues read apart from `offset` on (by a stream given `partFrom`) take up the list, as if this stream had read them.
   */
  isBeforeIssueAt(offset: number): boolean {
    if (this.at < this.length) this.parse(false);
    return this.state === State.Element && this.at === this.length && this.parser.base + this.length === offset;
  }

  /**
   * Goes on as if this stream had read the input up to `offset` and the issues before it, which another reader
   * handed on (the stream is `isBeforeIssueAt` the first of them): the next bytes pushed are the input's from
   * `offset`, the end of an issue.
   */
  resumeAfterIssuesAt(offset: number, issues: number): void {
    if (this.state !== State.Element || this.at !== this.length) throw new Error('the stream is not between two issues');
    this.parser.base = offset;
    this.length = 0;
    this.at = 0;
    this.waitFor = 0;
    this.position += issues;
    this.state = State.ElementCommaOrEnd;
  }

  /** The number of issues handed on so far. */
  get issues(): number {
    return this.position;
  }

  /** Reads the next chunk of bytes; the caller may reuse the chunk once this returns. @throws JsonStreamError */
  push(chunk: Uint8Array): void {
    if (this.at > 0) {
      this.window.copyWithin(0, this.at, this.length);
      this.parser.base += this.at;
      this.length -= this.at;
      this.at = 0;
    }
    if (this.length + chunk.length > this.window.length) {
      const larger = Buffer.allocUnsafe(Math.max(this.length + chunk.length, this.window.length * 2));
      this.window.copy(larger, 0, 0, this.length);
      this.window = larger;
    }
    this.window.set(chunk, this.length);
    this.length += chunk.length;
    if (this.length >= this.waitFor) this.parse(false);
  }

  /** Marks the end of the input. @throws JsonStreamError when the input stopped early. */
  end(): void {
    this.parse(true);
    if (this.state !== State.Done && this.state !== State.PartClosed) {
      const offset = this.parser.base + this.length;
      throw new JsonStreamError(this.state === State.Start ? 'no JSON value: the input is empty' : 'unexpected end of the input', offset);
    }
  }

  private parse(final: boolean): void {
    this.parser.bytes = this.window.subarray(0, this.length);
    try {
      while (this.at < this.length && this.state !== State.PartClosed) this.at = this.step(this.at);
      this.waitFor = 0;
    } catch (error) {
      if (!(error instanceof TruncatedJson)) throw error;
      if (final) throw new JsonStreamError('unexpected end of the input', this.parser.base + this.length);
      this.waitFor = 2 * (this.length - this.at);
    }
  }

  private fail(problem: string, i: number): never {
    return this.parser.fail(problem, i);
  }

  /** Reads one token (whitespace, a bracket, a member, an issue) at `i`; returns the index after it. */
  private step(i: number): number {
    const c = this.window[i] as Char;
    if (isWhitespace(c) || (this.state === State.Start && c === BYTE_ORDER_MARK[this.parser.base + i])) return i + 1;
    switch (this.state) {
      case State.Start:
        if (c === Char.OpenBracket) return this.enter(State.ElementOrEnd, i);
        if (c === Char.OpenBrace) return this.enter(State.KeyOrEnd, i);
        return this.notAnIssueList(i);
      case State.KeyOrEnd:
      case State.Key: {
        if (c === Char.CloseBrace && this.state === State.KeyOrEnd) return this.closeObject(i);
        if (c !== Char.Quote) this.fail(`expected a member name in quotes, found ${quoteByte(this.window, i)}`, i);
        const end = this.parser.string(i, this.out);
        this.key = this.out[0] as string;
        this.state = State.Colon;
        return end;
      }
      case State.Colon:
        if (c !== Char.Colon) this.fail(`expected ":" after a member name, found ${quoteByte(this.window, i)}`, i);
        return this.enter(State.MemberValue, i);
      case State.MemberValue:
        if (this.key === 'issues') {
          if (this.sawIssues) this.fail('the "issues" member appears twice', i);
          this.sawIssues = true;
          if (c !== Char.OpenBracket) return this.notAnIssueList(i);
          this.listInObject = true;
          return this.enter(State.ElementOrEnd, i);
        }
        this.parser.depth = 0;
        i = this.parser.value(i, null, this.out);
        this.state = State.MemberCommaOrEnd;
        return i;
      case State.MemberCommaOrEnd:
        if (c === Char.Comma) return this.enter(State.Key, i);
        if (c === Char.CloseBrace) return this.closeObject(i);
        return this.fail(`expected "," or "}" after a member, found ${quoteByte(this.window, i)}`, i);
      case State.ElementOrEnd:
      case State.Element: {
        if (c === Char.CloseBracket && this.state === State.ElementOrEnd) return this.closeList(i);
        if (c === Char.CloseBracket || c === Char.Comma || c === Char.CloseBrace || c === Char.Colon) {
          this.fail(`expected an issue, found ${quoteByte(this.window, i)}`, i);
        }
        this.parser.depth = 0;
        const end = this.parser.value(i, this.selection, this.out);
        this.state = State.ElementCommaOrEnd;
        this.issueEnd = this.parser.base + end;
        this.onIssue(this.out[0], this.position++, () => this.window.toString('utf8', i, end));
        return end;
      }
      case State.ElementCommaOrEnd:
        if (c === Char.Comma) return this.enter(State.Element, i);
        if (c === Char.CloseBracket) return this.closeList(i);
        return this.fail(`expected "," or "]" after an issue, found ${quoteByte(this.window, i)}`, i);
      case State.PartClosed:
      case State.Done:
        return this.fail(`unexpected ${quoteByte(this.window, i)} after the end of the JSON value`, i);
    }
  }

  private enter(state: State, i: number): number {
    this.state = state;
    return i + 1;
  }

  private notAnIssueList(i: number): never {
    return this.fail(NOT_AN_ISSUE_LIST, i);
  }

  private closeObject(i: number): number {
    if (!this.sawIssues) this.notAnIssueList(i);
    return this.enter(State.Done, i);
  }

  private closeList(i: number): number {
    if (this.partFrom !== null) {
      this.partClosedAt = this.parser.base + i;
      return this.enter(State.PartClosed, i);
    }
    const next = this.listInObject ? State.MemberCommaOrEnd : State.Done;
    this.listInObject = false;
    return this.enter(next, i);
  }
}
