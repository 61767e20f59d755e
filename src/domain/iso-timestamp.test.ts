import fc from 'fast-check';
import { formatIsoTimestamp, parseIsoTimestamp, parseIsoTimestampBytes } from './iso-timestamp';

describe('parseIsoTimestamp', () => {
  it('reads the format Jira writes (offset without a colon)', () => {
    expect(parseIsoTimestamp('2024-01-15T10:23:45.123+0000')).toBe(Date.UTC(2024, 0, 15, 10, 23, 45, 123));
    expect(parseIsoTimestamp('2024-01-15T10:23:45.123+0100')).toBe(Date.UTC(2024, 0, 15, 9, 23, 45, 123));
    expect(parseIsoTimestamp('2024-01-15T10:23:45.123-0800')).toBe(Date.UTC(2024, 0, 15, 18, 23, 45, 123));
  });

  it('reads RFC 3339 forms', () => {
    expect(parseIsoTimestamp('2026-01-31T00:00:00Z')).toBe(Date.UTC(2026, 0, 31));
    expect(parseIsoTimestamp('2026-01-31T05:30:00+05:30')).toBe(Date.UTC(2026, 0, 31));
    expect(parseIsoTimestamp('2026-01-31T00:00Z')).toBe(Date.UTC(2026, 0, 31));
    expect(parseIsoTimestamp('2026-01-31T00:00:00.5Z')).toBe(Date.UTC(2026, 0, 31) + 500);
    expect(parseIsoTimestamp('2026-01-31T00:00:00.123456Z')).toBe(Date.UTC(2026, 0, 31) + 123);
    expect(parseIsoTimestamp('2026-01-31T01:00:00+01')).toBe(Date.UTC(2026, 0, 31));
  });

  it('rejects impossible or ambiguous date-times instead of rolling them over', () => {
    for (const text of [
      '2025-02-30T10:00:00Z', // no such day
      '2025-13-01T10:00:00Z',
      '2025-01-01T24:00:00Z',
      '2025-01-01T10:60:00Z',
      '2025-01-01T10:00:61Z',
      '2025-01-01T10:00:00', // no offset: which instant?
      '2025-01-01',
      '2025-01-01T10:00:00+2500',
      '2025-01-01T10:00:00.Z',
      'not a date',
      '',
    ]) {
      expect(parseIsoTimestamp(text)).toBeNaN();
    }
  });

  it('agrees with Date for every instant it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 4e12 }), (ms) => {
        expect(parseIsoTimestamp(formatIsoTimestamp(ms))).toBe(ms);
      }),
    );
  });
});

/** Date-times as Jira and RFC 3339 write them: any instant, offsets with and without a colon, 0 to 6 decimals. */
const isoDateTime = fc
  .record({
    ms: fc.integer({ min: 0, max: 7.2e12 }),
    offsetMinutes: fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
    decimals: fc.integer({ min: 0, max: 6 }),
    colon: fc.boolean(),
    zulu: fc.boolean(),
  })
  .map(({ ms, offsetMinutes, decimals, colon, zulu }) => {
    const offset = zulu ? 0 : offsetMinutes;
    const local = new Date(ms + offset * 60_000).toISOString(); // the wall-clock time at that offset
    const fraction = decimals === 0 ? '' : `.${local.slice(20, 23)}${'123'.slice(0, Math.max(0, decimals - 3))}`.slice(0, decimals + 1);
    const hhmm = `${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}${colon ? ':' : ''}${String(Math.abs(offset) % 60).padStart(2, '0')}`;
    const zone = zulu ? 'Z' : `${offset < 0 ? '-' : '+'}${hhmm}`;
    return { text: `${local.slice(0, 19)}${fraction}${zone}`, colon: colon || zulu };
  });

/** Text near a date-time: one character of a real one changed, cut short or lengthened. */
const nearDateTime = fc
  .tuple(isoDateTime, fc.nat(40), fc.constantFrom('', '0', '9', ':', '-', '+', 'Z', 'T', ' ', '.', ',', 'x', '/'), fc.boolean())
  .map(([{ text }, at, character, cut]) => (cut ? text.slice(0, at) : `${text.slice(0, at)}${character}${text.slice(at + 1)}`));

/** The text's bytes inside a larger buffer, as a reader meets them: other bytes on both sides. */
function inBytes(text: string): number {
  const bytes = Buffer.from(`"x":"${text}","9":1`, 'latin1');
  return parseIsoTimestampBytes(bytes, 5, 5 + text.length);
}

describe('parseIsoTimestampBytes', () => {
  it('gives Date.parse for any date-time with a time zone, with or without milliseconds', () => {
    fc.assert(
      fc.property(isoDateTime, ({ text, colon }) => {
        // Date.parse reads an offset only with its colon (RFC 3339); the colon-less form is Jira's.
        const expected = parseIsoTimestamp(text);
        expect(inBytes(text)).toBe(expected);
        if (colon) expect(expected).toBe(Date.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with parseIsoTimestamp on text in Jira's form with any digits, possible or not, and any separators", () => {
    const digit = fc.integer({ min: 0, max: 9 }).map(String);
    const digits = (count: number) => fc.array(digit, { minLength: count, maxLength: count }).map((list) => list.join(''));
    // Mostly the usual separator, so that most texts are in the form and their digits are what is tried.
    const separator = (usual: string) =>
      fc.oneof(
        { arbitrary: fc.constant(usual), weight: 30 },
        { arbitrary: fc.constantFrom('-', ':', 'T', 't', ' ', '.', ',', '+', 'Z', '0', '"'), weight: 1 },
      );
    /** Two digits, often at the edges of what the field allows. */
    const field = (...edges: string[]) => fc.oneof(digits(2), fc.constantFrom(...edges));
    const jiraForm = fc
      .tuple(
        fc.oneof(digits(4), fc.constantFrom('1970', '2024', '2100', '2000', '1900')),
        separator('-'),
        field('00', '01', '02', '12', '13'),
        separator('-'),
        field('00', '01', '28', '29', '30', '31', '32'),
        separator('T'),
        field('00', '23', '24'),
        separator(':'),
        field('00', '59', '60'),
        separator(':'),
        field('00', '59', '60'),
        separator('.'),
        digits(3),
        fc.oneof({ arbitrary: fc.constantFrom('+', '-'), weight: 10 }, { arbitrary: fc.constantFrom('Z', ':', '0'), weight: 1 }),
        field('00', '23', '24'),
        field('00', '59', '60'),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(jiraForm, (text) => {
        expect(inBytes(text)).toBe(parseIsoTimestamp(text));
      }),
      { numRuns: 5000 },
    );
    expect(inBytes('2024-02-29T23:59:59.999-2359')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999) + (23 * 60 + 59) * 60_000);
    expect(inBytes('2023-02-29T10:23:45.123+0000')).toBeNaN();
  });

  it('agrees with parseIsoTimestamp on any ASCII text, refusing what it refuses', () => {
    fc.assert(
      fc.property(
        fc.oneof(nearDateTime, fc.string({ unit: fc.integer({ min: 32, max: 126 }).map((code) => String.fromCharCode(code)) })),
        (text) => {
          expect(inBytes(text)).toBe(parseIsoTimestamp(text));
        },
      ),
      { numRuns: 5000 },
    );
    expect(inBytes('2025-02-30T10:00:00Z')).toBeNaN();
    expect(inBytes('2024-01-15T10:23:45.123+0000')).toBe(Date.UTC(2024, 0, 15, 10, 23, 45, 123));
  });

  it('refuses a date-time with a quote, a backslash, a control or a non-ASCII byte anywhere in it', () => {
    // The command's changelog reader relies on this: it takes the 29th byte after a string's opening quote as
    // the string's end when the bytes before it parse as a date-time (src/cli/changelog-reader.ts, dateTimeEnd).
    const notInPlainText = fc.constantFrom(0x22, 0x5c, 0x00, 0x0a, 0x1f, 0x7f, 0x80, 0xc3, 0xff);
    fc.assert(
      fc.property(isoDateTime, fc.nat(40), notInPlainText, fc.boolean(), ({ text }, at, byte, replace) => {
        const bytes = Buffer.from(`"x":"${text}"`, 'latin1');
        const position = 5 + (at % text.length);
        const changed = replace
          ? Buffer.concat([bytes.subarray(0, position), Buffer.of(byte), bytes.subarray(position + 1)])
          : Buffer.concat([bytes.subarray(0, position), Buffer.of(byte), bytes.subarray(position)]);
        expect(parseIsoTimestampBytes(changed, 5, 5 + text.length + (replace ? 0 : 1))).toBeNaN();
      }),
      { numRuns: 3000 },
    );
  });
});
