import type { StageAgingReport } from '../../../../src/domain';
import { bandOfAge, basisReading, bandsOf, paceReading, stageAgingChart } from './stage-aging-chart';

type Column = StageAgingReport['columns'][number];

const column = (
  stage: string,
  items: Array<[key: string, age: number, pace: number | null, status?: string]>,
  overrides: Partial<Column> = {},
): Column => ({
  stage,
  basis: 'stage-exits',
  samples: 30,
  percentiles: { '50': 3, '85': 6, '95': 9 },
  items: items.map(([key, age, pace, status]) => ({ key, age, pace, status: status ?? stage })),
  ...overrides,
});

const aging = (columns: Column[]): StageAgingReport => ({
  asOf: '2026-03-12T12:00:00.000Z',
  asOfDate: '2026-03-12',
  unit: 'days-inclusive',
  minimumExits: 20,
  columns,
});
const SLE = { percentile: 85, value: 8, itemsWithin: 17, items: 20 };

describe('the bands of a column', () => {
  it('run from zero through each percentile to the top, lowest first', () => {
    expect(bandsOf({ '95': 9, '50': 3, '85': 6 })).toEqual([
      { from: 0, to: 3, label: 'below 50%', rank: 0 },
      { from: 3, to: 6, label: '50–85%', rank: 1 },
      { from: 6, to: 9, label: '85–95%', rank: 2 },
      { from: 9, to: null, label: 'above 95%', rank: 3 },
    ]);
  });

  it('are none when the column has no sample', () => {
    expect(bandsOf({ '50': null, '85': null })).toEqual([]);
  });
});

describe('the band an age falls in', () => {
  const bands = bandsOf({ '50': 3, '85': 6, '95': 9 });

  it('is the band drawn behind a dot of that age: from its lower edge up to, not including, its upper one', () => {
    expect([1, 2.9, 3, 5, 6, 8.5, 9, 400].map((age) => bandOfAge(bands, age)?.label)).toEqual([
      'below 50%',
      'below 50%',
      '50–85%',
      '50–85%',
      '85–95%',
      '85–95%',
      'above 95%',
      'above 95%',
    ]);
  });

  it('is none when the column has no bands', () => {
    expect(bandOfAge([], 4)).toBeNull();
  });
});

describe('the bands of the items in a chart', () => {
  it("give each item in progress its own column's band, as the chart draws it", () => {
    const chart = stageAgingChart(
      aging([
        column('In Progress', [
          ['A-1', 2, 10],
          ['A-2', 7, 90],
        ]),
        column('Review', [['A-3', 7, 90]], { percentiles: { '50': 8, '85': 12, '95': 20 } }),
      ]),
      null,
      ['In Progress', 'Review'],
    );
    const read = (key: string) => {
      const placed = chart.itemBands.get(key)!;
      return [placed.band.label, placed.band.rank, placed.of];
    };
    expect([read('A-1'), read('A-2'), read('A-3')]).toEqual([
      ['below 50%', 0, 4],
      ['85–95%', 2, 4],
      ['below 50%', 0, 4],
    ]);
  });
});

describe('the pace of an item', () => {
  it('names the stage its sample left, or says the cycle times stand in', () => {
    expect(paceReading(85, { stage: 'Review', basis: 'stage-exits' })).toBe('older than 85% of items that left Review');
    expect(paceReading(40, { stage: 'Review', basis: 'cycle-times' })).toBe("older than 40% of the period's cycle times");
    expect(paceReading(null, { stage: 'Review', basis: 'stage-exits' })).toBeNull();
  });
});

describe('where the bands of a column come from', () => {
  it('counts the items of the sample as the rest of the page counts, thousands grouped and one item singular', () => {
    const many = new Intl.NumberFormat().format(1143);
    expect(basisReading({ stage: 'In Progress', basis: 'stage-exits', samples: 1143 }, 20)).toBe(
      `In Progress: bands from the ages at which ${many} items left it`,
    );
    expect(basisReading({ stage: 'To Do', basis: 'cycle-times', samples: 1143 }, 20)).toBe(
      `To Do: fewer than 20 items left it, so its bands are the period's cycle times (${many} items)`,
    );
    expect(basisReading({ stage: 'To Do', basis: 'cycle-times', samples: 1 }, 20)).toContain("the period's cycle times (1 item)");
  });

  it('does not say few items left a stage before the clock starts, whose exits are never measured', () => {
    expect(basisReading({ stage: 'To Do', basis: 'cycle-times', samples: 40 }, 20, false)).toBe(
      "To Do: before the clock starts (its items were moved back to it), so its bands are the period's cycle times (40 items)",
    );
  });
});

describe('the aging chart by stage', () => {
  it('counts each column, and draws items of one age in one column as one dot with their number', () => {
    const chart = stageAgingChart(
      aging([
        column('In Progress', [
          ['A-1', 4, 60],
          ['A-2', 4, 60],
          ['A-3', 2, 10],
        ]),
        column('Review', [['A-4', 4, 50]]),
      ]),
      SLE,
      ['In Progress', 'Review'],
    );
    expect(chart.columns.map((c) => [c.name, c.wip])).toEqual([
      ['In Progress', 3],
      ['Review', 1],
    ]);
    expect(chart.clusters.map((c) => [c.column, c.age, c.keys])).toEqual([
      [0, 4, ['A-1', 'A-2']],
      [0, 2, ['A-3']],
      [1, 4, ['A-4']],
    ]);
    expect(chart.clusters[0]!.title).toBe(
      '2 items (A-1, A-2), 4 days; older than 60% of items that left In Progress; 4 days left before the SLE (85%: 8 days)',
    );
    expect(chart.clusters[2]!.title).toBe(
      'A-4: Review, 4 days; older than 50% of items that left Review; 4 days left before the SLE (85%: 8 days)',
    );
  });

  it("splits a workflow's single in-progress stage by status, youngest first, each with the stage's bands", () => {
    const chart = stageAgingChart(
      aging([
        column('In Progress', [
          ['A-1', 9, 95, 'Testing'],
          ['A-2', 2, 10, 'Doing'],
        ]),
      ]),
      null,
      ['In Progress'],
    );
    expect(chart.byStatus).toBe(true);
    expect(chart.columns.map((c) => [c.name, c.wip, c.bands.length])).toEqual([
      ['Doing', 1, 4],
      ['Testing', 1, 4],
    ]);
  });

  it('keeps the statuses apart when an item moved back to an earlier stage, each stage in order with its own bands', () => {
    // The default workflow: one in-progress stage, and one item moved back to To Do, where it is still in progress.
    const chart = stageAgingChart(
      aging([
        column('To Do', [['A-9', 30, 90, 'Triaged']], { basis: 'cycle-times', samples: 40 }),
        column('In Progress', [
          ['A-1', 9, 95, 'Testing'],
          ['A-2', 2, 10, 'Doing'],
          ['A-3', 3, 20, 'Doing'],
        ]),
      ]),
      null,
      ['In Progress'],
    );
    expect(chart.byStatus).toBe(true);
    expect(chart.columns.map((c) => [c.name, c.wip, c.basis])).toEqual([
      ['Triaged', 1, 'cycle-times'],
      ['Doing', 2, 'stage-exits'],
      ['Testing', 1, 'stage-exits'],
    ]);
    expect(chart.clusters.find((c) => c.keys[0] === 'A-9')!.title).toContain("older than 90% of the period's cycle times");
  });

  it('keeps a column per stage when the workflow measured has several in-progress stages', () => {
    const chart = stageAgingChart(aging([column('In Progress', [['A-1', 9, 95, 'Testing']])]), null, ['In Progress', 'Review']);
    expect(chart.byStatus).toBe(false);
    expect(chart.columns.map((c) => c.name)).toEqual(['In Progress']);
  });

  it('draws items far older than the bands on a line at the top, and counts them', () => {
    const items: Array<[string, number, number]> = Array.from({ length: 10 }, (_, i) => [`A-${i + 1}`, i + 1, 50]);
    const chart = stageAgingChart(aging([column('In Progress', [...items, ['OLD-1', 400, 100]]), column('Review', [])]), null, [
      'In Progress',
      'Review',
    ]);
    expect(chart.top).not.toBeNull();
    expect(chart.aboveTop).toBe(1);
    expect(chart.clusters.find((c) => c.keys[0] === 'OLD-1')!.y).toBe(chart.top);
  });

  it('counts on one dot the items of a column drawn on the top line, whatever their ages, oldest named first', () => {
    // Beyond the top every age is drawn at the same height: dots of 400, 380 and 300 days would hide each other.
    const items: Array<[string, number, number]> = Array.from({ length: 10 }, (_, i) => [`A-${i + 1}`, i + 1, 50]);
    const chart = stageAgingChart(
      aging([
        column('In Progress', [...items, ['OLD-1', 300, 100], ['OLD-2', 400, 100], ['OLD-3', 380, 100]]),
        column('Review', [['OLD-4', 500, 100]]),
      ]),
      null,
      ['In Progress', 'Review'],
    );
    expect(chart.top).not.toBeNull();
    const onTop = chart.clusters.filter((c) => c.y === chart.top);
    expect(onTop.map((c) => [c.column, c.keys])).toEqual([
      [0, ['OLD-2', 'OLD-3', 'OLD-1']],
      [1, ['OLD-4']],
    ]);
    expect(onTop[0]!.beyondTop).toBe(true);
    expect(onTop[0]!.title).toBe(`3 items older than ${chart.top} days (OLD-2: 400 days, OLD-3: 380 days, OLD-1: 300 days)`);
    expect(onTop[1]!.title).toBe('OLD-4: Review, 500 days; older than 100% of items that left Review');
  });
});
