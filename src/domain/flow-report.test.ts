import { parseFlowConfig } from './flow-config';
import {
  buildFlowForecast,
  buildFlowMeasures,
  buildFlowReport,
  buildForecaster,
  itemFacts,
  reportBasis,
  windowMeasures,
} from './flow-report';
import { UnmappedStatusError } from './flow-timeline';
import { DEFAULT_MAX_FORECAST_DAYS } from './monte-carlo';
import { at, BOARD_WORKFLOW, boardHistory, type IssueSketch } from './testing/history-fixture';

// A fortnight on a small board, reported as of Monday 17 March 2025, 12:00 UTC.
const sketches: IssueSketch[] = [
  {
    key: 'R-1',
    created: '2025-03-03T09:00Z',
    moves: [
      ['2025-03-03T10:00Z', 'In Progress'],
      ['2025-03-04T10:00Z', 'In Review'],
      ['2025-03-05T10:00Z', 'Done'],
    ],
  },
  {
    key: 'R-2',
    created: '2025-03-03T09:00Z',
    moves: [
      ['2025-03-04T09:00Z', 'In Progress'],
      ['2025-03-04T17:00Z', 'Done'],
    ],
  },
  {
    key: 'R-3',
    created: '2025-03-04T09:00Z',
    type: 'Bug',
    moves: [
      ['2025-03-06T09:00Z', 'In Progress'],
      ['2025-03-12T09:00Z', 'Done'],
    ],
  },
  { key: 'R-4', created: '2025-03-05T09:00Z', moves: [['2025-03-10T09:00Z', 'In Progress']] },
  { key: 'R-5', created: '2025-03-06T09:00Z' },
  {
    key: 'R-6',
    created: '2025-03-07T09:00Z',
    moves: [
      ['2025-03-07T10:00Z', 'In Progress'],
      ['2025-03-10T10:00Z', 'Done'],
    ],
    flags: [
      ['2025-03-08T00:00Z', true],
      ['2025-03-09T00:00Z', false],
    ],
  },
  { key: 'R-7', created: '2025-03-10T09:00Z', moves: [['2025-03-16T09:00Z', 'In Progress']] },
];
const history = boardHistory(sketches);
const config = parseFlowConfig({ ...BOARD_WORKFLOW, window: { from: '2025-03-03' } });
const run = { now: at('2025-03-17T12:00:00Z'), seed: 1 };

describe('flow report', () => {
  const report = buildFlowReport(history, config, run);

  it('describes how it was computed', () => {
    expect(report.generated).toMatchObject({
      now: '2025-03-17T12:00:00.000Z',
      timeZone: 'UTC',
      window: { from: '2025-03-03', to: '2025-03-17' },
      unit: 'days-inclusive',
      workflow: { stages: ['Backlog', 'In Progress', 'Review', 'Done', 'Released'], startStage: 'In Progress', doneStage: 'Done' },
      items: 7,
      doneInWindow: 4,
      inProgress: 2,
    });
    expect(report.generated.conventions).toMatchObject({ stageEntry: 'first', backwardMoves: 'keep', percentileMethod: 'nearest-rank' });
  });

  it('lists every item with its stage dates, start, done, cycle time, lead time and age', () => {
    expect(report.items[0]).toEqual({
      key: 'R-1',
      type: 'Story',
      status: 'Done',
      stageDates: { Backlog: '2025-03-03', 'In Progress': '2025-03-03', Review: '2025-03-04', Done: '2025-03-05', Released: null },
      start: '2025-03-03',
      done: '2025-03-05',
      cycleTime: 3,
      leadTime: 3,
      age: null,
      discarded: false,
      blockedTime: 0,
      flowEfficiency: 1,
      // An hour in the backlog, a day in progress, a day in review; the clock stops once done.
      timeInStage: { Backlog: 0.04, 'In Progress': 1, Review: 1, Done: 0, Released: 0 },
    });
    expect(report.items.map((item) => [item.key, item.cycleTime, item.leadTime, item.age])).toEqual([
      ['R-1', 3, 3, null],
      ['R-2', 1, 2, null],
      ['R-3', 7, 9, null],
      ['R-4', null, null, 8],
      ['R-5', null, null, null],
      ['R-6', 4, 4, null],
      ['R-7', null, null, 2],
    ]);
    expect(report.items[5]).toMatchObject({ blockedTime: 1, flowEfficiency: 0.667 });
    expect(report.items[4]).toMatchObject({ status: 'To Do', start: null, done: null, blockedTime: null, flowEfficiency: null });
  });

  it('gives percentiles, the service-level expectation and the histogram of items done in the window', () => {
    // Cycle times 1, 3, 4, 7; lead times 2, 3, 4, 9.
    expect(report.percentiles).toEqual({ '50': 3, '70': 4, '85': 7, '95': 7 });
    expect(report.serviceLevelExpectation).toEqual({ percentile: 85, value: 7, itemsWithin: 4, items: 4 });
    expect(report.leadTimePercentiles).toEqual({ '50': 3, '70': 4, '85': 9, '95': 9 });
    expect(report.histogram.map((bin) => [bin.from, bin.count])).toEqual([
      [1, 1],
      [2, 0],
      [3, 1],
      [4, 1],
      [5, 0],
      [6, 0],
      [7, 1],
    ]);
    expect(report.scatter).toEqual([
      { key: 'R-2', date: '2025-03-04', cycleTime: 1 },
      { key: 'R-1', date: '2025-03-05', cycleTime: 3 },
      { key: 'R-6', date: '2025-03-10', cycleTime: 4 },
      { key: 'R-3', date: '2025-03-12', cycleTime: 7 },
    ]);
  });

  it('gives zero-filled throughput and net flow per week', () => {
    expect(report.throughput).toEqual([
      { start: '2025-03-03', end: '2025-03-09', count: 2 },
      { start: '2025-03-10', end: '2025-03-16', count: 2 },
      { start: '2025-03-17', end: '2025-03-17', count: 0 },
    ]);
    expect(report.netFlow.map((p) => [p.arrivals, p.departures, p.net])).toEqual([
      [4, 2, 2],
      [2, 2, 0],
      [0, 0, 0],
    ]);
  });

  it('gives WIP and cumulative flow per day', () => {
    expect(report.wip.map((d) => d.count)).toEqual([1, 1, 0, 1, 2, 2, 2, 2, 2, 1, 1, 1, 1, 2, 2]);
    expect(report.wip[0]).toEqual({ date: '2025-03-03', count: 1 });
    expect(report.cfd[0]).toEqual({ date: '2025-03-03', Backlog: 2, 'In Progress': 1, Review: 0, Done: 0, Released: 0 });
    expect(report.cfd[report.cfd.length - 1]).toEqual({
      date: '2025-03-17',
      Backlog: 7,
      'In Progress': 6,
      Review: 4,
      Done: 4,
      Released: 0,
    });
  });

  it('ages items in progress against the cycle-time percentiles', () => {
    expect(report.aging).toEqual([
      { key: 'R-4', stage: 'In Progress', status: 'In Progress', age: 8, percentileBand: 95 },
      { key: 'R-7', stage: 'In Progress', status: 'In Progress', age: 2, percentileBand: null },
    ]);
  });

  it('works out the items in progress with their ages when first read, and carries them as any other member', () => {
    const basis = reportBasis(history, config, run);
    const measures = windowMeasures(basis, itemFacts(basis, config), config, run);
    // A page's chart never reads them: from the first stage thousands of items are in progress.
    expect(typeof Object.getOwnPropertyDescriptor(measures, 'aging')?.get).toBe('function');
    expect(measures.aging).toBe(measures.aging);
    expect(measures.aging).toEqual(report.aging);
    expect((JSON.parse(JSON.stringify(measures)) as typeof measures).aging).toEqual(report.aging);
    expect(structuredClone(measures).aging).toEqual(report.aging);
    // The whole report holds them as a plain member, in its place.
    expect(Object.getOwnPropertyDescriptor(buildFlowMeasures(history, config, run), 'aging')?.value).toEqual(report.aging);
  });

  it('gives time in status, flow efficiency and blocked time', () => {
    expect(report.timeInStatus[0]).toEqual({ key: 'R-1', statuses: { 'To Do': 0.04, 'In Progress': 1, 'In Review': 1 } });
    expect(report.timeInStatus[4]).toEqual({ key: 'R-5', statuses: { 'To Do': 11.13 } });
    // Active 48 + 8 + 144 + 48 hours of 48 + 8 + 144 + 72.
    expect(report.flowEfficiency).toEqual({ overall: 0.912, items: 4, blockedCountsAsWaiting: true });
    expect(report.blockedTime).toEqual({ total: 1, itemsBlocked: 1, shareOfCycleTime: 0.088 });
  });

  it('compares the headlines with the window of equal length before, when the history covers it', () => {
    // The 15 days before 3 March precede every item: nothing to compare with.
    expect(report.periodComparison).toMatchObject({ days: 15, previousWindow: null, previous: null, changes: [] });
    expect(report.periodComparison.current).toEqual({ throughputPerWeek: 1.87, cycleTime50: 3, cycleTime85: 7, wip: 2, atRisk: 1 });

    const lastWeek = buildFlowReport(history, parseFlowConfig({ ...BOARD_WORKFLOW, window: { days: 7 } }), run).periodComparison;
    expect(lastWeek.window).toEqual({ from: '2025-03-11', to: '2025-03-17' });
    expect(lastWeek.previousWindow).toEqual({ from: '2025-03-04', to: '2025-03-10' });
    // R-3 finished this week in 7 days; the week before in 3, 1 and 4. On 10 March R-3 (5 days) was at risk.
    expect(lastWeek.current).toEqual({ throughputPerWeek: 1, cycleTime50: 7, cycleTime85: 7, wip: 2, atRisk: 1 });
    expect(lastWeek.previous).toEqual({ throughputPerWeek: 3, cycleTime50: 3, cycleTime85: 4, wip: 2, atRisk: 1 });
    expect(lastWeek.changes.map(({ name, relative, verdict }) => [name, relative, verdict])).toEqual([
      ['throughputPerWeek', -0.667, 'worse'],
      ['cycleTime50', 1.333, 'worse'],
      ['cycleTime85', 0.75, 'worse'],
      ['wip', 0, 'unchanged'],
      ['atRisk', 0, 'unchanged'],
    ]);
  });

  it('compares the last days of a window with nothing of its length before it against the days before them', () => {
    // The window's own comparison is there: no recent one is needed.
    expect(buildFlowReport(history, parseFlowConfig({ ...BOARD_WORKFLOW, window: { days: 7 } }), run).recentComparison).toBeNull();
    // The fortnight has no fortnight before it, and 30 days do not fit in it either.
    expect(report.recentComparison).toBeNull();
    // With an item created on 1 January, the window from then has nothing of its 76 days before it, but its last
    // 30 days (16 February to 17 March) have the 30 before them.
    const longer = boardHistory([{ key: 'R-0', created: '2025-01-01T09:00Z' }, ...sketches]);
    const recent = buildFlowReport(longer, parseFlowConfig({ ...BOARD_WORKFLOW, window: { from: '2025-01-01' } }), run).recentComparison!;
    expect(recent.window).toEqual({ from: '2025-02-16', to: '2025-03-17' });
    expect(recent.previousWindow).toEqual({ from: '2025-01-17', to: '2025-02-15' });
    // Nothing was finished before 16 February: throughput went from 0 to 4 items in 30 days; WIP from 0 to 2.
    expect(recent.previous).toMatchObject({ throughputPerWeek: 0, wip: 0, cycleTime85: null });
    expect(recent.current).toMatchObject({ throughputPerWeek: 0.93, wip: 2 });
    expect(recent.changes.find((change) => change.name === 'throughputPerWeek')).toMatchObject({
      difference: 0.93,
      relative: null,
      verdict: 'better',
    });
  });

  it('forecasts from the daily throughput before today, with a weekly backtest', () => {
    const { forecast } = report;
    expect(forecast.samplingWindow).toEqual({ from: '2025-03-03', to: '2025-03-16', days: 14 });
    expect(forecast.trials).toBe(10_000);
    expect(forecast.howMany!.targetDate).toBe('2025-03-31');
    expect(forecast.howMany!.days).toBe(14);
    const items = forecast.howMany!.table.map((row) => row.items);
    expect(forecast.howMany!.table.map((row) => row.confidence)).toEqual([50, 70, 85, 95]);
    for (let k = 1; k < items.length; k++) expect(items[k]).toBeLessThanOrEqual(items[k - 1]!);
    expect(forecast.when!.items).toBe(2); // the items in progress
    const days = forecast.when!.table.map((row) => row.days!);
    for (let k = 1; k < days.length; k++) expect(days[k]).toBeGreaterThanOrEqual(days[k - 1]!);
    expect(forecast.when!.table[0]!.date).toMatch(/^2025-0[34]-\d\d$/);
    expect(forecast.backtest.weeks.map((w) => [w.start, w.end, w.actual])).toEqual([['2025-03-10', '2025-03-16', 2]]);
  });

  it('is reproducible for a seed and plain JSON', () => {
    expect(buildFlowReport(history, config, run)).toEqual(report);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(JSON.stringify(report)).not.toContain('NaN');
  });

  it('is also given in two parts, the forecast apart from the rest, that make up the same report', () => {
    const { forecast, ...measures } = report;
    expect(buildFlowMeasures(history, config, run)).toEqual(measures);
    expect(buildFlowForecast(history, config, run)).toEqual(forecast);
    // The forecast samples the days before now whatever the window: a shorter window leaves it unchanged.
    const lastWeek = parseFlowConfig({ ...BOARD_WORKFLOW, window: { days: 7 } });
    expect(buildFlowForecast(history, lastWeek, run)).toEqual(forecast);
    expect(buildFlowReport(history, lastWeek, run).forecast).toEqual(forecast);
  });

  it('can target a date and a number of items, and says why a forecast is missing', () => {
    const targeted = buildFlowReport(
      history,
      parseFlowConfig({ ...BOARD_WORKFLOW, forecast: { targetDate: '2025-03-24', items: 10 } }),
      run,
    );
    expect(targeted.forecast.howMany).toMatchObject({ targetDate: '2025-03-24', days: 7 });
    expect(targeted.forecast.when!.items).toBe(10);
    const firstDay = buildFlowReport(history, config, { now: at('2025-03-03T12:00:00Z'), seed: 1 });
    expect(firstDay.forecast.howMany).toBeNull();
    expect(firstDay.forecast.notes[0]).toMatch(/No complete day of history/);
  });

  it('answers the questions a reader asks in place of the configured ones, from the same samples and backtest', () => {
    const ask = buildForecaster(history, config, run);
    expect(ask()).toEqual(report.forecast);
    const asked = ask({ targetDate: '2025-04-16', items: 9 });
    expect(asked.howMany).toMatchObject({ targetDate: '2025-04-16', days: 30 });
    expect(asked.when!.items).toBe(9);
    expect(asked.backtest).toEqual(report.forecast.backtest);
    expect(asked.samplingWindow).toEqual(report.forecast.samplingWindow);
    // A later date, more items; more items, later.
    expect(asked.howMany!.table[1]!.items).toBeGreaterThan(report.forecast.howMany!.table[1]!.items);
    expect(asked.when!.table[1]!.days!).toBeGreaterThan(report.forecast.when!.table[1]!.days!);
    // Asking one question leaves the other as configured.
    expect(ask({ items: 9 }).howMany).toEqual(report.forecast.howMany);
  });

  it("spreads the simulated futures out as a distribution that holds every trial and the table's values", () => {
    const { howMany, when, trials } = buildForecaster(history, config, run)({ targetDate: '2025-04-16', items: 9 });
    for (const { outcomes, values } of [
      { outcomes: howMany!.outcomes, values: howMany!.table.map((row) => row.items) },
      { outcomes: when!.outcomes, values: when!.table.map((row) => row.days!) },
    ]) {
      expect(outcomes.reduce((sum, bin) => sum + bin.trials, 0)).toBe(trials);
      for (const value of values) expect(outcomes.some((bin) => bin.from <= value && value < bin.to && bin.trials > 0)).toBe(true);
    }
  });

  it('refuses a question it cannot answer', () => {
    const ask = buildForecaster(history, config, run);
    expect(() => ask({ targetDate: '16/04/2025' })).toThrow(RangeError);
    expect(() => ask({ targetDate: '2025-02-30' })).toThrow('not a YYYY-MM-DD date');
    expect(() => ask({ items: 0 })).toThrow('at least 1');
    expect(() => ask({ items: 2.5 })).toThrow('whole number');
  });

  it('refuses a target date beyond the forecast horizon rather than simulating it for minutes', () => {
    const ask = buildForecaster(history, config, run);
    const started = performance.now();
    expect(() => ask({ targetDate: '9999-12-31' })).toThrow(`more than ${DEFAULT_MAX_FORECAST_DAYS} days after now`);
    expect(() => ask({ targetDate: '2200-01-01' })).toThrow(RangeError);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('uses the default workflow from status categories when none is configured', () => {
    const byCategory = buildFlowReport(history, parseFlowConfig({}), run);
    expect(byCategory.generated.workflow).toEqual({
      stages: ['To Do', 'In Progress', 'Done'],
      startStage: 'In Progress',
      doneStage: 'Done',
    });
    expect(byCategory.items[0]!.cycleTime).toBe(3);
  });

  it('refuses statuses the configured workflow does not place', () => {
    const partial = parseFlowConfig({ ...BOARD_WORKFLOW, stages: BOARD_WORKFLOW.stages.filter((stage) => stage.name !== 'Review') });
    expect(() => buildFlowReport(history, partial, run)).toThrow(UnmappedStatusError);
  });
});

describe('a forecast from a sampling window and a start date the reader chooses', () => {
  // Items created on 1 March 2025; two finished on each day from 17 to 30 March, none before. Today is
  // Monday 31 March: the complete days are 1–30 March, the last 14 all with a throughput of exactly 2.
  const finishedDays = Array.from({ length: 14 }, (_, k) => `2025-03-${String(17 + k).padStart(2, '0')}`);
  const steady = boardHistory(
    finishedDays.flatMap((doneOn, k) =>
      [0, 1].map((n): IssueSketch => ({
        key: `S-${2 * k + n + 1}`,
        created: '2025-03-01T09:00Z',
        moves: [
          ['2025-03-01T10:00Z', 'In Progress'],
          [`${doneOn}T1${n}:00Z`, 'Done'],
        ],
      })),
    ),
  );
  const ask = buildForecaster(steady, parseFlowConfig(BOARD_WORKFLOW), { now: at('2025-03-31T12:00:00Z'), seed: 7 });
  const allRows = (table: Array<{ items: number }>) => table.map((row) => row.items);

  it('draws only from the chosen days: two a day, every future alike', () => {
    const forecast = ask({ samplingWindow: { from: '2025-03-17', to: '2025-03-30' }, targetDate: '2025-04-07', items: 9 });
    expect(forecast.samplingWindow).toEqual({ from: '2025-03-17', to: '2025-03-30', days: 14 });
    expect(forecast.sampleable).toEqual({ from: '2025-03-01', to: '2025-03-30' });
    // 1–7 April: 7 days of 2 items.
    expect(forecast.howMany).toMatchObject({ days: 7 });
    expect(allRows(forecast.howMany!.table)).toEqual([14, 14, 14, 14]);
    // 9 items at 2 a day: the fifth simulated day, 5 April.
    expect(forecast.when!.table.map((row) => [row.days, row.date])).toEqual(Array(4).fill([5, '2025-04-05']));
    // The last 14 days are the same days.
    expect(ask({ samplingWindow: { lastDays: 14 }, targetDate: '2025-04-07', items: 9 })).toEqual(forecast);
  });

  it('answers "nothing" from a window where nothing was finished', () => {
    const idle = ask({ samplingWindow: { from: '2025-03-01', to: '2025-03-16' }, targetDate: '2025-04-07', items: 9 });
    expect(allRows(idle.howMany!.table)).toEqual([0, 0, 0, 0]);
    expect(idle.when!.table.map((row) => row.date)).toEqual([null, null, null, null]);
  });

  it('starts from a later day: the futures begin on it', () => {
    const window = { from: '2025-03-17', to: '2025-03-30' };
    const sprint = ask({ samplingWindow: window, startDate: '2025-04-07', targetDate: '2025-04-11', items: 9 });
    expect(sprint.startDate).toBe('2025-04-07');
    expect(sprint.firstSimulatedDay).toBe('2025-04-07');
    // 7–11 April: 5 days of 2 items; 9 items done on the fifth day, 11 April.
    expect(sprint.howMany).toMatchObject({ targetDate: '2025-04-11', days: 5 });
    expect(allRows(sprint.howMany!.table)).toEqual([10, 10, 10, 10]);
    expect(sprint.when!.table.map((row) => [row.days, row.date])).toEqual(Array(4).fill([5, '2025-04-11']));
    expect(sprint.when!.outcomes).toEqual([{ from: 5, to: 6, trials: sprint.trials }]);
  });

  it('starts from tomorrow when the start is today, as when none is given', () => {
    const window = { from: '2025-03-17', to: '2025-03-30' };
    const today = ask({ samplingWindow: window, startDate: '2025-03-31', targetDate: '2025-04-07', items: 9 });
    expect(today).toEqual({ ...ask({ samplingWindow: window, targetDate: '2025-04-07', items: 9 }), startDate: '2025-03-31' });
    expect(today.startDate).toBe('2025-03-31');
    expect(today.firstSimulatedDay).toBe('2025-04-01');
    // A start tomorrow is the same forecast: the first simulated day is tomorrow either way.
    const tomorrow = ask({ samplingWindow: window, startDate: '2025-04-01', targetDate: '2025-04-07', items: 9 });
    expect({ ...tomorrow, startDate: '2025-03-31' }).toEqual(today);
  });

  it('has nothing done by a target before the start, and says why', () => {
    const early = ask({ startDate: '2025-04-14', targetDate: '2025-04-10' });
    expect(early.howMany).toMatchObject({ days: 0, table: [50, 70, 85, 95].map((confidence) => ({ confidence, items: 0 })) });
    expect(early.notes).toContain('The target date 2025-04-10 is before the start date 2025-04-14: nothing can be done by then.');
  });

  it('refuses a window outside the history, too short, or a start in the past', () => {
    expect(() => ask({ samplingWindow: { from: '2025-02-01', to: '2025-03-20' } })).toThrow(
      new RangeError('The history starts on 2025-03-01: choose a start on or after it.'),
    );
    expect(() => ask({ samplingWindow: { lastDays: 10 } })).toThrow(RangeError);
    expect(() => ask({ samplingWindow: { from: '2025-03-20', to: '2025-03-31' } })).toThrow('today is not over yet');
    expect(() => ask({ startDate: '2025-03-30' })).toThrow("the forecast's start date 2025-03-30 is before today (2025-03-31)");
    expect(() => ask({ startDate: '31/03/2025' })).toThrow('not a YYYY-MM-DD date');
    expect(() => ask({ startDate: '2035-03-31' })).toThrow(`more than ${DEFAULT_MAX_FORECAST_DAYS} days after now`);
  });
});
