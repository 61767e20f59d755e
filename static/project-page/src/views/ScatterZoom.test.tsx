/** @jest-environment jsdom */
import '../../../testing/atlaskit-test-env';
import { fireEvent, render, screen } from '@testing-library/react';
import { BOARD_WORKFLOW } from '../../../../src/domain/testing/history-fixture';
import { FIXTURE_NOW, flowHistory } from '../../../testing/flow-fixtures';
import { computeReport, NO_FILTERS } from '../../../../src/domain';
import { CycleTimeView } from './CycleTimeView';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), router: { open: jest.fn(() => Promise.resolve()) } }));

function reportOf() {
  const result = computeReport(flowHistory(), BOARD_WORKFLOW, null, NO_FILTERS, FIXTURE_NOW);
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

const dotCount = () =>
  Number(screen.getByTestId('chart-cycle-time-scatter').querySelector('[data-point-count]')!.getAttribute('data-point-count'));
const shownText = () => screen.getByTestId('scatter-zoom-shown').textContent;
const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });

describe('zooming the scatterplot into dates', () => {
  it('zooms in, moves and zooms out with buttons, for the keyboard, and resets', () => {
    const report = reportOf();
    render(<CycleTimeView report={report} />);
    const all = dotCount();
    expect(all).toBe(report.scatter.length);
    expect(shownText()).toContain('The whole period');
    expect(button('Zoom out').disabled).toBe(true);
    expect(button('Reset zoom').disabled).toBe(true);

    fireEvent.click(button('Zoom in'));
    expect(shownText()).toMatch(/^Showing .+ to .+\.$/);
    expect(dotCount()).toBeLessThan(all);
    expect(screen.getByTestId('chart-cycle-time-scatter-summary').textContent).toMatch(/Zoomed to .*: \d+ items? shown\./);
    const zoomedIn = shownText();
    fireEvent.click(button('Earlier'));
    expect(shownText()).not.toBe(zoomedIn);
    fireEvent.click(button('Reset zoom'));
    expect(dotCount()).toBe(all);
    expect(shownText()).toContain('The whole period');
  });

  it('zooms into the dates a drag across the chart covers, and a click opens no item after it', () => {
    const report = reportOf();
    render(<CycleTimeView report={report} />);
    const drawing = screen.getByRole('application');
    const width = Number(drawing.getAttribute('viewBox')!.split(' ')[2]);
    // The drawing shown at its own size, so a client x is a viewBox x.
    drawing.getBoundingClientRect = () => ({
      left: 0,
      top: 0,
      width,
      height: 300,
      right: width,
      bottom: 300,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    });
    fireEvent.mouseDown(drawing, { button: 0, clientX: width * 0.3, clientY: 100 });
    fireEvent.mouseMove(drawing, { clientX: width * 0.6, clientY: 100 });
    expect(screen.getByTestId('chart-selection')).toBeTruthy();
    fireEvent.mouseUp(drawing, { button: 0, clientX: width * 0.6, clientY: 100 });
    expect(screen.queryByTestId('chart-selection')).toBeNull();
    expect(shownText()).toMatch(/^Showing /);
    expect(dotCount()).toBeLessThan(report.scatter.length);
    expect(button('Reset zoom').disabled).toBe(false);
  });

  it('takes a press and release in the same place as a click, not a zoom', () => {
    render(<CycleTimeView report={reportOf()} />);
    const drawing = screen.getByRole('application');
    drawing.getBoundingClientRect = () => ({
      left: 0,
      top: 0,
      width: 600,
      height: 300,
      right: 600,
      bottom: 300,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    });
    fireEvent.mouseDown(drawing, { button: 0, clientX: 200, clientY: 100 });
    fireEvent.mouseUp(drawing, { button: 0, clientX: 202, clientY: 100 });
    expect(shownText()).toContain('The whole period');
  });
});
