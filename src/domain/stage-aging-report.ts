/**
 * The aging-by-stage chart's data for a history, as of the end of a chosen day (or now): what the project
 * page draws and its tests read. Names instead of indices, figures rounded as the report rounds them.
 */
import { dayToIsoDate, isoDateToDay } from './calendar-day';
import type { CompactHistory } from './compact-history';
import type { FlowConfig } from './flow-config';
import { reportBasis, type ReportBasis } from './flow-report';
import { formatIsoTimestamp } from './iso-timestamp';
import { resolveWindow } from './report-window';
import { MIN_STAGE_EXITS, stageAging, type StageAgingBasis } from './stage-aging';
import { ZonedDays } from './time-zone';

export interface StageAgingReport {
  /** The instant the aging is seen at: the end of `asOfDate` in the report's time zone, or now. */
  asOf: string;
  /** `YYYY-MM-DD` in the report's time zone. */
  asOfDate: string;
  unit: string;
  /** Exits a stage needs for bands of its own. */
  minimumExits: number;
  columns: Array<{
    stage: string;
    basis: StageAgingBasis;
    samples: number;
    /** Band edges by percentile ("85": 6), null when there is no sample. */
    percentiles: Record<string, number | null>;
    /** Oldest first. */
    items: Array<{ key: string; status: string; age: number; pace: number | null }>;
  }>;
}

const round = (value: number): number | null => (Number.isFinite(value) ? Math.round(value * 100) / 100 : null);

/**
 * The instant a day's aging is seen at: the last millisecond of the day in the zone, or `now` when that is
 * earlier (today, or a day still to come).
 * @throws RangeError when `asOfDate` is not a `YYYY-MM-DD` date.
 */
export function endOfDayAsOf(asOfDate: string | null, timeZone: string, now: number): number {
  if (asOfDate === null) return now;
  const day = isoDateToDay(asOfDate);
  if (day === null) throw new RangeError(`"${asOfDate}" is not a date (YYYY-MM-DD)`);
  return Math.min(now, new ZonedDays(timeZone).startOfDay(day + 1) - 1);
}

/**
 * Aging by stage for the history under the configuration, as of the end of `asOfDate` (null: as of `now`).
 * The bands read the configured window, cut at the day seen.
 * @throws as `buildFlowReport`, and RangeError for a date that is not one.
 */
export function buildStageAging(history: CompactHistory, config: FlowConfig, now: number, asOfDate: string | null): StageAgingReport {
  const asOf = endOfDayAsOf(asOfDate, config.conventions.timeZone, now);
  return stageAgingReport(history, reportBasis(history, config, { now: asOf }), config);
}

/**
 * Aging by stage on a timeline of the history built as of the instant the aging is seen at: the history's own
 * timeline, or one cut from it to some items (see `selectedTimeline`), which sees exactly what the history
 * filtered to those items sees. So a page that already holds the cut timeline of its measures reads the
 * aging from it instead of filtering the history and building a timeline again.
 */
export function stageAgingReport(
  history: CompactHistory,
  { timeline, measure }: Pick<ReportBasis, 'timeline' | 'measure'>,
  config: FlowConfig,
): StageAgingReport {
  const conventions = config.conventions;
  const window = resolveWindow(config.window, timeline);
  const columns = stageAging(timeline, measure, window, conventions.percentiles, conventions.percentileMethod);
  const { key } = history;
  const statusNames = history.statuses.map((status) => status.name);
  return {
    asOf: formatIsoTimestamp(timeline.now),
    asOfDate: dayToIsoDate(timeline.nowDay),
    unit: conventions.unit,
    minimumExits: MIN_STAGE_EXITS,
    columns: columns.map((column) => ({
      stage: timeline.workflow.stageNames[column.stage]!,
      basis: column.basis,
      samples: column.samples,
      percentiles: Object.fromEntries(column.percentiles.map(({ percentile, value }) => [String(percentile), round(value)])),
      items: column.items.map((item, k) => ({
        key: key[item]!,
        status: statusNames[timeline.currentStatus[item]!]!,
        age: round(column.ages[k]!)!,
        pace: column.paces[k]!,
      })),
    })),
  };
}
