import type { FlowReport } from '../../../../src/domain';
import { agingChart, agingTop, sleReading, spreadOf, stagesInProgress } from './aging-chart';
import { LABEL_MARGIN } from '../charts/ScatterChart';

const STAGES = ['To Do', 'In Progress', 'Review', 'Done', 'Released'];

function reportWith(aging: Array<{ key: string; stage: string; age: number }>, p95: number | null = 10): FlowReport {
  return {
    generated: { workflow: { stages: STAGES, startStage: 'In Progress', doneStage: 'Done' } },
    aging: aging.map((item) => ({ ...item, status: item.stage, percentileBand: null })),
    percentiles: { '50': p95 === null ? null : p95 / 2, '85': p95 === null ? null : p95 * 0.75, '95': p95 },
  } as unknown as FlowReport;
}

describe('the stages of the aging chart', () => {
  it('are those where work is in progress, without the stages before the start and from done on', () => {
    expect(stagesInProgress(reportWith([{ key: 'A-1', stage: 'In Progress', age: 3 }]))).toEqual(['In Progress', 'Review']);
  });

  it('still include a stage outside them that holds an unfinished item, in workflow order', () => {
    const report = reportWith([
      { key: 'A-1', stage: 'Review', age: 3 },
      { key: 'A-2', stage: 'To Do', age: 1 },
    ]);
    expect(stagesInProgress(report)).toEqual(['To Do', 'In Progress', 'Review']);
  });
});

describe('where an item sits within its stage', () => {
  const keys = Array.from({ length: 400 }, (_, i) => `FLOW-${i + 1}`);
  const spreads = keys.map(spreadOf);

  it('depends on its key alone, between -1 and 1', () => {
    expect(keys.map(spreadOf)).toEqual(spreads);
    for (const spread of spreads) {
      expect(spread).toBeGreaterThanOrEqual(-1);
      expect(spread).toBeLessThan(1);
    }
  });

  it('covers the column evenly, with no stripes: no trend along consecutive keys', () => {
    // Ten equal slices of the column each hold about a tenth of the items.
    const slices = new Array<number>(10).fill(0);
    for (const spread of spreads) slices[Math.floor((spread + 1) * 5)]!++;
    for (const slice of slices) expect(slice).toBeGreaterThan(20);
    // A spread by rank draws diagonals: neighbouring keys sit next to each other. Here they do not.
    const steps = spreads.slice(1).map((spread, i) => Math.abs(spread - spreads[i]!));
    const meanStep = steps.reduce((sum, step) => sum + step, 0) / steps.length;
    expect(meanStep).toBeGreaterThan(0.5); // independent uniform positions are 2/3 apart on average
  });
});

describe('the top of the aging chart', () => {
  it('leaves room above the highest percentile line, and marks what it leaves out', () => {
    const ages = [...Array.from({ length: 20 }, (_, i) => i + 1), 300, 600];
    const top = agingTop(ages, 12)!;
    expect(top).toBeGreaterThanOrEqual(15);
    expect(top).toBeLessThanOrEqual(20);
    const chart = agingChart(reportWith(ages.map((age, i) => ({ key: `A-${i + 1}`, stage: 'In Progress', age })), 12), 'days');
    expect(chart.top).toBe(top);
    expect(chart.aboveTop).toBe(ages.filter((age) => age > top).length);
    expect(Math.max(...chart.dots.map((dot) => dot.y))).toBe(top);
    // The old items still say their own age.
    expect(chart.dots.find((dot) => dot.key === 'A-22')!.title).toBe('A-22: In Progress, 600 days');
    // The cap is not one of the percentile lines: it is drawn apart, solid, so it is not read as one.
    expect(chart.lines.map((line) => line.label)).toEqual(['50%: 6 days', '85%: 9 days', '95%: 12 days']);
    expect(chart.cap).toEqual({ label: `▲ ${chart.aboveTop} older`, value: top });
    // Every label fits the margin beside the plot (about 6.2 units a character at the labels' size).
    for (const line of [...chart.lines, chart.cap!]) expect(line.label.length * 6.2).toBeLessThan(LABEL_MARGIN - 6);
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
    const chart = agingChart(reportWith([{ key: 'A-1', stage: 'Review', age: 600 }], null), 'days');
    expect(chart.top).toBeNull();
    expect(chart.dots[0]!.y).toBe(600);
    expect(chart.lines).toEqual([]);
  });
});

describe('the lines and columns of the aging chart', () => {
  it('draws every percentile the table bands items by, the SLE named', () => {
    const report = {
      ...reportWith([{ key: 'A-1', stage: 'In Progress', age: 3 }]),
      percentiles: { '50': 4, '70': 6, '85': 9, '95': 12 },
      serviceLevelExpectation: { percentile: 85, value: 9, itemsWithin: 17, items: 20 },
    } as FlowReport;
    expect(agingChart(report, 'days').lines.map((line) => line.label)).toEqual(['50%: 4 days', '70%: 6 days', 'SLE 85%: 9 days', '95%: 12 days']);
  });

  it('says in each tooltip whether the item will breach the SLE', () => {
    const sle = { percentile: 85, value: 9, itemsWithin: 17, items: 20 };
    expect(sleReading(3, sle, 'days')).toBe('6 days left before the SLE (85%: 9 days)');
    expect(sleReading(8, sle, 'days')).toBe('1 day left before the SLE (85%: 9 days)');
    expect(sleReading(12.5, sle, 'days')).toBe('past the SLE (85%: 9 days) by 3.5 days');
    const report = { ...reportWith([{ key: 'A-1', stage: 'In Progress', age: 12 }]), serviceLevelExpectation: sle } as FlowReport;
    expect(agingChart(report, 'days').dots[0]!.title).toBe('A-1: In Progress, 12 days; past the SLE (85%: 9 days) by 3 days');
  });

  it('gives each status a column when the workflow has a single in-progress stage', () => {
    const report = {
      generated: { workflow: { stages: ['To Do', 'In Progress', 'Done'], startStage: 'In Progress', doneStage: 'Done' } },
      aging: [
        { key: 'A-1', stage: 'In Progress', status: 'In Review', age: 9, percentileBand: null },
        { key: 'A-2', stage: 'In Progress', status: 'Building', age: 2, percentileBand: null },
        { key: 'A-3', stage: 'In Progress', status: 'In Review', age: 7, percentileBand: null },
      ],
      percentiles: { '85': 8 },
    } as unknown as FlowReport;
    const chart = agingChart(report, 'days');
    expect(chart.byStatus).toBe(true);
    expect(chart.stages).toEqual(['Building', 'In Review']);
    expect(Math.round(chart.dots.find((dot) => dot.key === 'A-1')!.x)).toBe(1);
  });
});
