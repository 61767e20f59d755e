/** @jest-environment jsdom */
import '../../../testing/atlaskit-test-env';
import { fireEvent, render, screen } from '@testing-library/react';
import { BOARD_WORKFLOW } from '../../../../src/domain/testing/history-fixture';
import { FIXTURE_NOW, flowHistory } from '../../../testing/flow-fixtures';
import { computeReport, NO_FILTERS } from '../../../../src/domain';
import { FlowView } from './FlowView';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), router: { open: jest.fn(() => Promise.resolve()) } }));

const result = computeReport(flowHistory(), BOARD_WORKFLOW, null, NO_FILTERS, FIXTURE_NOW);
if (!result.ok) throw new Error(result.message);
const report = result.report;
const legend = () => Array.from(screen.getByTestId('cumulative-flow-legend').children, (entry) => entry.textContent);

describe("the cumulative flow diagram's options", () => {
  it('hides the backlog and done work apart', () => {
    render(<FlowView report={report} />);
    expect(legend()).toEqual(['Released', 'Done', 'Review', 'In Progress', 'Backlog']);
    fireEvent.click(screen.getByLabelText('Hide backlog'));
    expect(legend()).toEqual(['Released', 'Done', 'Review', 'In Progress']);
    fireEvent.click(screen.getByLabelText('Hide done'));
    expect(legend()).toEqual(['Review', 'In Progress']);
    fireEvent.click(screen.getByLabelText('Hide backlog'));
    expect(legend()).toEqual(['Review', 'In Progress', 'Backlog']);
  });

  it('writes the arrival and departure rates over the days shown', () => {
    render(<FlowView report={report} />);
    // 1 February to 12 March: 24 items started after the first day, 20 finished, over the 39 days between.
    expect(screen.getByTestId('cumulative-flow-rates').textContent).toBe(
      'Arrivals 0.6 items/day, departures 0.5 items/day over the 40 days shown.',
    );
    expect(screen.getByTestId('chart-cumulative-flow-summary').textContent).toContain('Arrivals 0.6 items/day');
  });
});
