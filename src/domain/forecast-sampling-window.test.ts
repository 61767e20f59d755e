import { isoDateToDay } from './calendar-day';
import { checkSamplingWindow, MIN_SAMPLING_DAYS } from './forecast-sampling-window';

const day = (iso: string) => isoDateToDay(iso)!;
// A history from 1 March 2025; today is 31 March, so 30 complete days: 1–30 March.
const history = { firstDay: day('2025-03-01'), lastCompleteDay: day('2025-03-30') };

describe('the sampling window a reader chooses', () => {
  it('takes the last N complete days before today', () => {
    expect(checkSamplingWindow({ lastDays: 14 }, history)).toEqual({ ok: true, from: day('2025-03-17'), to: day('2025-03-30') });
    expect(checkSamplingWindow({ lastDays: 30 }, history)).toEqual({ ok: true, from: day('2025-03-01'), to: day('2025-03-30') });
  });

  it('refuses a number of days shorter than the minimum, longer than the history, or not whole', () => {
    const message = 'Choose a whole number of days from 14 to 30 (the history starts on 2025-03-01).';
    for (const lastDays of [13, 31, 14.5, 0, -14, Number.NaN]) {
      expect(checkSamplingWindow({ lastDays }, history)).toEqual({ ok: false, message });
    }
  });

  it('takes a date range inside the history, both days included', () => {
    expect(checkSamplingWindow({ from: '2025-03-01', to: '2025-03-14' }, history)).toEqual({
      ok: true,
      from: day('2025-03-01'),
      to: day('2025-03-14'),
    });
  });

  it('says what is wrong with a date range, in words a reader can act on', () => {
    const check = (from: string, to: string) => checkSamplingWindow({ from, to }, history);
    expect(check('2025-02-20', '2025-03-20')).toEqual({
      ok: false,
      message: 'The history starts on 2025-03-01: choose a start on or after it.',
    });
    expect(check('2025-03-10', '2025-03-31')).toEqual({
      ok: false,
      message: 'Choose an end on or before 2025-03-30: today is not over yet.',
    });
    expect(check('2025-03-20', '2025-03-05')).toEqual({ ok: false, message: 'The end of the sampling window is before its start.' });
    expect(check('2025-03-01', '2025-03-13')).toEqual({ ok: false, message: 'The sampling window spans 13 days; choose at least 14.' });
    expect(check('', '2025-03-13')).toEqual({ ok: false, message: 'Enter both dates of the sampling window.' });
    expect(check('2025-02-30', '2025-03-20')).toEqual({ ok: false, message: 'Enter both dates of the sampling window.' });
  });

  it('refuses every window when the history is shorter than the minimum', () => {
    const short = { firstDay: day('2025-03-20'), lastCompleteDay: day('2025-03-30') };
    expect(checkSamplingWindow({ lastDays: MIN_SAMPLING_DAYS }, short)).toEqual({
      ok: false,
      message: 'The history holds 11 complete days; a sampling window needs at least 14.',
    });
  });

  it('writes dates as the caller asks', () => {
    const check = checkSamplingWindow({ from: '2025-02-01', to: '2025-03-20' }, history, () => '1 Mar 2025');
    expect(check).toEqual({ ok: false, message: 'The history starts on 1 Mar 2025: choose a start on or after it.' });
  });
});
