/**
 * Where a large export's issue list may be cut in two, for two threads to read a part each (list-part-thread.ts):
 * the start of an issue in the list past a given offset, found by the bytes that start the list's first issue.
 *
 * It is a guess, found without parsing: a long string or a nested object may hold the same bytes. The command's
 * thread confirms it by reading the first part up to it (`IssueListStream.isBeforeIssueAt`) before it takes any
 * issue read from there, and reads on by itself when the guess was wrong, so the report is the same either way.
 */
import { Char, isWhitespace } from './selective-json';

/** How far into the head of the file the issue list's first issue is looked for. */
export const HEAD_BYTES = 1 << 16;

const ISSUES_MEMBER = /"issues"[ \t\r\n]*:[ \t\r\n]*\[/;

function skipWhitespace(bytes: Uint8Array, i: number): number {
  while (i < bytes.length && isWhitespace(bytes[i] as Char)) i++;
  return i;
}

/** How many of an object's first member names say how it opens: enough to tell an issue from the objects inside one. */
const OPENING_NAMES = 4;

/**
 * The first member names of the object whose brace is at `brace` (up to `OPENING_NAMES`, as long as the values
 * before them are strings, numbers or literals): how an issue opens (`expand`, `id`, `self`, `key` as Jira writes
 * it), which the objects inside an issue do not share (a history opens with `id` then `created`, a sub-task with
 * `id`, `key`, `self`). Null when the first member is not a plain name.
 */
function openingNames(bytes: Uint8Array, brace: number): string[] | null {
  const names: string[] = [];
  let i = skipWhitespace(bytes, brace + 1);
  for (;;) {
    const member = memberName(bytes, i);
    if (member === null) return names.length > 0 ? names : null;
    names.push(member.name);
    if (names.length === OPENING_NAMES) return names;
    i = skipWhitespace(bytes, member.end);
    if (bytes[i] === Char.Quote) {
      i++;
      while (i < bytes.length && bytes[i] !== Char.Quote) i += bytes[i] === Char.Backslash ? 2 : 1;
      i++;
    } else {
      while (i < bytes.length && bytes[i] !== Char.Comma && bytes[i] !== Char.CloseBrace && !isWhitespace(bytes[i] as Char)) {
        if (bytes[i] === Char.OpenBrace || bytes[i] === Char.OpenBracket) return names;
        i++;
      }
    }
    i = skipWhitespace(bytes, i);
    if (bytes[i] !== Char.Comma) return names;
    i = skipWhitespace(bytes, i + 1);
  }
}

/** A member name without escapes at `i` (its opening quote), and the index after its colon; null for anything else. */
function memberName(bytes: Uint8Array, i: number): { name: string; end: number } | null {
  if (bytes[i] !== Char.Quote) return null;
  let close = i + 1;
  while (close < bytes.length && bytes[close] !== Char.Quote) {
    if (bytes[close] === Char.Backslash) return null;
    close++;
  }
  const colon = skipWhitespace(bytes, close + 1);
  if (bytes[colon] !== Char.Colon) return null;
  return { name: Buffer.from(bytes.buffer, bytes.byteOffset + i + 1, close - i - 1).toString('latin1'), end: colon + 1 };
}

/** The offset of the list's first issue in the file's first bytes, or -1. */
function firstIssueAt(head: Uint8Array): number {
  const text = Buffer.from(head.buffer, head.byteOffset, head.length).toString('latin1');
  let list = skipWhitespace(head, text.startsWith('\u00ef\u00bb\u00bf') ? 3 : 0);
  if (head[list] !== Char.OpenBracket) {
    const member = ISSUES_MEMBER.exec(text);
    if (member === null) return -1;
    list = member.index + member[0].length - 1;
  }
  const brace = skipWhitespace(head, list + 1);
  return head[brace] === Char.OpenBrace ? brace : -1;
}

/**
 * The offset of the first issue in `window` (the file's bytes from offset `from`) that follows a comma and opens
 * as the list's first issue does (the same `openingNames`); -1 when there is none to be seen.
 * @param head the file's first bytes, `HEAD_BYTES` or all of a smaller file
 */
export function guessIssueStart(head: Uint8Array, window: Uint8Array, from: number): number {
  const first = firstIssueAt(head);
  const names = first < 0 ? null : openingNames(head, first);
  if (names === null) return -1;
  const bytes = Buffer.from(window.buffer, window.byteOffset, window.length);
  const opening = Buffer.from(`"${names[0]}"`, 'latin1');
  for (let at = bytes.indexOf(opening); at >= 0; at = bytes.indexOf(opening, at + 1)) {
    let brace = at - 1;
    while (brace >= 0 && isWhitespace(bytes[brace] as Char)) brace--;
    if (bytes[brace] !== Char.OpenBrace) continue;
    let comma = brace - 1;
    while (comma >= 0 && isWhitespace(bytes[comma] as Char)) comma--;
    if (bytes[comma] !== Char.Comma) continue;
    const opens = openingNames(bytes, brace);
    if (opens !== null && opens.length === names.length && opens.every((name, k) => name === names[k])) return from + brace;
  }
  return -1;
}
