import { formatDate, formatDateTime } from './format-date-time';

describe('formatDateTime', () => {
  it('writes a timestamp in the given locale and time zone', () => {
    expect(formatDateTime('2026-03-12T14:05:00.000Z', 'en-GB', 'UTC')).toBe('12 Mar 2026, 14:05');
    expect(formatDateTime('2026-03-12T14:05:00.000Z', 'en-US', 'America/New_York')).toBe('Mar 12, 2026, 10:05 AM');
  });

  it('shows text it cannot parse as it is', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('formatDate', () => {
  it('writes a calendar date in the given locale, on the same day whatever the time zone', () => {
    expect(formatDate('2026-12-13', 'en-GB')).toBe('13 Dec 2026');
    expect(formatDate('2026-01-01', 'en-US')).toBe('Jan 1, 2026');
  });

  it('keeps one formatter per locale: asking in turn never writes a date in the other locale', () => {
    const written = ['en-GB', 'en-US', 'de-DE', 'en-GB', 'de-DE', 'en-US'].map((locale) => formatDate('2026-03-05', locale));
    expect(written).toEqual(['5 Mar 2026', 'Mar 5, 2026', '05.03.2026', '5 Mar 2026', '05.03.2026', 'Mar 5, 2026']);
  });

  it('shows text that is not a date as it is', () => {
    expect(formatDate('beyond the horizon')).toBe('beyond the horizon');
    expect(formatDate('2026-13-45')).toBe('2026-13-45');
  });
});
