import fc from 'fast-check';
import { formatIsoTimestamp, parseIsoTimestamp } from './iso-timestamp';

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
