import { expect } from '@jest/globals';
import { checkDateRange, todayIn } from './date-range';
import { formatDate } from '../../common/format-date-time';

describe('a custom date range', () => {
  const today = '2026-03-12';

  it('accepts a start on or before the end, ending today at the latest', () => {
    expect(checkDateRange('2026-02-01', '2026-03-12', today)).toEqual({ ok: true, range: { from: '2026-02-01', to: '2026-03-12' } });
    expect(checkDateRange('2026-03-01', '2026-03-01', today).ok).toBe(true);
  });

  it('refuses a start after the end', () => {
    expect(checkDateRange('2026-03-05', '2026-03-01', today)).toEqual({
      ok: false,
      problem: 'reversed',
      message: `The start date (${formatDate('2026-03-05')}) must be on or before the end date (${formatDate('2026-03-01')}).`,
    });
  });

  it('refuses an end in the future', () => {
    expect(checkDateRange('2026-03-01', '2026-03-13', today)).toMatchObject({
      ok: false,
      problem: 'future',
      message: `The end date cannot be after today (${formatDate('2026-03-12')}).`,
    });
  });

  it('refuses missing and impossible dates', () => {
    expect(checkDateRange('', '2026-03-01', today)).toMatchObject({ ok: false, problem: 'missing' });
    expect(checkDateRange('2026-02-30', '2026-03-01', today)).toMatchObject({
      ok: false,
      problem: 'not-a-date',
      message: expect.stringContaining('2026-02-30'),
    });
  });

  it('takes today in the site’s time zone', () => {
    const lateEvening = Date.UTC(2026, 2, 12, 23, 30);
    expect(todayIn('UTC', lateEvening)).toBe('2026-03-12');
    expect(todayIn('Europe/Berlin', lateEvening)).toBe('2026-03-13');
  });
});
