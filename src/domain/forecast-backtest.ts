/**
 * How trustworthy have this team's forecasts been? A weekly backtest.
 *
 * For each of the last K complete weeks, the forecast that could have been made on the morning the week
 * started (sampling the throughput of the window of days just before it, nothing after) is simulated, and its
 * answer at the chosen confidence (85%) to "how many items will be done this week?" is compared with what
 * was actually finished that week. A well-calibrated forecast is met in about 85% of weeks; a much lower hit
 * rate says the team's throughput is changing and forecasts should be read with care.
 *
 * Weeks end on the report's configured weekday. The week containing `now` is not complete and is not
 * judged. Weeks with no history before them are skipped. The past is seen with today's data: an item
 * reopened since is not counted in the week it was first finished.
 */
import type { DayNumber, WeekdayName } from './calendar-day';
import { DEFAULT_TRIALS, howManyTable, simulateHowMany } from './monte-carlo';
import { weekEndOf } from './reporting-period';
import { deriveSeed } from './seeded-random';

export interface BacktestOptions {
  /** Number of weeks to judge. */
  weeks: number;
  /** Days of history each forecast samples. */
  samplingDays: number;
  trials?: number;
  seed: number;
  weekEndsOn: WeekdayName;
  /** Default 85. */
  confidence?: number;
}

interface BacktestWeek {
  start: DayNumber;
  end: DayNumber;
  /** Items forecast at the confidence level. */
  forecast: number;
  actual: number;
  hit: boolean;
}

export interface ForecastBacktest {
  confidence: number;
  weeks: BacktestWeek[];
  hits: number;
  /** hits / weeks judged; NaN when no week could be judged. */
  hitRate: number;
}

/**
 * @param daily items done per day, `daily[0]` being `firstDay` (the first day with data); it must cover
 *   every day up to `lastCompleteDay`.
 * @param lastCompleteDay the last day whose throughput is final (the day before `now`).
 */
export function backtestWeeklyForecasts(
  daily: Int32Array,
  firstDay: DayNumber,
  lastCompleteDay: DayNumber,
  options: BacktestOptions,
): ForecastBacktest {
  const confidence = options.confidence ?? 85;
  const trials = options.trials ?? DEFAULT_TRIALS;
  const endOfWeek = weekEndOf(lastCompleteDay, options.weekEndsOn);
  const lastWeekEnd = endOfWeek === lastCompleteDay ? endOfWeek : endOfWeek - 7;
  const weeks: BacktestWeek[] = [];
  for (let k = options.weeks - 1; k >= 0; k--) {
    const end = lastWeekEnd - 7 * k;
    const start = end - 6;
    const samplesFrom = Math.max(firstDay, start - options.samplingDays);
    if (samplesFrom >= start) continue; // no history before this week
    const samples = daily.subarray(samplesFrom - firstDay, start - firstDay);
    const totals = simulateHowMany(samples, 7, { trials, seed: deriveSeed(options.seed, k) });
    const forecast = howManyTable(totals, [confidence])[0]!.items;
    let actual = 0;
    for (let day = start; day <= end; day++) actual += daily[day - firstDay]!;
    weeks.push({ start, end, forecast, actual, hit: actual >= forecast });
  }
  const hits = weeks.filter((week) => week.hit).length;
  return { confidence, weeks, hits, hitRate: weeks.length > 0 ? hits / weeks.length : NaN };
}
