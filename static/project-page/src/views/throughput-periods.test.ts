import { type FlowReport, partialNote, throughputPeriods, wholePeriodMovingAverage } from '../../../../src/domain';

const reportOf = (throughput: FlowReport['throughput']) => ({ throughput }) as FlowReport;

describe('throughput periods', () => {
  it('marks the weeks the selected period covers only in part, with how many of their days it covers', () => {
    const periods = throughputPeriods(
      reportOf([
        { start: '2026-02-06', end: '2026-02-08', count: 0 },
        { start: '2026-02-09', end: '2026-02-15', count: 5 },
        { start: '2026-02-16', end: '2026-02-17', count: 1 },
      ]),
    );
    expect(periods.map((p) => [p.days, p.fullDays, p.partial])).toEqual([
      [3, 7, true],
      [7, 7, false],
      [2, 7, true],
    ]);
    expect(partialNote(periods[0]!, 'week')).toBe('partial week: 3 of 7 days');
    expect(partialNote(periods[1]!, 'week')).toBeUndefined();
  });

  it('knows a whole month by its own length, February included', () => {
    const periods = throughputPeriods(
      reportOf([
        { start: '2026-01-15', end: '2026-01-31', count: 2 },
        { start: '2026-02-01', end: '2026-02-28', count: 9 },
        { start: '2026-03-01', end: '2026-03-31', count: 8 },
      ]),
    );
    expect(periods.map((p) => [p.days, p.fullDays, p.partial])).toEqual([
      [17, 31, true],
      [28, 28, false],
      [31, 31, false],
    ]);
  });

  it('averages whole periods only: a partial one neither pulls the average down nor gets one', () => {
    const whole = { start: '', end: '', days: 7, fullDays: 7, partial: false };
    const part = { start: '', end: '', days: 2, fullDays: 7, partial: true };
    const periods = [
      { ...part, count: 0 },
      { ...whole, count: 4 },
      { ...whole, count: 6 },
      { ...part, count: 1 },
      { ...whole, count: 8 },
    ];
    expect(wholePeriodMovingAverage(periods, 2)).toEqual([null, null, 5, null, 7]);
  });
});
