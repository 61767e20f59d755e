/** @jest-environment jsdom */
import '../../../testing/atlaskit-test-env';
import { render, screen } from '@testing-library/react';
import { BOARD_WORKFLOW } from '../../../../src/domain/testing/history-fixture';
import { formatDate } from '../../../common/format-date-time';
import { FIXTURE_NOW, flowHistory } from '../../../testing/flow-fixtures';
import { computeReport, NO_FILTERS } from '../../../../src/domain';
import { axisDateLabel, openChartTable } from '../charts/chart-test-support';
import { dailyThroughput } from './daily-throughput';
import { FlowView } from './FlowView';
import { ThroughputView } from './ThroughputView';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), router: { open: jest.fn(() => Promise.resolve()) } }));

const result = computeReport(flowHistory(), BOARD_WORKFLOW, null, NO_FILTERS, FIXTURE_NOW);
if (!result.ok) throw new Error(result.message);
const report = result.report;

/**
 * The fixture's period runs from 1 February to 12 March (40 days): 24 items started in it and 20 finished,
 * each on a day of its own in February (FLOW-1 on the 3rd first).
 */
describe('the net flow chart', () => {
  it('draws arrivals minus departures per week, and sums them in its summary', () => {
    render(<FlowView report={report} />);
    const bars = Array.from(screen.getByTestId('chart-net-flow').querySelectorAll('rect.fm-net-flow-bar'), (bar) =>
      Number(bar.getAttribute('data-net')),
    );
    expect(bars).toHaveLength(report.netFlow.length);
    expect(bars.reduce((sum, net) => sum + net, 0)).toBe(4);
    expect(screen.getByTestId('chart-net-flow-summary').textContent).toMatch(
      /^24 items arrived \(started\) and 20 items departed \(finished\) in the period, net \+4;/,
    );
  });
});

describe('the daily throughput run chart', () => {
  it('counts the items finished each day, quiet days included', () => {
    const days = dailyThroughput(report);
    expect(days).toHaveLength(40);
    expect(days[0]).toEqual({ date: '2026-02-01', count: 0 });
    expect(days.filter((day) => day.count === 1)).toHaveLength(20);
    render(<ThroughputView report={report} />);
    expect(screen.getByTestId('chart-throughput-daily-summary').textContent).toBe(
      `20 items over 40 days, 0.5 per day; 20 days with none; the most on ${formatDate('2026-02-03')} (1 item).`,
    );
    expect(openChartTable('chart-throughput-daily').querySelectorAll('tbody tr')).toHaveLength(40);
  });
});

describe('the run charts’ date axes', () => {
  it('write the year on their first label, so a period across years reads unambiguously', () => {
    const firstLabel = (testId: string) => screen.getByTestId(testId).querySelector('.visx-axis-bottom text')?.textContent;
    const { unmount } = render(<FlowView report={report} />);
    for (const chart of ['chart-cumulative-flow', 'chart-wip-run', 'chart-net-flow']) expect(firstLabel(chart)).toMatch(/2026/);
    unmount();
    render(<ThroughputView report={report} />);
    for (const chart of ['chart-throughput-run', 'chart-throughput-daily']) expect(firstLabel(chart)).toMatch(/2026/);
  });
});

describe('the daily throughput chart’s date axis', () => {
  it('labels the weeks of the period on their Mondays, not counting from its first day', () => {
    render(<ThroughputView report={report} />);
    const labels = Array.from(
      screen.getByTestId('chart-throughput-daily').querySelectorAll('.visx-axis-bottom text'),
      (label) => label.textContent,
    );
    // 1 February 2026, the period's first day, is a Sunday: the weeks start on the 2nd, 9th…
    const written = axisDateLabel;
    expect(labels[0]).toBe(written('2026-02-02', true));
    expect(
      labels.slice(1).every((label) => ['02-09', '02-16', '02-23', '03-02', '03-09'].some((date) => label === written(`2026-${date}`))),
    ).toBe(true);
  });
});

describe('the date axes of a project whose weeks end on Friday', () => {
  const fridayResult = computeReport(flowHistory(), BOARD_WORKFLOW, { conventions: { weekEndsOn: 'friday' } }, NO_FILTERS, FIXTURE_NOW);
  if (!fridayResult.ok) throw new Error(fridayResult.message);
  const fridayReport = fridayResult.report;
  const labelsOf = (testId: string) =>
    Array.from(screen.getByTestId(testId).querySelectorAll('.visx-axis-bottom text'), (label) => label.textContent);
  // The period runs from Sunday 1 February 2026 to Thursday 12 March: its weeks start on the Saturdays.
  const saturdays = ['02-07', '02-14', '02-21', '02-28', '03-07'].map((date) => `2026-${date}`);
  const onSaturdays = (labels: Array<string | null>) =>
    labels.length > 1 &&
    labels[0] === axisDateLabel(saturdays[0]!, true) &&
    labels.slice(1).every((label) => saturdays.some((day) => label === axisDateLabel(day)));

  it('labels the runs of days on the Saturdays the weekly periods start on, from the report the views are given', () => {
    expect(fridayReport.throughput.slice(1).map((period) => period.start)).toEqual(saturdays);
    const { unmount } = render(<ThroughputView report={fridayReport} />);
    expect(onSaturdays(labelsOf('chart-throughput-daily'))).toBe(true);
    unmount();
    render(<FlowView report={fridayReport} />);
    for (const chart of ['chart-cumulative-flow', 'chart-wip-run']) expect(onSaturdays(labelsOf(chart))).toBe(true);
  });
});
