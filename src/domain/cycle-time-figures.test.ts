import { histogram } from './histogram';
import { dayToIsoDate } from './calendar-day';
import {
  type CycleTimeReport,
  MAX_PACKED_CYCLE_TIME_CHARS,
  packCycleTimeFigures,
  type PackedCycleTimeFigures,
  unpackCycleTimeFigures,
} from './cycle-time-figures';

function reportOf(scatter: CycleTimeReport['scatter'], binWidth = 1): CycleTimeReport {
  return {
    generated: {
      window: { from: '2026-01-01', to: '2026-03-31' },
      unit: 'days',
      conventions: { percentileMethod: 'linear', weekEndsOn: 'friday' },
    },
    percentiles: { '50': 3, '85': 9.5, '95': null },
    serviceLevelExpectation: { percentile: 85, value: 9.5, itemsWithin: 2, items: 3 },
    histogram: histogram(
      scatter.map((dot) => dot.cycleTime),
      binWidth,
    ),
    scatter,
  };
}

/** The figures unpacked, without their dots' columns: what a report holds. */
function figuresOf(packed: PackedCycleTimeFigures): CycleTimeReport {
  const { dotColumns: _columns, ...figures } = unpackCycleTimeFigures(packed);
  return figures;
}

describe('the Cycle time tab’s figures packed', () => {
  it('reads back what the tab draws: the period, unit, week, percentiles, SLE, histogram and dots', () => {
    const report = reportOf([
      { date: '2026-01-02', cycleTime: 3 },
      { date: '2026-01-02', cycleTime: 14 },
      { date: '2026-02-10', cycleTime: 5 },
    ]);
    expect(figuresOf(packCycleTimeFigures(report)!)).toEqual(report);
  });

  it('reads the dots as columns too, in the same order', () => {
    const report = reportOf([
      { date: '2026-01-02', cycleTime: 14 },
      { date: '2026-01-02', cycleTime: 3 },
      { date: '2026-02-10', cycleTime: 5.5 },
    ]);
    const { dotColumns } = unpackCycleTimeFigures(packCycleTimeFigures(report)!);
    expect([...dotColumns.day].map(dayToIsoDate)).toEqual(['2026-01-02', '2026-01-02', '2026-02-10']);
    expect([...dotColumns.cycleTime]).toEqual([14, 3, 5.5]);
  });

  it('reads back a histogram of wider bins that starts past zero, and no dots at all', () => {
    const hours = reportOf([{ date: '2026-01-05', cycleTime: 50.25 }], 24);
    expect(figuresOf(packCycleTimeFigures(hours)!)).toEqual(hours);
    expect(figuresOf(packCycleTimeFigures(reportOf([]))!)).toEqual(reportOf([]));
  });

  it('keeps nothing for a period with more dots than the page may read with the Overview', () => {
    const many = Array.from({ length: MAX_PACKED_CYCLE_TIME_CHARS }, () => ({ date: '2026-01-02', cycleTime: 40 }));
    expect(packCycleTimeFigures(reportOf(many))).toBeNull();
  });
});
