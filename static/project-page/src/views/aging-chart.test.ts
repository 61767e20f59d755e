import type { FlowReport } from '../../../../src/domain';
import { agingTop, percentileLines, sleReading } from './aging-chart';

describe('the top of the aging chart', () => {
  it('leaves room above the highest percentile line', () => {
    const ages = [...Array.from({ length: 20 }, (_, i) => i + 1), 300, 600];
    const top = agingTop(ages, 12)!;
    expect(top).toBeGreaterThanOrEqual(15);
    expect(top).toBeLessThanOrEqual(20);
  });

  it('keeps the percentile bands most of the height when a few items are very old', () => {
    // Most items within 41 days (the 95th percentile), a few stale ones far beyond.
    const ages = [...Array.from({ length: 60 }, (_, i) => (i * 41) / 60), 150, 190, 260, 400];
    const top = agingTop(ages, 41)!;
    // 0 to 41 days fill at least two thirds of the chart, not its bottom eighth.
    expect(41 / top).toBeGreaterThan(2 / 3);
  });

  it('shows half of the items at their age, however low the percentiles', () => {
    const ages = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
    const top = agingTop(ages, 5)!;
    expect(ages.filter((age) => age <= top).length).toBeGreaterThanOrEqual(10);
    expect(top).toBeLessThan(200);
  });

  it('is not lowered when the oldest item fits, or when there are no percentiles to make room for', () => {
    expect(agingTop([1, 5, 18], 10)).toBeNull();
    expect(agingTop([1, 5, 600], null)).toBeNull();
  });
});

describe('the service-level expectation', () => {
  it('is named among the percentile lines', () => {
    const report = {
      percentiles: { '50': 4, '70': 6, '85': 9, '95': 12 },
      serviceLevelExpectation: { percentile: 85, value: 9, itemsWithin: 17, items: 20 },
    } as unknown as FlowReport;
    expect(percentileLines(report, 'days').map((line) => line.label)).toEqual([
      '50%: 4 days',
      '70%: 6 days',
      'SLE 85%: 9 days',
      '95%: 12 days',
    ]);
  });

  it('says in each tooltip whether the item will breach it', () => {
    const sle = { percentile: 85, value: 9, itemsWithin: 17, items: 20 };
    expect(sleReading(3, sle, 'days')).toBe('6 days left before the SLE (85%: 9 days)');
    expect(sleReading(8, sle, 'days')).toBe('1 day left before the SLE (85%: 9 days)');
    expect(sleReading(12.5, sle, 'days')).toBe('past the SLE (85%: 9 days) by 3.5 days');
  });
});
