/**
 * Reading an issue's `changelog` straight from the file's bytes into the status and flag changes the flow
 * metrics use (a `PreReadChangelog`), without building an object per history or per change item.
 *
 * Why: the changelog is most of an export (ten or more histories per issue, each with its items), and
 * building each as objects and then compacting them was most of the time spent reading one. Here only the
 * values of the changes kept are taken (their strings mostly answered from the parser's table of short
 * strings), straight into reused columns; the builder checks and compacts them as it does parsed histories.
 *
 * Only the usual shape is read this way: an object whose `histories` are an array of objects, each with one
 * `items` array. Anything else (a changelog missing its histories, an item list given twice, bytes that are
 * not JSON) is read again from the changelog's start the plain way, building the histories as objects
 * (`PLAIN_CHANGELOG`), so what the builder reports about it, and where, is worded once, by the builder and
 * the parser. The equivalence of both ways is tested in changelog-reader.test.ts and report-input.test.ts.
 */
import { changeKind, historyOrder, parseIsoTimestampBytes, PreReadChangelog, READ_AHEAD } from '../domain';
import { ChangeItemMemo } from './change-item-memo';
import { dateTimeEnd } from './date-time-reader';
import { ALL, Char, selectElements, selectMembers, Selection, TruncatedJson, type SelectiveJsonParser } from './selective-json';

/** Members taken whole, by name: also the table the reader looks member names up in, by their bytes. */
const members = (names: readonly string[]) => Selection.members(names.map((name) => [name, ALL]));

/** A change item: the field it changed, and its values before and after, as ids and as text. */
const CHANGE_ITEM = members(['field', 'fieldId', 'from', 'fromString', 'to', 'toString']);
const enum ItemMember {
  Field,
  FieldId,
  From,
  FromString,
  To,
  ToString,
}
const HISTORY = members(['items', 'created', 'id']);
const enum HistoryMember {
  Items,
  Created,
  Id,
}
const CHANGELOG = members(['histories', 'total']);
const enum ChangelogMember {
  Histories,
  Total,
}

/** The changelog built as objects, as `JiraHistoryBuilder` reads a changelog parsed whole. */
const PLAIN_CHANGELOG = selectMembers({
  total: ALL,
  histories: selectElements(selectMembers({ id: ALL, created: ALL, items: selectElements(CHANGE_ITEM) })),
});

/** Digits enough for any history id Jira gives, and few enough that their number is exact. */
const MAX_ID_DIGITS = 15;

/**
 * `historyOrder` of a history id given as a string of decimal digits (as Jira writes them), read from its
 * bytes `start` to `end`; -1 when they are not such digits (none, or too many), to be read the plain way.
 */
function decimalDigits(bytes: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > MAX_ID_DIGITS) return -1;
  let value = 0;
  for (let k = start; k < end; k++) {
    const digit = bytes[k]! - Char.Zero;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * For a string starting at `i` (its opening quote) that is to be read as a history id: the index of its closing
 * quote when only decimal digits come before it (no escape can be among them), else -1, to be read the plain way.
 */
function digitsEnd(bytes: Uint8Array, i: number): number {
  let k = i + 1;
  while (k < bytes.length && (bytes[k] as Char) >= Char.Zero && (bytes[k] as Char) <= Char.Nine) k++;
  return bytes[k] === Char.Quote ? k : -1;
}

/** Thrown inside the reader when the changelog is not in the usual shape: it is then read the plain way. */
class UnusualChangelog extends Error {}
const UNUSUAL = new UnusualChangelog('not the usual shape of a changelog');

export class ChangelogReader {
  /** The selection that reads a changelog with this reader. */
  readonly selection = Selection.readBy((parser, i, out) => this.read(parser, i, out));
  /** Filled by each changelog read, and handed on until the next one: the builder is done with it by then. */
  private readonly changelog = new PreReadChangelog();
  private readonly out: unknown[] = [undefined];
  /** A change item's members, by `ItemMember`: null until read, or when not a string. */
  private readonly item: (string | null)[] = CHANGE_ITEM.names.map(() => null);
  /** Items read before, by their bytes: most items repeat one read before byte for byte. */
  private readonly memo = new ChangeItemMemo();
  /** The index after the container that `first` or `next` found closed. */
  private closedAt = 0;

  /** @param flaggedFieldIds the Flagged field's ids in this configuration, whose changes are kept besides the status's */
  constructor(private readonly flaggedFieldIds: ReadonlySet<string>) {}

  private read(parser: SelectiveJsonParser, start: number, out: unknown[]): number {
    this.changelog.clear();
    const depth = parser.depth;
    try {
      const end = this.readChangelog(parser, start);
      out[0] = this.changelog;
      return end;
    } catch (error) {
      if (error instanceof TruncatedJson) throw error;
      // Read again from the changelog's start, as deep as it was then.
      parser.depth = depth;
      return parser.value(start, PLAIN_CHANGELOG, out);
    }
  }

  private readChangelog(p: SelectiveJsonParser, i: number): number {
    if (p.byteAt(i) !== Char.OpenBrace) throw UNUSUAL;
    let sawHistories = false;
    for (let at = this.first(p, i, Char.CloseBrace); at >= 0; at = this.next(p, at, Char.CloseBrace)) {
      at = p.memberName(at, CHANGELOG, this.out);
      const member: ChangelogMember = p.member;
      if (member === ChangelogMember.Histories) {
        if (sawHistories) throw UNUSUAL;
        sawHistories = true;
        at = this.readHistories(p, at);
      } else if (member === ChangelogMember.Total) {
        at = p.value(at, ALL, this.out);
        this.changelog.total = this.out[0];
      } else {
        at = p.skipValue(at);
      }
    }
    if (!sawHistories) throw UNUSUAL;
    return this.closedAt;
  }

  private readHistories(p: SelectiveJsonParser, i: number): number {
    if (p.byteAt(i) !== Char.OpenBracket) throw UNUSUAL;
    let h = 0;
    for (let at = this.first(p, i, Char.CloseBracket); at >= 0; at = this.next(p, at, Char.CloseBracket)) at = this.readHistory(p, at, h++);
    this.changelog.histories = h;
    return this.closedAt;
  }

  /** Reads history `h`: the kept changes of its items, then its date and id, which may come after them. */
  private readHistory(p: SelectiveJsonParser, i: number, h: number): number {
    if (p.byteAt(i) !== Char.OpenBrace) throw UNUSUAL;
    const changes = this.changelog.changes;
    const first = changes.length;
    let created: unknown = undefined;
    let instant = NaN;
    let order = 0;
    let sawItems = false;
    for (let at = this.first(p, i, Char.CloseBrace); at >= 0; at = this.next(p, at, Char.CloseBrace)) {
      at = p.memberName(at, HISTORY, this.out);
      const member: HistoryMember = p.member;
      if (member === HistoryMember.Items) {
        if (sawItems) throw UNUSUAL;
        sawItems = true;
        at = this.readItems(p, at, h);
      } else if (member === HistoryMember.Created) {
        // A date-time is read from its bytes; anything else is taken as it is, for the builder to judge.
        const close = p.byteAt(at) === Char.Quote ? dateTimeEnd(p, at) : -1;
        instant = close < 0 ? NaN : parseIsoTimestampBytes(p.bytes, at + 1, close);
        if (Number.isNaN(instant)) {
          at = p.value(at, ALL, this.out);
          created = this.out[0];
        } else {
          at = close + 1;
          created = READ_AHEAD;
        }
      } else if (member === HistoryMember.Id) {
        const close = p.byteAt(at) === Char.Quote ? digitsEnd(p.bytes, at) : -1;
        const digits = close < 0 ? -1 : decimalDigits(p.bytes, at + 1, close);
        if (digits >= 0) {
          at = close + 1;
          order = digits;
        } else {
          at = p.value(at, ALL, this.out);
          order = historyOrder(this.out[0]);
        }
      } else {
        at = p.skipValue(at);
      }
    }
    if (!sawItems) throw UNUSUAL;
    const end = this.closedAt;
    changes.setHistory(first, created, order, instant);
    return end;
  }

  private readItems(p: SelectiveJsonParser, i: number, h: number): number {
    if (p.byteAt(i) !== Char.OpenBracket) throw UNUSUAL;
    let n = 0;
    for (let at = this.first(p, i, Char.CloseBracket); at >= 0; at = this.next(p, at, Char.CloseBracket)) at = this.readItem(p, at, h, n++);
    return this.closedAt;
  }

  /** Reads item `n` of history `h`, and keeps it when it changed the status or the Flagged field. */
  private readItem(p: SelectiveJsonParser, i: number, h: number, n: number): number {
    // The builder passes over an item that is not an object, as it does over another field's change.
    if (p.byteAt(i) !== Char.OpenBrace) return p.skipValue(i);
    const candidateEnd = this.memo.candidateEnd(p.bytes, i);
    const known = candidateEnd < 0 ? null : this.memo.find(p.bytes, i, candidateEnd);
    if (known !== null) {
      this.changelog.changes.add(h, n, undefined, 0, known.kind, known.from, known.fromName, known.to, known.toName);
      return candidateEnd;
    }
    const item = this.item;
    // A loop rather than fill(), which is a call into the runtime for six members.
    for (let k = 0; k < item.length; k++) item[k] = null;
    const out = this.out;
    for (let at = this.first(p, i, Char.CloseBrace); at >= 0; at = this.next(p, at, Char.CloseBrace)) {
      at = p.memberName(at, CHANGE_ITEM, out);
      const member = p.member;
      if (member < 0) {
        at = p.skipValue(at);
      } else {
        // Nearly always a string (or null): read as one directly.
        at = p.byteAt(at) === Char.Quote ? p.string(at, out) : p.value(at, ALL, out);
        // As the builder reads a parsed item: a string, or nothing (a later duplicate wins, as in JSON.parse).
        item[member] = typeof out[0] === 'string' ? out[0] : null;
      }
    }
    const end = this.closedAt;
    const kind = changeKind(item[ItemMember.FieldId] ?? null, item[ItemMember.Field] ?? null, this.flaggedFieldIds);
    if (kind === null) return end;
    const from = item[ItemMember.From] ?? null;
    const fromName = item[ItemMember.FromString] ?? null;
    const to = item[ItemMember.To] ?? null;
    const toName = item[ItemMember.ToString] ?? null;
    // Remembered only when its first `}` is its end, where the next item like it will be looked for.
    if (end === candidateEnd) this.memo.remember(p.bytes, i, end, { kind, from, fromName, to, toName });
    this.changelog.changes.add(h, n, undefined, 0, kind, from, fromName, to, toName);
    return end;
  }

  /** The index of the first member or element of the container opening at `i`, or -1 when it is empty (see `closedAt`). */
  private first(p: SelectiveJsonParser, i: number, close: Char): number {
    i = p.skipWhitespace(i + 1);
    if (p.byteAt(i) !== close) return i;
    this.closedAt = i + 1;
    return -1;
  }

  /** After a member or element ending at `i`: the index of the next one, or -1 when the container closes (see `closedAt`). */
  private next(p: SelectiveJsonParser, i: number, close: Char): number {
    i = p.skipWhitespace(i);
    const c = p.byteAt(i);
    if (c === Char.Comma) return p.skipWhitespace(i + 1);
    if (c !== close) throw UNUSUAL;
    this.closedAt = i + 1;
    return -1;
  }
}
