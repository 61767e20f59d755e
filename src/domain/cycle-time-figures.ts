/**
 * What the Cycle time tab draws for one report (the scatterplot with its percentile lines, the histogram and
 * the month-by-month table), packed small enough to keep beside the Overview's figures (see
 * src/app/project-page/overview-summary.ts): a reader who opens the tab before the history has loaded sees
 * the same chart at once, drawn from these, and the interactive one, computed from the history, takes its
 * place. Only the dots' items are missing (their keys and types come with the history).
 */
import { VlqReader, writeVlq } from './base64-vlq';
import {
  cycleTimeDotsOf,
  packCycleTimeDots,
  unpackCycleTimeDotColumns,
  type CycleTimeDot,
  type CycleTimeDotColumns,
} from './cycle-time-dots';
import type { WindowMeasures } from './flow-report';
import type { WeekdayName } from './calendar-day';
import type { HistogramBin } from './histogram';

/**
 * The most characters the dots and the histogram may take: about four of the storage's 10 KB read units on
 * every first open of the page. A project finishing more items than fit (some 30,000 in the period) keeps no
 * dots, and its chart waits for the history as before.
 */
export const MAX_PACKED_CYCLE_TIME_CHARS = 40_000;

/** The part of a report the Cycle time tab reads. */
export type CycleTimeReport = Pick<WindowMeasures, 'percentiles' | 'serviceLevelExpectation' | 'histogram'> & {
  generated: Pick<WindowMeasures['generated'], 'window' | 'unit'> & {
    conventions: { percentileMethod?: unknown; weekEndsOn: WeekdayName };
  };
  scatter: readonly CycleTimeDot[];
};

/** A report's Cycle time tab as the sync keeps it. */
export interface PackedCycleTimeFigures {
  window: { from: string; to: string };
  unit: string;
  percentileMethod: string;
  /** Where the project's week ends: the scatterplot's weekly labels fall on the day after. */
  weekEndsOn: WeekdayName;
  percentiles: WindowMeasures['percentiles'];
  serviceLevelExpectation: WindowMeasures['serviceLevelExpectation'];
  /** The bins are all `binWidth` wide and follow each other from bin number `firstBin`: only their counts are kept. */
  histogram: { binWidth: number; firstBin: number; counts: string };
  /** See `cycle-time-dots.ts`. */
  dots: string;
}

function binsOf(binWidth: number, firstBin: number, counts: readonly number[]): HistogramBin[] {
  // As `histogram` writes them, so the numbers are the same to the last bit.
  return counts.map((count, index) => ({ from: (firstBin + index) * binWidth, to: (firstBin + index + 1) * binWidth, count }));
}

function packHistogram(bins: readonly HistogramBin[]): PackedCycleTimeFigures['histogram'] | null {
  if (bins.length === 0) return { binWidth: 1, firstBin: 0, counts: '' };
  const binWidth = bins[0]!.to - bins[0]!.from;
  const firstBin = Math.round(bins[0]!.from / binWidth);
  const counts = bins.map((bin) => bin.count);
  if (JSON.stringify(binsOf(binWidth, firstBin, counts)) !== JSON.stringify(bins)) return null;
  const out: string[] = [];
  for (const count of counts) writeVlq(out, count);
  return { binWidth, firstBin, counts: out.join('') };
}

/**
 * The Cycle time tab of a report, packed; null when it cannot be packed exactly or would take more than
 * `MAX_PACKED_CYCLE_TIME_CHARS`.
 */
export function packCycleTimeFigures(report: CycleTimeReport): PackedCycleTimeFigures | null {
  const { window, unit, conventions } = report.generated;
  const dots = packCycleTimeDots(report.scatter, window.from);
  const histogram = packHistogram(report.histogram);
  if (dots === null || histogram === null || dots.length + histogram.counts.length > MAX_PACKED_CYCLE_TIME_CHARS) return null;
  return {
    window,
    unit,
    percentileMethod: typeof conventions.percentileMethod === 'string' ? conventions.percentileMethod : 'nearest-rank',
    weekEndsOn: conventions.weekEndsOn,
    percentiles: report.percentiles,
    serviceLevelExpectation: report.serviceLevelExpectation,
    histogram,
    dots,
  };
}

/**
 * The Cycle time tab's figures as kept: a report's, its dots also as columns (`dotColumns`, in the same order),
 * which the page draws its scatterplot from without an object per dot.
 */
export type KeptCycleTimeReport = CycleTimeReport & { dotColumns: CycleTimeDotColumns };

/**
 * The Cycle time tab's figures as the report had them. Their `scatter` is built from the columns when first
 * read (a tab that draws the dots from the columns never needs it): the figures are read as the Overview is drawn.
 * @throws PackedDotsError when the dots cannot be read; VlqError when the histogram cannot.
 */
export function unpackCycleTimeFigures(packed: PackedCycleTimeFigures): KeptCycleTimeReport {
  const counts: number[] = [];
  const numbers = new VlqReader(packed.histogram.counts);
  while (!numbers.done) counts.push(numbers.next());
  const dotColumns = unpackCycleTimeDotColumns(packed.dots, packed.window.from);
  let scatter: CycleTimeDot[] | null = null;
  return {
    generated: {
      window: packed.window,
      unit: packed.unit,
      conventions: { percentileMethod: packed.percentileMethod, weekEndsOn: packed.weekEndsOn },
    },
    percentiles: packed.percentiles,
    serviceLevelExpectation: packed.serviceLevelExpectation,
    histogram: binsOf(packed.histogram.binWidth, packed.histogram.firstBin, counts),
    get scatter() {
      return (scatter ??= cycleTimeDotsOf(dotColumns));
    },
    dotColumns,
  };
}
