/** @jest-environment jsdom */
import '../../../testing/atlaskit-test-env';
import { fireEvent, render, screen } from '@testing-library/react';
import { computeReport, isoDateToDay, NO_FILTERS } from '../../../../src/domain';
import { BOARD_WORKFLOW } from '../../../../src/domain/testing/history-fixture';
import { FIXTURE_NOW, flowHistory } from '../../../testing/flow-fixtures';
import { CycleTimeView } from './CycleTimeView';
import { rollingCycleTime } from './rolling-cycle-time';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), router: { open: jest.fn(() => Promise.resolve()) } }));

function reportOf() {
  const result = computeReport(flowHistory(), BOARD_WORKFLOW, null, NO_FILTERS, FIXTURE_NOW);
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

/** The value axis labels of the scatterplot, bottom up. */
const valueLabels = () =>
  Array.from(screen.getByTestId('chart-cycle-time-scatter').querySelectorAll('.visx-axis-left text'), (label) => label.textContent);

describe("the scatterplot's options", () => {
  it('draws cycle times on a logarithmic scale on request', () => {
    render(<CycleTimeView report={reportOf()} />);
    // The fixture's cycle times run from 2 to 6 days: a linear axis steps evenly.
    expect(valueLabels()).toEqual(['0', '2', '4', '6']);
    fireEvent.click(screen.getByLabelText('Logarithmic scale'));
    expect(valueLabels()).toEqual(['0', '1', '2', '5', '10']);
    expect(screen.getByTestId('chart-cycle-time-scatter-summary').textContent).toContain('on a logarithmic scale');
  });

  it('draws the rolling 85th percentile of the last items chosen', () => {
    render(<CycleTimeView report={reportOf()} />);
    expect(screen.queryByTestId('chart-trend')).toBeNull();
    fireEvent.change(screen.getByTestId('scatter-rolling'), { target: { value: '10' } });
    expect(screen.getByTestId('chart-trend')).toBeTruthy();
    expect(screen.getByTestId('chart-cycle-time-scatter-summary').textContent).toContain('85th percentile of the last 10 items');
  });
});

describe('the rolling cycle time', () => {
  it('starts at the item that fills the window, at the day each item finished', () => {
    const report = reportOf();
    // The fixture's 20 finished items took 2 to 6 days, four of each: the 85th percentile (nearest rank 17 of
    // 20) is 6 days, drawn once, at the day the 20th finished.
    const whole = rollingCycleTime(report, 20);
    expect(whole.label).toBe('85%, last 20');
    expect(whole.points).toEqual([{ x: isoDateToDay(report.scatter.at(-1)!.date), y: 6 }]);
    // A window of one item follows the dots themselves.
    expect(rollingCycleTime(report, 1).points.map((point) => point.y)).toEqual(report.scatter.map((point) => point.cycleTime));
  });
});
