import { formatDateTime } from './format-date-time';

describe('formatDateTime', () => {
  it("writes a timestamp in the given locale and time zone", () => {
    expect(formatDateTime('2026-03-12T14:05:00.000Z', 'en-GB', 'UTC')).toBe('12 Mar 2026, 14:05');
    expect(formatDateTime('2026-03-12T14:05:00.000Z', 'en-US', 'America/New_York')).toBe('Mar 12, 2026, 10:05 AM');
  });

  it('shows text it cannot parse as it is', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
