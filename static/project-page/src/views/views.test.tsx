/** @jest-environment jsdom */
import { expect } from '@jest/globals';
import '../../../testing/atlaskit-test-env';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { router } from '@forge/bridge';
import {
  AT_RISK_LISTED,
  computeReport,
  type FlowReport,
  type ForecastQuestions,
  type ForecastSection,
  NO_FILTERS,
  overviewFigures,
  reportModel,
} from '../../../../src/domain';
import { at, BOARD_WORKFLOW, boardHistory, type IssueSketch } from '../../../../src/domain/testing/history-fixture';
import { formatDate } from '../../../common/format-date-time';
import { FIXTURE_NOW, flowHistory } from '../../../testing/flow-fixtures';
import { layOutAtViewBoxSize, openChartTable, tooltipText } from '../charts/chart-test-support';
import { CHART_COLOURS } from '../charts/theme';
import { CycleTimeView } from './CycleTimeView';
import { cumulativeFlowBands, FlowView } from './FlowView';
import { confidenceMarks, ForecastView, howManySentence } from './ForecastView';
import { monthName } from './format';
import { issuesCsv } from './issues-csv';
import { itemsFileName } from './items-in-period';
import { IssuesView, ISSUES_PER_PAGE } from './IssuesView';
import { OverviewView } from './OverviewView';
import { ThroughputView } from './ThroughputView';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), router: { open: jest.fn(() => Promise.resolve()) } }));

function reportOf(history = flowHistory(), filters = NO_FILTERS): FlowReport {
  const result = computeReport(history, BOARD_WORKFLOW, null, filters, FIXTURE_NOW);
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

const report = reportOf();
const empty = reportOf(boardHistory([]));

describe('the overview', () => {
  // The last 20 days (21 February to 12 March) against the first 20 of the history: 4 items finished against 16.
  const lastDays = reportOf(flowHistory(), { ...NO_FILTERS, rangeDays: 20 });

  it('shows each headline with its change against the previous period of equal length', () => {
    render(<OverviewView figures={overviewFigures(lastDays)} />);
    const text = (testId: string) => screen.getByTestId(testId).textContent;
    expect(text('metric-throughput')).toContain('1.4 items');
    expect(text('metric-throughput-change')).toBe('▼ 75% vs previous 20 days (worse)');
    expect(text('metric-cycle-time-50')).toContain('5 days');
    expect(text('metric-cycle-time-50-change')).toBe('▲ 67% vs previous 20 days (worse)');
    expect(text('metric-cycle-time-85-change')).toBe('▲ 20% vs previous 20 days (worse)');
    // WIP is not judged: more or fewer items in progress is not good or bad news in itself.
    expect(text('metric-wip')).toContain('4 items');
    expect(text('metric-wip-change')).toBe('▲ 33% vs previous 20 days');
    // None was at risk on 20 February, so the change is a count, not a percentage.
    expect(text('metric-at-risk')).toContain('4 items');
    expect(text('metric-at-risk-change')).toBe('▲ +4 items vs previous 20 days (worse)');
    expect(text('overview-window')).toContain(`compared with ${formatDate('2026-02-01')} to ${formatDate('2026-02-20')}`);
    // Dates as the reader's locale writes them, not ISO.
    expect(text('overview-window')).not.toMatch(/\d{4}-\d\d-\d\d/);
  });

  it('writes the items finished a week to one decimal from their count, not from the rate rounded to two', () => {
    // 780 items in 549 days: 9.945 a week, carried as 9.95, which rounded again would read 10.
    const figures = overviewFigures(report);
    const rounded = {
      ...figures,
      generated: { ...figures.generated, doneInWindow: 780 },
      periodComparison: {
        ...figures.periodComparison,
        days: 549,
        current: { ...figures.periodComparison.current, throughputPerWeek: 9.95 },
      },
    };
    render(<OverviewView figures={rounded} />);
    expect(screen.getByTestId('metric-throughput').textContent).toContain('9.9 items');
  });

  it('colours bad news apart from changes that are not judged', () => {
    render(<OverviewView figures={overviewFigures(lastDays)} />);
    // The compiled primitives style by class: one colour, one class.
    const classOf = (testId: string) => screen.getByTestId(testId).className;
    expect(classOf('metric-throughput-change')).toBe(classOf('metric-cycle-time-85-change'));
    expect(classOf('metric-throughput-change')).not.toBe(classOf('metric-wip-change'));
  });

  it('says when there is no earlier period to compare with', () => {
    // The whole history is the period: the 40 days before it hold no data.
    render(<OverviewView figures={overviewFigures(report)} />);
    expect(screen.queryByTestId('metric-throughput-change')).toBeNull();
    expect(screen.getByTestId('metric-wip').textContent).toContain('4 items');
    expect(screen.getByTestId('overview-window').textContent).toContain(
      'does not go back another 40 days, so there is no earlier period of the same length to compare with',
    );
  });

  it('compares the last 30 days with the 30 before when the period has nothing of its length before it, and says so', () => {
    // Ten weeks of history from 1 January: all of it is the period, and nothing comes before it.
    const sketches: IssueSketch[] = Array.from({ length: 34 }, (_, i) => {
      const day = (offset: number) => new Date(at('2026-01-01T09:00Z') + offset * 86_400_000).toISOString();
      const started = 2 * i + 1;
      return {
        key: `LONG-${i + 1}`,
        created: day(2 * i),
        moves:
          i < 30
            ? [
                [day(started), 'In Progress'],
                [day(started + 1 + (i % 4) * (i < 15 ? 2 : 1)), 'Done'],
              ]
            : [[day(started), 'In Progress']],
      };
    });
    const whole = reportOf(boardHistory(sketches));
    expect(whole.periodComparison.previous).toBeNull();
    const recent = whole.recentComparison!;
    render(<OverviewView figures={overviewFigures(whole)} />);
    // Each change carries the value of the window it measures: the card's own value is the whole period's.
    expect(screen.getByTestId('metric-cycle-time-85-change').textContent).toMatch(
      new RegExp(
        `^Last 30 days: ${recent.current.cycleTime85} days?, ([▲▼] \\d+% vs the 30 before \\((better|worse)\\)|no change vs the 30 before)$`,
      ),
    );
    expect(screen.getByTestId('metric-wip-change').textContent).toMatch(
      new RegExp(`^Last 30 days: ${recent.current.wip} items?, .* vs the 30 before$`),
    );
    expect(screen.getByTestId('overview-window').textContent).toContain(
      `so the changes compare the last 30 days (${formatDate(recent.window.from)} to ${formatDate(recent.window.to)}) with the 30 days before (${formatDate(recent.previousWindow!.from)} to`,
    );
  });

  it('draws the recent trends from the report: throughput with its moving average, cycle time by month, WIP', () => {
    render(<OverviewView figures={overviewFigures(report)} />);
    const throughput = screen.getByTestId('chart-overview-throughput');
    expect(throughput.querySelectorAll('rect')).toHaveLength(Math.min(12, report.throughput.length));
    expect(throughput.querySelector('path')).toBeTruthy();
    const lastWeek = report.throughput.at(-1)!;
    const rows = openChartTable('chart-overview-throughput').querySelectorAll('tbody tr');
    expect(Array.from(rows.item(rows.length - 1).querySelectorAll('td'), (cell) => cell.textContent).slice(0, 3)).toEqual([
      formatDate(lastWeek.start),
      formatDate(lastWeek.end),
      String(lastWeek.count),
    ]);
    // All 20 items finished in February: one month, its 85th percentile the report's.
    expect(Array.from(openChartTable('chart-overview-cycle-time').querySelectorAll('tbody td'), (cell) => cell.textContent)).toEqual([
      monthName('2026-02'),
      '20',
      String(report.percentiles['85']),
      'whole month',
    ]);
    expect(openChartTable('chart-overview-wip').querySelectorAll('tbody tr')).toHaveLength(Math.min(84, report.wip.length));
    expect(screen.getByTestId('chart-overview-wip-summary').textContent).toBe(`4 items in progress on ${formatDate('2026-03-12')}.`);
  });

  it('names the oldest items at risk, each a link that opens it in Jira', () => {
    jest.mocked(router.open).mockClear();
    render(<OverviewView figures={overviewFigures(report)} />);
    const links = within(screen.getByTestId('overview-at-risk-list')).getAllByRole('link');
    const atRisk = Number(/\d+/.exec(screen.getByTestId('metric-at-risk').textContent)![0]);
    expect(atRisk).toBeGreaterThan(0);
    expect(links).toHaveLength(Math.min(AT_RISK_LISTED, atRisk));
    // Oldest first: FLOW-21 started first.
    expect(links[0]!.textContent).toBe('FLOW-21');
    fireEvent.click(links[0]!);
    expect(jest.mocked(router.open)).toHaveBeenCalledWith('/browse/FLOW-21');
  });

  it('says the items at risk it names are today’s when the period ended earlier', () => {
    const earlier = reportOf(flowHistory(), { ...NO_FILTERS, customRange: { from: '2026-02-01', to: '2026-03-01' } });
    render(<OverviewView figures={overviewFigures(earlier)} />);
    const list = screen.getByTestId('overview-at-risk');
    expect(within(list).getByRole('heading').textContent).toBe('Oldest items at risk today');
    expect(list.textContent).toContain(`the headline above counts those at risk on ${formatDate('2026-03-01')}`);
  });

  it('says there is nothing to compare with when nothing is finished', () => {
    render(<OverviewView figures={overviewFigures(empty)} />);
    expect(screen.getByTestId('metric-cycle-time-85').textContent).toContain('–');
    expect(screen.getByTestId('metric-at-risk').textContent).toContain('No finished items');
  });
});

describe('the cycle time view', () => {
  it('draws one dot per finished item with percentile lines, a histogram, and their data tables', async () => {
    render(<CycleTimeView report={report} />);
    const scatter = screen.getByTestId('chart-cycle-time-scatter');
    expect(scatter.querySelector('[data-point-count]')!.getAttribute('data-point-count')).toBe('20');
    // The 85th percentile is the service-level expectation: its line says so.
    expect(scatter.textContent).toContain('SLE 85%: 6 days');
    // The table sums the dots up month by month: all 20 items finished in February.
    const months = openChartTable('chart-cycle-time-scatter').querySelectorAll('tbody tr');
    // Months as the reader's locale writes them, like every date on the page.
    expect(Array.from(months, (row) => row.querySelector('td')!.textContent)).toEqual([monthName('2026-02')]);
    expect(months[0]!.querySelectorAll('td')[1]!.textContent).toBe('20');
    expect(screen.getByTestId('chart-cycle-time-scatter-summary').textContent).toContain('85% took 6 days or less');
    expect((await screen.findByTestId('chart-cycle-time-histogram')).querySelectorAll('rect').length).toBe(report.histogram.length);
  });

  it('draws the histogram a frame after the scatterplot the first time, at once when the same figures are drawn again', async () => {
    const figures = { ...report };
    const first = render(<CycleTimeView report={figures} />);
    expect(screen.getByTestId('chart-cycle-time-scatter')).toBeTruthy();
    expect(screen.queryByTestId('chart-cycle-time-histogram')).toBeNull();
    expect(await screen.findByTestId('chart-cycle-time-histogram')).toBeTruthy();
    first.unmount();
    // The chart handed over (drawn anew for the same figures), or the tab shown again: no blink.
    render(<CycleTimeView report={figures} />);
    expect(screen.getByTestId('chart-cycle-time-histogram')).toBeTruthy();
  });

  it('describes the dot the keyboard is on: its item, type, start, finish and cycle time', () => {
    render(<CycleTimeView report={report} />);
    const drawing = within(screen.getByTestId('chart-cycle-time-scatter')).getByRole('application');
    act(() => drawing.focus());
    fireEvent.keyDown(drawing, { key: 'Home' });
    const announced = screen.getByTestId('chart-announcement').textContent;
    // The first dot from the left: the earliest finished item, the shortest first on a shared day.
    const [first] = [...report.scatter].sort(
      (a, b) => a.date.localeCompare(b.date) || a.cycleTime - b.cycleTime || a.key.localeCompare(b.key),
    );
    const item = report.items.find((candidate) => candidate.key === first!.key)!;
    expect(announced).toBe(
      `${first!.key} (${item.type}): started ${formatDate(item.start!)}, done ${formatDate(first!.date)}, ${first!.cycleTime} days. 1 of 20.`,
    );
  });

  it("names the histogram's unit and marks the bins holding the quoted percentiles", async () => {
    render(<CycleTimeView report={report} />);
    const histogram = await screen.findByTestId('chart-cycle-time-histogram');
    expect(histogram.querySelector('.fm-chart-x-unit')!.textContent).toBe('cycle time (days)');
    const marks = Array.from(histogram.querySelectorAll('.fm-chart-bar-mark'), (mark) => mark.textContent);
    expect(marks.join('; ')).toContain('85%: 6 days');
    expect(marks.join('; ')).toContain(`50%: ${report.percentiles['50']} days`);
  });

  it('spans the selected period along its x axis, not only the days items finished, its first label with the year', () => {
    render(<CycleTimeView report={report} />);
    const labels = Array.from(
      screen.getByTestId('chart-cycle-time-scatter').querySelectorAll('.visx-axis-bottom text'),
      (text) => text.textContent,
    );
    const monthName = (month: number) =>
      new Date(Date.UTC(2026, month - 1, 1)).toLocaleDateString(undefined, { month: 'short', timeZone: 'UTC' });
    // The period runs from 1 February (a Sunday) to 12 March; every item finished in February. Its weeks are
    // labelled from their Monday, the 2nd, written as the locale writes a day.
    expect(labels[0]).toBe(
      new Date(Date.UTC(2026, 1, 2)).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
    );
    expect(labels.at(-1)).toContain(monthName(3));
  });

  it('says which item the keyboard is on, and opens it in Jira with Enter', () => {
    jest.mocked(router.open).mockClear();
    render(<CycleTimeView report={report} />);
    const chart = screen.getByRole('application', { name: /^Scatterplot of 20 items/ });
    act(() => chart.focus());
    fireEvent.keyDown(chart, { key: 'End' });
    // The last item to finish, its dates as the reader's locale writes them (never ISO), as in its tooltip.
    const last = [...report.scatter]
      .sort((a, b) => a.date.localeCompare(b.date) || a.cycleTime - b.cycleTime || (a.key < b.key ? -1 : 1))
      .at(-1)!;
    const item = report.items.find((candidate) => candidate.key === last.key)!;
    expect(screen.getByTestId('chart-announcement').textContent).toBe(
      `${last.key} (${item.type}): started ${formatDate(item.start!)}, done ${formatDate(last.date)}, ${last.cycleTime} days. 20 of 20.`,
    );
    expect(screen.getByTestId('chart-announcement').textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    fireEvent.keyDown(chart, { key: 'Enter' });
    expect(jest.mocked(router.open)).toHaveBeenCalledWith(expect.stringMatching(/^\/browse\/FLOW-\d+$/));
  });

  it('has an empty state', () => {
    render(<CycleTimeView report={empty} />);
    expect(screen.getByTestId('tab-panel-cycle-time-empty').textContent).toContain('No items were finished');
  });
});

describe('the throughput view', () => {
  it('draws the run chart with a moving average and the histogram of counts', () => {
    render(<ThroughputView report={report} />);
    const run = screen.getByTestId('chart-throughput-run');
    expect(run.querySelectorAll('rect')).toHaveLength(report.throughput.length);
    expect(run.querySelector('path')).toBeTruthy();
    // The rate's arithmetic can be checked from the summary: 20 items over 40 days, 5.7 weeks, is 3.5 a week.
    expect(screen.getByTestId('chart-throughput-run-summary').textContent).toContain(
      '20 items finished over 40 days (5.7 weeks): 3.5 per week on average, drawn in 7 weeks.',
    );
    expect(screen.getByTestId('chart-throughput-run').textContent).toContain('Items finished per week');
    // Of the whole weeks only: the first (1 day) and the last (4 days) are partial.
    const rows = openChartTable('chart-throughput-histogram').querySelectorAll('tbody tr');
    expect(Array.from(rows, (row) => row.textContent)).toEqual(['01', '21', '41', '72']);
    // The histogram's bars stand on a number line: every count from 0 to 7, those that never happened empty.
    const bars = Array.from(screen.getByTestId('chart-throughput-histogram').querySelectorAll('rect'), (bar) =>
      Number(bar.getAttribute('height')),
    );
    expect(bars).toHaveLength(8);
    expect(bars.map((height) => height > 0)).toEqual([true, false, true, false, true, false, false, true]);
  });

  it('marks the partial first and last weeks and leaves them out of the moving average', () => {
    render(<ThroughputView report={report} />);
    const bars = Array.from(screen.getByTestId('chart-throughput-run').querySelectorAll('rect'));
    expect(bars.map((bar) => bar.getAttribute('data-partial') === 'true')).toEqual([true, false, false, false, false, false, true]);
    expect(screen.getByTestId('chart-throughput-run-summary').textContent).toContain('(partial week: 1 of 7 days)');
    expect(screen.getByTestId('chart-throughput-run-summary').textContent).toContain('(partial week: 4 of 7 days)');
    // Whole weeks 4, 7, 7, 2, 0: the average of the last four whole weeks, not pulled down by the empty partial ones.
    const averages = Array.from(
      openChartTable('chart-throughput-run').querySelectorAll('tbody tr'),
      (row) => row.lastElementChild!.textContent,
    );
    expect(averages).toEqual(['–', '–', '–', '–', '5', '4', '–']);
  });

  it('averages the same items per week as the overview’s headline, partial weeks and all', () => {
    render(<ThroughputView report={report} />);
    render(<OverviewView figures={overviewFigures(report)} />);
    const headline = /([\d.]+) items/.exec(screen.getByTestId('metric-throughput').textContent)![1];
    expect(screen.getByTestId('chart-throughput-run-summary').textContent).toContain(`: ${headline} per week on average,`);
  });

  it('names the moving average when the pointer is over a period', () => {
    render(<ThroughputView report={report} />);
    const svg = screen.getByTestId('chart-throughput-run').querySelector('svg')!;
    layOutAtViewBoxSize(svg);
    const lastWhole = Array.from(svg.querySelectorAll('rect')).at(-2)!;
    fireEvent.mouseMove(svg, { clientX: Number(lastWhole.getAttribute('x')) + 1, clientY: 200 });
    expect(tooltipText()).toMatch(/Moving average \(4\): [\d.]+$/);
    expect(tooltipText()).not.toContain('Trend');
  });
});

describe('the flow view', () => {
  it('stacks each stage’s own band, done work at the bottom', () => {
    const bands = cumulativeFlowBands(report);
    expect(bands.map((band) => band.name)).toEqual(['Released', 'Done', 'Review', 'In Progress', 'Backlog']);
    const last = report.cfd.length - 1;
    expect(bands.reduce((sum, band) => sum + band.values[last]!, 0)).toBe(24);
    expect(bands[1]!.values[last]).toBe(20);
    expect(bands[3]!.values[last]).toBe(4);
  });

  it('draws the cumulative flow diagram and the WIP run chart', () => {
    render(<FlowView report={report} />);
    expect(screen.getByTestId('chart-cumulative-flow').querySelectorAll('path')).toHaveLength(5);
    expect(openChartTable('chart-cumulative-flow').querySelectorAll('tbody tr')).toHaveLength(report.cfd.length);
    expect(screen.getByTestId('chart-wip-run-summary').textContent).toContain(
      `4 items in progress at the end of ${formatDate('2026-03-12')}`,
    );
    // Dates as the rest of the page writes them, not ISO.
    expect(screen.getByTestId('chart-cumulative-flow-summary').textContent).toMatch(new RegExp(`^By ${formatDate('2026-03-12')}: `));
    // The legend keys the drawing, above its summary.
    const legend = screen.getByTestId('cumulative-flow-legend');
    expect(screen.getByTestId('chart-cumulative-flow').contains(legend)).toBe(true);
  });

  it('names the bands tall enough to hold a name where they end, edged apart', () => {
    render(<FlowView report={report} />);
    const chart = screen.getByTestId('chart-cumulative-flow');
    // Done (20 items) and In Progress (4 of 24) end tall enough; the empty Released and Review bands do not.
    expect(Array.from(chart.querySelectorAll('.fm-chart-band-label'), (label) => label.textContent)).toEqual(['Done', 'In Progress']);
    expect(chart.querySelector('path')!.getAttribute('stroke')).toBe(CHART_COLOURS.surface);
  });

  it("shows where the finished items' time went, stage by stage, with flow efficiency and blocked time", () => {
    render(<FlowView report={report} />);
    const table = openChartTable('chart-time-in-stage');
    const rows = Array.from(table.querySelectorAll('tbody tr'), (row) =>
      Array.from(row.querySelectorAll('td'), (cell) => cell.textContent),
    );
    // From the start stage up to done: In Progress and Review. The items took 1 to 5 days in progress, none in review.
    expect(rows.map((row) => row[0])).toEqual(['In Progress', 'Review']);
    const inProgress = report.items
      .filter((item) => item.done !== null)
      .map((item) => item.timeInStage['In Progress']!)
      .sort((a, b) => a - b);
    expect(Number(rows[0]![1])).toBe(Math.round(inProgress[Math.ceil(inProgress.length / 2) - 1]! * 10) / 10);
    expect(rows[1]!.slice(1)).toEqual(['0', '0']);
    expect(screen.getByTestId('chart-time-in-stage-summary').textContent).toContain(`over ${report.flowEfficiency.items} items`);
  });

  it('hides the backlog and done work on request, keeping each band its colour', () => {
    render(<FlowView report={report} />);
    const colourOf = (name: string) =>
      Array.from(screen.getByTestId('cumulative-flow-legend').children)
        .find((entry) => entry.textContent === name)!
        .querySelector('rect')!
        .getAttribute('fill');
    const inProgressColour = colourOf('In Progress');
    fireEvent.click(screen.getByLabelText('Hide backlog'));
    fireEvent.click(screen.getByLabelText('Hide done'));
    expect(screen.getByTestId('chart-cumulative-flow').querySelectorAll('path')).toHaveLength(2);
    expect(Array.from(screen.getByTestId('cumulative-flow-legend').children, (entry) => entry.textContent)).toEqual([
      'Review',
      'In Progress',
    ]);
    expect(colourOf('In Progress')).toBe(inProgressColour);
  });
});

describe('the forecast view', () => {
  const model = reportModel(flowHistory(), BOARD_WORKFLOW, null, FIXTURE_NOW);
  const answer = (questions: ForecastQuestions) => model.forecastFor(NO_FILTERS, questions);
  // As the page asks it: a promise, answered after the view has drawn (off the page's thread in a browser).
  const ask = (questions: ForecastQuestions) => new Promise<ForecastSection>((resolve) => setTimeout(() => resolve(answer(questions)), 0));
  const shown = async () => screen.findByTestId('forecast-how-many-sentence');

  it('reads the forecast in plain language, with both tables and the backtest', async () => {
    render(<ForecastView report={report} ask={ask} projectKey="FLOW" />);
    // While the futures are simulated, the page says so and stays usable.
    expect(screen.getByTestId('page-loading')).toBeTruthy();
    await shown();
    expect(screen.getByTestId('forecast-how-many-sentence').textContent).toBe(
      `85% chance of 5 or more items by ${formatDate('2026-03-26')}.`,
    );
    expect(screen.getByTestId('forecast-when-sentence').textContent).toBe(
      `85% chance that 4 items are done by ${formatDate('2026-03-22')}.`,
    );
    expect(screen.getByTestId('forecast-how-many-table').querySelectorAll('tbody tr')).toHaveLength(4);
    expect(screen.getByTestId('forecast-when-table').querySelectorAll('tbody tr')).toHaveLength(4);
    expect(screen.getByTestId('forecast-backtest').textContent).toMatch(/85% forecast held 60% of the time/);
  });

  it('draws the simulated futures with the 50%, 85% and 95% marks', async () => {
    render(<ForecastView report={report} ask={ask} projectKey="FLOW" />);
    await shown();
    for (const chart of ['chart-forecast-how-many', 'chart-forecast-when']) {
      const marks = Array.from(screen.getByTestId(chart).querySelectorAll('.fm-chart-bar-mark'), (mark) => mark.textContent.split(':')[0]);
      expect(marks).toEqual(['50%', '85%', '95%']);
      const futures = Array.from(openChartTable(chart).querySelectorAll('tbody tr'), (row) =>
        Number(row.querySelectorAll('td')[1]!.textContent.replace(/,/g, '')),
      );
      expect(futures.reduce((sum, n) => sum + n, 0)).toBe(report.forecast.trials);
    }
    expect(screen.getByTestId('chart-forecast-how-many').textContent).toContain('85%: 5+');
  });

  it('labels confidence levels whose outcomes fall in one bin once, with both, so the labels never overlap', () => {
    const outcomes = [
      { from: 0, to: 10, trials: 50 },
      { from: 10, to: 20, trials: 50 },
    ];
    const rows = [
      { confidence: 50, items: 15 },
      { confidence: 85, items: 3 },
      { confidence: 95, items: 1 },
    ];
    expect(
      confidenceMarks(
        outcomes,
        rows,
        (row) => row.items,
        (row) => `${row.items}+`,
      ),
    ).toEqual([
      { at: 1, label: '50%: 15+' },
      { at: 0, label: '85%: 3+; 95%: 1+' },
    ]);
  });

  it('answers a date and a number of items the reader chooses', async () => {
    render(<ForecastView report={report} ask={ask} projectKey="FLOW" />);
    await shown();
    expect(screen.getByTestId<HTMLInputElement>('forecast-target-date').value).toBe('2026-03-26');
    expect(screen.getByTestId<HTMLInputElement>('forecast-items').value).toBe('4');
    fireEvent.change(screen.getByTestId('forecast-target-date'), { target: { value: '2026-04-30' } });
    // The last answer stays while the new one is simulated, marked as being brought up to date.
    expect(screen.getByTestId('forecast-status').textContent).toContain('Simulating futures');
    await waitFor(() => expect(screen.getByTestId('forecast-how-many-sentence').textContent).toContain(`by ${formatDate('2026-04-30')}.`));
    expect(screen.getByTestId('forecast-status').textContent).toBe('');
    const later = Number(/of (\d+) or more/.exec(screen.getByTestId('forecast-how-many-sentence').textContent)![1]);
    expect(screen.getByTestId('forecast-how-many-sentence').textContent).toContain(`by ${formatDate('2026-04-30')}.`);
    expect(later).toBeGreaterThan(5);
    expect(later).toBe(answer({ targetDate: '2026-04-30' }).howMany!.table.find((row) => row.confidence === 85)!.items);
    fireEvent.change(screen.getByTestId('forecast-items'), { target: { value: '30' } });
    await waitFor(() => expect(screen.getByTestId('forecast-when-sentence').textContent).toMatch(/^85% chance that 30 items are done by /));
    expect(screen.getByRole('heading', { name: 'When 30 items will be done' })).toBeTruthy();
  });

  it('refuses a date that is not in the future and a number out of range, keeping the last forecast', async () => {
    render(<ForecastView report={report} ask={ask} projectKey="FLOW" />);
    const sentence = (await shown()).textContent;
    fireEvent.change(screen.getByTestId('forecast-target-date'), { target: { value: '2026-03-12' } });
    expect(screen.getByTestId('forecast-target-date-problem').textContent).toBe(`Choose a date after today (${formatDate('2026-03-12')}).`);
    expect(screen.getByTestId('forecast-target-date').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('forecast-how-many-sentence').textContent).toBe(sentence);
    fireEvent.change(screen.getByTestId('forecast-items'), { target: { value: '10001' } });
    expect(screen.getByTestId('forecast-items-problem').textContent).toBe('Enter a whole number of items from 1 to 10,000.');
    expect(screen.getByTestId('forecast-when-sentence').textContent).toContain('4 items');
  });

  it('heads its tables one level below the page’s title', async () => {
    render(<ForecastView report={report} ask={ask} projectKey="FLOW" />);
    await shown();
    expect(screen.getAllByRole('heading').map((heading) => heading.tagName)).toEqual(['H2', 'H2']);
  });

  it('does not promise "0 or more items" for a date too near to finish anything', () => {
    const { howMany } = report.forecast;
    const near = (items: number) => ({
      ...report.forecast,
      howMany: { ...howMany!, table: howMany!.table.map((row) => ({ ...row, items })) },
    });
    const by = formatDate(howMany!.targetDate);
    expect(howManySentence(near(0))).toBe(`Less than 85% chance that even one item is done by ${by}.`);
    expect(howManySentence(near(1))).toBe(`85% chance of 1 or more items by ${by}.`);
  });

  it('explains why there is no forecast', async () => {
    const none = reportModel(boardHistory([]), BOARD_WORKFLOW, null, FIXTURE_NOW);
    render(<ForecastView report={empty} ask={(questions) => Promise.resolve(none.forecastFor(NO_FILTERS, questions))} projectKey="FLOW" />);
    expect(howManySentence(empty.forecast)).toBeNull();
    expect((await screen.findByTestId('tab-panel-forecast-empty')).textContent).toContain('nothing to sample throughput from');
  });
});

describe('discarded work on the page', () => {
  // "Released" stands for a done status such as Won't Fix, which the admin marked discarded.
  const sketches: IssueSketch[] = [
    {
      key: 'D-1',
      created: '2026-03-01T09:00Z',
      moves: [
        ['2026-03-02T09:00Z', 'In Progress'],
        ['2026-03-05T09:00Z', 'Done'],
      ],
    },
    {
      key: 'W-1',
      created: '2026-03-01T09:00Z',
      moves: [
        ['2026-03-04T09:00Z', 'In Progress'],
        ['2026-03-04T10:00Z', 'Released'],
      ],
    },
    { key: 'P-1', created: '2026-03-01T09:00Z', moves: [['2026-03-07T09:00Z', 'In Progress']] },
  ];
  const result = computeReport(
    boardHistory(sketches),
    { ...BOARD_WORKFLOW, discardedStatuses: ['Released'] },
    null,
    NO_FILTERS,
    FIXTURE_NOW,
  );
  if (!result.ok) throw new Error(result.message);
  const withDiscarded = result.report;

  it('is shown apart on the overview, and left out of its figures', () => {
    render(<OverviewView figures={overviewFigures(withDiscarded)} />);
    expect(screen.getByTestId('overview-discarded').textContent).toBe(
      '1 item was discarded in the period (1 Released): closed without being delivered, they are left out of throughput and cycle time.',
    );
    expect(screen.getByTestId('overview-window').textContent).toMatch(/^1 item finished between/);
  });

  it('is listed in the Issues tab as discarded', () => {
    render(<IssuesView report={withDiscarded} projectKey="FLOW" />);
    expect(screen.getByTestId('issues-count').textContent).toBe(
      `1 finished from ${formatDate('2026-03-01')} to ${formatDate('2026-03-12')} (and 1 discarded), plus 1 in progress now`,
    );
    const row = within(screen.getByTestId('issues-table--table')).getByRole('link', { name: 'W-1' }).closest('tr')!;
    expect(row.querySelectorAll('td')[3]!.textContent).toBe('Discarded');
  });
});

describe('one item, one day', () => {
  it('is written in the singular wherever the page counts items or days', async () => {
    // One item finished in a week.
    const oneThroughput = overviewFigures({
      ...report,
      generated: { ...report.generated, doneInWindow: 1 },
      periodComparison: { ...report.periodComparison, days: 7, current: { ...report.periodComparison.current, throughputPerWeek: 1 } },
    });
    render(<OverviewView figures={oneThroughput} />);
    expect(screen.getByTestId('metric-throughput').textContent).toContain('1 item');
    expect(screen.getByTestId('metric-throughput').textContent).not.toContain('1 items');
    const lastWip = report.wip.at(-1)!;
    render(<FlowView report={{ ...report, wip: [...report.wip.slice(0, -1), { ...lastWip, count: 1 }] }} />);
    expect(screen.getByTestId('chart-wip-run-summary').textContent).toMatch(/^1 item in progress at the end of /);
    render(
      <CycleTimeView
        report={{ ...report, histogram: [{ from: 1, to: 2, count: 7 }, ...report.histogram.filter((bin) => bin.from > 1)] }}
      />,
    );
    expect((await screen.findByTestId('chart-cycle-time-histogram-summary')).textContent).toContain('the most common is 1 day (7 items)');
  });

  it('forecasts when one item will be done in the singular', async () => {
    const model = reportModel(flowHistory(), BOARD_WORKFLOW, null, FIXTURE_NOW);
    const ask = (questions: ForecastQuestions) => Promise.resolve(model.forecastFor(NO_FILTERS, questions));
    render(<ForecastView report={report} ask={ask} projectKey="FLOW" />);
    await screen.findByTestId('forecast-when-sentence');
    fireEvent.change(screen.getByTestId('forecast-items'), { target: { value: '1' } });
    await waitFor(() => expect(screen.getByTestId('forecast-when-sentence').textContent).toMatch(/^85% chance that 1 item is done by /));
    expect(screen.getByRole('heading', { name: 'When 1 item will be done' })).toBeTruthy();
    expect(screen.getByTestId('chart-forecast-when').textContent).toContain('Day the 1 item is done in ');
  });

  it('counts one item in the singular in the table of how many items', async () => {
    const model = reportModel(flowHistory(), BOARD_WORKFLOW, null, FIXTURE_NOW);
    const answered = model.forecastFor(NO_FILTERS, {});
    const one = { ...answered, howMany: { ...answered.howMany!, table: answered.howMany!.table.map((row) => ({ ...row, items: 1 })) } };
    render(<ForecastView report={report} ask={() => Promise.resolve(one)} projectKey="FLOW" />);
    await screen.findByTestId('forecast-how-many-sentence');
    const answers = Array.from(
      screen.getByTestId('forecast-how-many-table').querySelectorAll('tbody tr'),
      (row) => row.querySelectorAll('td')[1]!.textContent,
    );
    expect(answers).toEqual(['1 item', '1 item', '1 item', '1 item']);
  });
});

describe('the issues view', () => {
  it('pages and sorts the items', () => {
    render(<IssuesView report={report} projectKey="FLOW" />);
    const table = screen.getByTestId('issues-table--table');
    // 24 items fit one page: the header row and 24 rows.
    expect(ISSUES_PER_PAGE).toBeGreaterThanOrEqual(24);
    expect(within(table).getAllByRole('row')).toHaveLength(25);
    fireEvent.click(within(table).getByRole('button', { name: /Age/ }));
    const firstRow = within(table).getAllByRole('row')[1]!;
    expect(firstRow.textContent).toContain('FLOW-24');
  });

  it('puts the items without a value last, whichever way a column is sorted', () => {
    render(<IssuesView report={report} projectKey="FLOW" />);
    const table = screen.getByTestId('issues-table--table');
    const cycleTime = within(table).getByRole('button', { name: /Cycle time/ });
    const longest = Math.max(...report.items.flatMap((item) => (item.cycleTime === null ? [] : [item.cycleTime])));
    fireEvent.click(cycleTime);
    fireEvent.click(cycleTime);
    // Longest first: an item in progress has no cycle time yet and waits at the end, not at the top.
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]!.querySelectorAll('td')[6]!.textContent).toBe(String(longest));
    expect(rows.at(-1)!.querySelectorAll('td')[6]!.textContent).toBe('–');
  });

  it('links each key to its issue, which Jira opens', () => {
    jest.mocked(router.open).mockClear();
    render(<IssuesView report={report} projectKey="FLOW" />);
    const first = within(screen.getByTestId('issues-table--table')).getByRole('link', { name: 'FLOW-1' });
    fireEvent.click(first);
    expect(jest.mocked(router.open)).toHaveBeenCalledWith('/browse/FLOW-1');
  });

  it('is headed first, then says how many items it holds next to the export', () => {
    render(<IssuesView report={report} projectKey="FLOW" />);
    const panel = screen.getByTestId('tab-panel-issues');
    const heading = within(panel).getByRole('heading', { level: 2, name: 'Items behind the charts' });
    const countText = screen.getByTestId('issues-count');
    expect(countText.textContent).toBe(
      `20 finished from ${formatDate('2026-02-01')} to ${formatDate('2026-03-12')}, plus 4 in progress now`,
    );
    // In document order: the heading, then the count and the export button, which share one row.
    expect(heading.compareDocumentPosition(countText) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(countText.parentElement).toBe(screen.getByTestId('issues-export-csv').parentElement);
  });

  it('marks the headers of the columns of numbers, which the style sheet aligns with their numbers', () => {
    render(<IssuesView report={report} projectKey="FLOW" />);
    const numeric = Array.from(document.querySelectorAll('[data-testid="issues-number-column--head--cell"]'), (cell) => cell.textContent);
    expect(numeric).toEqual(['Cycle time (days)', 'Age (days)', 'Time in Backlog (days)', 'Time in In Progress (days)']);
  });

  it('pages through many items with its own pager, and sorting starts again at page one', () => {
    const many = { ...report, items: Array.from({ length: 60 }, (_, i) => ({ ...report.items[i % 24]!, key: `X-${i + 1}` })) };
    render(<IssuesView report={many} projectKey="FLOW" />);
    const table = () => screen.getByTestId('issues-table--table');
    expect(within(table()).getAllByRole('row')).toHaveLength(ISSUES_PER_PAGE + 1);
    expect(screen.getByTestId('issues-page').textContent).toBe('Page 1 of 3');
    fireEvent.click(screen.getByTestId('issues-next-page'));
    expect(screen.getByTestId('issues-page').textContent).toBe('Page 2 of 3');
    expect(within(table()).getAllByRole('row')[1]!.textContent).toContain('X-26');
    fireEvent.click(within(table()).getByRole('button', { name: /Key/ }));
    expect(screen.getByTestId('issues-page').textContent).toBe('Page 1 of 3');
    expect(within(table()).getAllByRole('row')[1]!.textContent).toContain('X-60');
  });

  it('shows the time each item spent in each stage through done, sortable', () => {
    render(<IssuesView report={report} projectKey="FLOW" />);
    const table = screen.getByTestId('issues-table--table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    // No item was ever in review or reopened after done: those columns would be all zeros, so only the CSV has them.
    expect(report.items.every((item) => !item.timeInStage['Review'] && !item.timeInStage['Done'])).toBe(true);
    expect(headers.slice(8)).toEqual(['Time in Backlog (days)', 'Time in In Progress (days)']);
    // FLOW-1 waited a day in the backlog, then took a day.
    const cells = Array.from(within(table).getAllByRole('row')[1]!.querySelectorAll('td'), (cell) => cell.textContent);
    expect(cells.slice(8)).toEqual(['1.0', '1.0']);
    // Dates as the reader's locale writes them, like the rest of the page.
    expect(cells[4]).toBe(formatDate('2026-02-02'));
    const inProgress = within(table).getByRole('button', { name: /Time in In Progress/ });
    fireEvent.click(inProgress);
    fireEvent.click(inProgress);
    // Longest in progress first: FLOW-21, started 22 February and still going on 12 March.
    expect(within(table).getAllByRole('row')[1]!.textContent).toMatch(/^FLOW-21.*18\.1/);
  });

  it('shows a stage column once one item spent time in it, and goes back to key order when a sorted column leaves', () => {
    const withReview = {
      ...report,
      items: report.items.map((item) => (item.key === 'FLOW-2' ? { ...item, timeInStage: { ...item.timeInStage, Review: 0.5 } } : item)),
    };
    const { rerender } = render(<IssuesView report={withReview} projectKey="FLOW" />);
    const table = () => screen.getByTestId('issues-table--table');
    const headers = () =>
      within(table())
        .getAllByRole('columnheader')
        .map((header) => header.textContent);
    expect(headers().slice(8)).toEqual(['Time in Backlog (days)', 'Time in In Progress (days)', 'Time in Review (days)']);
    const review = within(table()).getByRole('button', { name: /Time in Review/ });
    fireEvent.click(review);
    fireEvent.click(review);
    expect(within(table()).getAllByRole('row')[1]!.textContent).toMatch(/^FLOW-2\D.*0\.5$/);
    // The filters change and no item left has time in review: the column goes, the rows are in key order again.
    rerender(<IssuesView report={report} projectKey="FLOW" />);
    expect(headers().slice(8)).toEqual(['Time in Backlog (days)', 'Time in In Progress (days)']);
    expect(within(table()).getAllByRole('row')[1]!.textContent).toMatch(/^FLOW-1\D/);
  });

  it('lists only the items behind the charts of the period chosen, says which, and exports those', () => {
    // The last 20 days (21 February to 12 March): FLOW-17 to FLOW-20 finished in them, FLOW-21 to FLOW-24 are in progress.
    const lastDays = reportOf(flowHistory(), { ...NO_FILTERS, rangeDays: 20, issueTypes: ['Story'] });
    render(<IssuesView report={lastDays} projectKey="FLOW" selection={{ issueTypes: ['Story'] }} />);
    const table = screen.getByTestId('issues-table--table');
    const keys = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelector('td')!.textContent);
    const finished = lastDays.items.filter((item) => item.done !== null && item.done >= '2026-02-21');
    const inProgress = lastDays.items.filter((item) => item.age !== null);
    expect(finished.length + inProgress.length).toBeLessThan(lastDays.items.length);
    expect(keys).toEqual([...finished, ...inProgress].map((item) => item.key).sort((a, b) => Number(a.slice(5)) - Number(b.slice(5))));
    expect(screen.getByTestId('issues-count').textContent).toBe(
      `${finished.length} finished from ${formatDate('2026-02-21')} to ${formatDate('2026-03-12')}, plus ${inProgress.length} in progress now`,
    );
    const csv = issuesCsv(lastDays).split('\r\n');
    expect(csv.filter((line) => line !== '')).toHaveLength(1 + keys.length);
    expect(csv.slice(1).map((line) => line.split(',')[3])).toEqual(expect.arrayContaining(['Finished', 'In progress']));
    expect(itemsFileName('FLOW', lastDays, { issueTypes: ['Story'] })).toBe('FLOW-flow-items-2026-02-21-to-2026-03-12-Story.csv');
    expect(itemsFileName('FLOW', lastDays, { issueTypes: [] })).toBe('FLOW-flow-items-2026-02-21-to-2026-03-12-all-types.csv');
  });

  it('names the export after every filter chosen, so a file of some items is not taken for all of them', () => {
    const lastDays = reportOf(flowHistory(), { ...NO_FILTERS, rangeDays: 20 });
    expect(
      itemsFileName('FLOW', lastDays, {
        issueTypes: ['Story', 'Bug'],
        labels: ['mobile app', ''],
        parents: ['FLOW-12'],
        stageRange: { from: 'In Review', to: 'Done' },
      }),
    ).toBe('FLOW-flow-items-2026-02-21-to-2026-03-12-Bug+Story-label-mobile-app+none-parent-FLOW-12-from-In-Review-to-Done.csv');
  });

  it('exports every item as CSV, with the time in every stage', () => {
    const csv = issuesCsv(report).split('\r\n');
    expect(csv[0]).toBe(
      'Key,Type,Status,In the period,Start,Done,Cycle time (days),Age (days),Entered Backlog,Entered In Progress,Entered Review,Entered Done,Entered Released,' +
        'Time in Backlog (days),Time in In Progress (days),Time in Review (days),Time in Done (days),Time in Released (days)',
    );
    expect(csv).toHaveLength(26);
    expect(csv[1]).toMatch(/^FLOW-1,Bug,Done,Finished,2026-02-02,2026-02-03,2,,2026-02-01,2026-02-02,,2026-02-03,,1,1,0,0,0$/);
  });

  it('has an empty state', () => {
    const none = { ...report, items: [] };
    render(<IssuesView report={none} projectKey="FLOW" />);
    expect(screen.getByTestId('tab-panel-issues-empty').textContent).toContain('No items match');
  });
});
