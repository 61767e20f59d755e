/**
 * Date-times read straight from an export's bytes: where one ends, and an issue's own date-times
 * (`fields.created`, `fields.resolutiondate`) read as instants without a string made of them.
 *
 * Why: an export holds a date-time per history and two per issue, all in Jira's one form; made into strings
 * first (a native call each) and parsed from those, they were a tenth of reading an export.
 */
import { InstantReadAhead, parseIsoTimestampBytes } from '../domain';
import { ALL, Char, Selection, type SelectiveJsonParser } from './selective-json';

/** The length of a date-time as Jira writes every one of them: 2024-01-15T10:23:45.123+0000. */
const JIRA_DATE_TIME_LENGTH = 28;

/**
 * For a string starting at `i` (its opening quote) that is to be read as a date-time: where it may end, to be
 * confirmed by parsing. Where Jira's date-times end (28 bytes on) is tried first, without checking the bytes
 * before it as `plainStringEnd` would, only for `parseIsoTimestampBytes` to read them again. The index is only
 * a candidate: it is the string's closing quote when the parse of the bytes before it succeeds, since the parse
 * refuses any quote, backslash, control or non-ASCII byte (held by iso-timestamp.test.ts). A shorter string
 * puts another quote there (the next member's name), its bytes then fail the parse, and it is read the plain way.
 * Returns -1 when the string is not printable ASCII without escapes.
 */
export function dateTimeEnd(p: SelectiveJsonParser, i: number): number {
  const end = i + 1 + JIRA_DATE_TIME_LENGTH;
  return p.bytes[end] === Char.Quote ? end : p.plainStringEnd(i);
}

/**
 * An issue's date-time: an `InstantReadAhead` when it is a string `parseIsoTimestamp` reads, else the value as
 * it is (a string it refuses, null, anything else), for the builder to judge and word its message about.
 */
export const ISSUE_DATE_TIME = Selection.readBy((p, i, out) => {
  if (p.byteAt(i) === Char.Quote) {
    const close = dateTimeEnd(p, i);
    const instant = close < 0 ? NaN : parseIsoTimestampBytes(p.bytes, i + 1, close);
    if (!Number.isNaN(instant)) {
      out[0] = new InstantReadAhead(instant);
      return close + 1;
    }
  }
  return p.value(i, ALL, out);
});
