import { formatDate } from '../../../common/format-date-time';
import { checkItemCount, checkTargetDate, MAX_FORECAST_ITEMS } from './forecast-questions';

describe('the questions asked of the forecast', () => {
  it('takes a target date after today only', () => {
    expect(checkTargetDate('2026-03-13', '2026-03-12')).toEqual({ ok: true, value: '2026-03-13' });
    expect(checkTargetDate('2026-03-12', '2026-03-12')).toEqual({
      ok: false,
      message: `Choose a date after today (${formatDate('2026-03-12')}).`,
    });
    expect(checkTargetDate('2025-01-01', '2026-03-12').ok).toBe(false);
    expect(checkTargetDate('', '2026-03-12')).toEqual({ ok: false, message: 'Enter a date to forecast to.' });
    expect(checkTargetDate('2026-02-30', '2026-03-12')).toEqual({
      ok: false,
      message: '2026-02-30 is not a date; use the YYYY-MM-DD form.',
    });
  });

  it('takes a target date up to a year ahead, and says why not further', () => {
    expect(checkTargetDate('2027-03-12', '2026-03-12')).toEqual({ ok: true, value: '2027-03-12' });
    for (const far of ['2027-03-13', '2200-01-01', '9999-12-31']) {
      expect(checkTargetDate(far, '2026-03-12')).toEqual({
        ok: false,
        message: `Choose a date up to a year ahead (${formatDate('2027-03-12')} at the latest): past throughput says little about work further away.`,
      });
    }
  });

  it('takes a whole number of items from 1 to the limit', () => {
    expect(checkItemCount('25')).toEqual({ ok: true, value: 25 });
    expect(checkItemCount(` ${MAX_FORECAST_ITEMS} `)).toEqual({ ok: true, value: MAX_FORECAST_ITEMS });
    for (const wrong of ['0', '-3', '2.5', 'ten', String(MAX_FORECAST_ITEMS + 1)]) {
      expect(checkItemCount(wrong)).toEqual({ ok: false, message: 'Enter a whole number of items from 1 to 10,000.' });
    }
    expect(checkItemCount('')).toEqual({ ok: false, message: 'Enter a number of items.' });
  });
});
