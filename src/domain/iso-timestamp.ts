/**
 * Instants as epoch milliseconds, parsed from ISO 8601 date-times.
 *
 * Jira writes times as `2024-01-15T10:23:45.123+0000` (offset without a colon), which `Date.parse` accepts in
 * some engines and rejects in others. This parser accepts exactly the ISO 8601 / RFC 3339 forms Jira and users
 * write, in every engine, and rejects impossible values (month 13, 30 February, minute 60) instead of
 * rolling them over the way `Date` does. It also never allocates a Date, which matters when a million history
 * entries are read.
 */
import { daysInMonth, dayFromCivil, MS_PER_DAY } from './calendar-day';

// Local bindings for the per-timestamp path (see the note on NO_DAY in calendar-day.ts).
const monthLength = daysInMonth;
const civilToDay = dayFromCivil;

/** Whether a year, month and day name a day of the calendar (not 2023-02-29, not month 13). */
function isCivilDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= monthLength(year, month);
}

/** The instant of a date and time of day at an offset from UTC, each field already checked: what every parser here gives. */
function civilInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  offsetMinutes: number,
): number {
  return civilToDay(year, month, day) * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis - offsetMinutes * 60_000;
}

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/**
 * Epoch milliseconds of `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM|±HHMM|±HH)`, or NaN when the text is not such a
 * date-time or names an impossible one. An offset is required: a time without one has no single meaning.
 * Fractions beyond milliseconds are truncated.
 */
export function parseIsoTimestamp(text: string): number {
  if (typeof text !== 'string' || text.length < 17) return NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const sep = text.charCodeAt(10);
  if (
    year < 0 ||
    text.charCodeAt(4) !== 45 || // '-'
    text.charCodeAt(7) !== 45 ||
    (sep !== 84 && sep !== 116 && sep !== 32) || // 'T', 't' or ' '
    text.charCodeAt(13) !== 58 // ':'
  ) {
    return NaN;
  }
  if (!isCivilDate(year, month, day)) return NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;

  let pos = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(pos) === 58) {
    second = digits(text, pos + 1, 2);
    if (second < 0 || second > 59) return NaN;
    pos += 3;
    if (text.charCodeAt(pos) === 46 || text.charCodeAt(pos) === 44) {
      // '.' or ',' then one or more digits; keep the first three.
      pos++;
      const fractionStart = pos;
      while (pos < text.length) {
        const code = text.charCodeAt(pos) - 48;
        if (code < 0 || code > 9) break;
        const place = pos - fractionStart;
        if (place < 3) millis += code * (place === 0 ? 100 : place === 1 ? 10 : 1);
        pos++;
      }
      if (pos === fractionStart) return NaN;
    }
  }

  let offsetMinutes: number;
  const sign = text.charCodeAt(pos);
  if ((sign === 90 || sign === 122) && pos + 1 === text.length) {
    offsetMinutes = 0; // 'Z'
  } else if (sign === 43 || sign === 45) {
    const rest = text.length - pos - 1;
    const offsetHours = digits(text, pos + 1, 2);
    let offsetMins = 0;
    if (rest === 2) offsetMins = 0;
    else if (rest === 4) offsetMins = digits(text, pos + 3, 2);
    else if (rest === 5 && text.charCodeAt(pos + 3) === 58) offsetMins = digits(text, pos + 4, 2);
    else return NaN;
    if (offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59) return NaN;
    offsetMinutes = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  } else {
    return NaN;
  }

  return civilInstant(year, month, day, hour, minute, second, millis, offsetMinutes);
}

/** The digits of bytes `start` to `start + count` (before `end`) as a number, or -1 when one is not a digit. */
function byteDigits(bytes: Uint8Array, start: number, count: number, end: number): number {
  if (start + count > end) return -1;
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const code = bytes[i]! - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/** The length of a date-time as Jira writes every one of them: `2024-01-15T10:23:45.123+0000`. */
const JIRA_FORM_LENGTH = 28;
/** What `jiraFormBytes` answers for bytes not in Jira's form (NaN says an impossible date-time in that form). */
const NOT_JIRA_FORM = -Infinity;

/** The two digits at `i` as a number, or -1 when either is not a digit. */
function twoDigits(bytes: Uint8Array, i: number): number {
  const tens = bytes[i]! - 48;
  const units = bytes[i + 1]! - 48;
  // A byte below '0' gives a negative difference, which as unsigned is above 9.
  return tens >>> 0 > 9 || units >>> 0 > 9 ? -1 : tens * 10 + units;
}

/**
 * `parseIsoTimestampBytes` of the 28 bytes at `start` when they are in the form Jira writes every date-time in
 * (`2024-01-15T10:23:45.123+0000`), read in one pass with no position to track; `NOT_JIRA_FORM` for any other
 * form, left to the general reading.
 *
 * Why: an export holds a date-time per history, hundreds of thousands of them, all in this form.
 */
function jiraFormBytes(bytes: Uint8Array, start: number): number {
  const century = twoDigits(bytes, start);
  const yearOfCentury = twoDigits(bytes, start + 2);
  const month = twoDigits(bytes, start + 5);
  const day = twoDigits(bytes, start + 8);
  const hour = twoDigits(bytes, start + 11);
  const minute = twoDigits(bytes, start + 14);
  const second = twoDigits(bytes, start + 17);
  const centiseconds = twoDigits(bytes, start + 20);
  const lastMillisecond = bytes[start + 22]! - 48;
  const sign = bytes[start + 23];
  const offsetHours = twoDigits(bytes, start + 24);
  const offsetMins = twoDigits(bytes, start + 26);
  if (
    (century | yearOfCentury | month | day | hour | minute | second | centiseconds | offsetHours | offsetMins) < 0 ||
    lastMillisecond >>> 0 > 9 ||
    bytes[start + 4] !== 45 || // '-'
    bytes[start + 7] !== 45 ||
    bytes[start + 10] !== 84 || // 'T'
    bytes[start + 13] !== 58 || // ':'
    bytes[start + 16] !== 58 ||
    bytes[start + 19] !== 46 || // '.'
    (sign !== 43 && sign !== 45) // '+' or '-'
  ) {
    return NOT_JIRA_FORM;
  }
  const year = century * 100 + yearOfCentury;
  if (!isCivilDate(year, month, day)) return NaN;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMins > 59) return NaN;
  const offsetMinutes = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  const millis = centiseconds * 10 + lastMillisecond;
  return civilInstant(year, month, day, hour, minute, second, millis, offsetMinutes);
}

/**
 * `parseIsoTimestamp` of the ASCII text in bytes `start` to `end` (exclusive), read straight from the bytes:
 * a reader of a large file gets the instant without making a string of each date first. The same forms are
 * accepted and the same instants given (a property test holds the two to each other).
 */
export function parseIsoTimestampBytes(bytes: Uint8Array, start: number, end: number): number {
  if (end - start === JIRA_FORM_LENGTH) {
    const instant = jiraFormBytes(bytes, start);
    if (instant !== NOT_JIRA_FORM) return instant;
  }
  if (end - start < 17) return NaN;
  const year = byteDigits(bytes, start, 4, end);
  const month = byteDigits(bytes, start + 5, 2, end);
  const day = byteDigits(bytes, start + 8, 2, end);
  const hour = byteDigits(bytes, start + 11, 2, end);
  const minute = byteDigits(bytes, start + 14, 2, end);
  const sep = bytes[start + 10];
  if (
    year < 0 ||
    bytes[start + 4] !== 45 || // '-'
    bytes[start + 7] !== 45 ||
    (sep !== 84 && sep !== 116 && sep !== 32) || // 'T', 't' or ' '
    bytes[start + 13] !== 58 // ':'
  ) {
    return NaN;
  }
  if (!isCivilDate(year, month, day)) return NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;

  let pos = start + 16;
  let second = 0;
  let millis = 0;
  if (pos < end && bytes[pos] === 58) {
    second = byteDigits(bytes, pos + 1, 2, end);
    if (second < 0 || second > 59) return NaN;
    pos += 3;
    if (pos < end && (bytes[pos] === 46 || bytes[pos] === 44)) {
      // '.' or ',' then one or more digits; keep the first three.
      pos++;
      const fractionStart = pos;
      while (pos < end) {
        const code = bytes[pos]! - 48;
        if (code < 0 || code > 9) break;
        const place = pos - fractionStart;
        if (place < 3) millis += code * (place === 0 ? 100 : place === 1 ? 10 : 1);
        pos++;
      }
      if (pos === fractionStart) return NaN;
    }
  }
  if (pos >= end) return NaN;

  let offsetMinutes: number;
  const sign = bytes[pos];
  if ((sign === 90 || sign === 122) && pos + 1 === end) {
    offsetMinutes = 0; // 'Z'
  } else if (sign === 43 || sign === 45) {
    const rest = end - pos - 1;
    const offsetHours = byteDigits(bytes, pos + 1, 2, end);
    let offsetMins = 0;
    if (rest === 2) offsetMins = 0;
    else if (rest === 4) offsetMins = byteDigits(bytes, pos + 3, 2, end);
    else if (rest === 5 && bytes[pos + 3] === 58) offsetMins = byteDigits(bytes, pos + 4, 2, end);
    else return NaN;
    if (offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59) return NaN;
    offsetMinutes = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  } else {
    return NaN;
  }

  return civilInstant(year, month, day, hour, minute, second, millis, offsetMinutes);
}

/** `2024-01-15T10:23:45.123Z` */
export function formatIsoTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
