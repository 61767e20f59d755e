import { BOARD_WORKFLOW } from '../../../../src/domain/testing/history-fixture';
import { FIXTURE_NOW, flowHistory } from '../../../testing/flow-fixtures';
import { computeReport, cycleTimeByMonth, NO_FILTERS } from '../../../../src/domain';

const result = computeReport(flowHistory(), BOARD_WORKFLOW, null, NO_FILTERS, FIXTURE_NOW);
if (!result.ok) throw new Error(result.message);
const report = result.report;

describe('cycle time month by month', () => {
  const months = cycleTimeByMonth(report);

  it('has one row per month with a finished item, in order, that together hold every dot', () => {
    const finishedMonths = [...new Set(report.scatter.map((point) => point.date.slice(0, 7)))].sort();
    expect(months.map((row) => row.month)).toEqual(finishedMonths);
    expect(months.reduce((total, row) => total + row.items, 0)).toBe(report.scatter.length);
  });

  it('gives each month the nearest-rank percentiles and the longest of its own items', () => {
    for (const row of months) {
      const times = report.scatter.filter((point) => point.date.startsWith(row.month)).map((point) => point.cycleTime);
      times.sort((a, b) => a - b);
      expect(row.p50).toBe(times[Math.ceil(times.length * 0.5) - 1]);
      expect(row.p85).toBe(times[Math.ceil(times.length * 0.85) - 1]);
      expect(row.longest).toBe(times.at(-1));
    }
  });

  it('marks a month the period covers only part of', () => {
    // The period runs from 1 February to 12 March: February is whole, March is 12 of its 31 days.
    const fixed = {
      ...report,
      scatter: [
        { key: 'F-1', date: '2026-02-10', cycleTime: 3 },
        { key: 'F-2', date: '2026-03-05', cycleTime: 4 },
      ],
    };
    expect(cycleTimeByMonth(fixed).map(({ month, days, fullDays, partial }) => ({ month, days, fullDays, partial }))).toEqual([
      { month: '2026-02', days: 28, fullDays: 28, partial: false },
      { month: '2026-03', days: 12, fullDays: 31, partial: true },
    ]);
  });

  it('uses the report’s percentile method', () => {
    const linear = {
      ...report,
      generated: { ...report.generated, conventions: { ...report.generated.conventions, percentileMethod: 'linear' } },
    };
    const fixed = { ...report, scatter: [5, 1, 2, 10].map((cycleTime, i) => ({ key: `F-${i}`, date: '2026-03-0' + (i + 1), cycleTime })) };
    expect(cycleTimeByMonth(fixed)[0]).toMatchObject({ items: 4, p50: 2, p85: 10, longest: 10 });
    expect(cycleTimeByMonth({ ...linear, scatter: fixed.scatter })[0]).toMatchObject({ p50: 3.5, p85: 7.75 });
  });
});
