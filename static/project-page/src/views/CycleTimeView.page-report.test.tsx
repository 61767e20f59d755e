/** @jest-environment jsdom */
import { expect } from '@jest/globals';
import '../../../testing/atlaskit-test-env';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { computeReport, type FlowReport, NO_FILTERS } from '../../../../src/domain';
import { BOARD_WORKFLOW } from '../../../../src/domain/testing/history-fixture';
import { formatDate } from '../../../common/format-date-time';
import { FIXTURE_NOW, flowHistory } from '../../../testing/flow-fixtures';
import type { PageReport } from '../report-worker-protocol';
import { scatterColumns } from '../scatter-columns';
import { CycleTimeView } from './CycleTimeView';
import { ScatterOptions } from './ScatterOptions';
import { ScatterZoomControls } from './ScatterZoomControls';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), router: { open: jest.fn(() => Promise.resolve()) } }));
// The tab's controls as they are, their renders counted.
jest.mock('./ScatterOptions', () => {
  const actual = jest.requireActual<typeof import('./ScatterOptions')>('./ScatterOptions');
  return { ...actual, ScatterOptions: jest.fn(actual.ScatterOptions) };
});
jest.mock('./ScatterZoomControls', () => {
  const actual = jest.requireActual<typeof import('./ScatterZoomControls')>('./ScatterZoomControls');
  return { ScatterZoomControls: jest.fn(actual.ScatterZoomControls) };
});

function reportOf(filters = NO_FILTERS): FlowReport {
  const result = computeReport(flowHistory(), BOARD_WORKFLOW, null, filters, FIXTURE_NOW);
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

/**
 * A report as the page holds one the worker sent: its points as columns named by the rows of its items' table, the
 * points as objects never built (reading them fails the test).
 */
function pageReportOf(report: FlowReport): PageReport & { pointsRead: () => number } {
  const keys = report.items.map((item) => item.key).reverse();
  const columns = { ...scatterColumns(report.scatter, new Map(keys.map((key, row) => [key, row]))), keys };
  let read = 0;
  const { scatter, ...rest } = report;
  return Object.defineProperty(
    { ...rest, scatterColumns: columns, pointsRead: () => read } as unknown as PageReport & { pointsRead: () => number },
    'scatter',
    {
      get: () => {
        read++;
        return scatter;
      },
    },
  );
}

describe('the cycle time view of a report the worker sent', () => {
  it('draws its dots from the columns, without building its points, and describes them as the points would', () => {
    const report = reportOf();
    const shown = pageReportOf(report);
    render(<CycleTimeView report={shown} />);
    const scatter = screen.getByTestId('chart-cycle-time-scatter');
    expect(scatter.querySelector('[data-point-count]')!.getAttribute('data-point-count')).toBe(String(report.scatter.length));
    const drawing = within(scatter).getByRole('application');
    act(() => drawing.focus());
    fireEvent.keyDown(drawing, { key: 'End' });
    const last = [...report.scatter]
      .sort((a, b) => a.date.localeCompare(b.date) || a.cycleTime - b.cycleTime || (a.key < b.key ? -1 : 1))
      .at(-1)!;
    const item = report.items.find((candidate) => candidate.key === last.key)!;
    expect(screen.getByTestId('chart-announcement').textContent).toBe(
      `${last.key} (${item.type}): started ${formatDate(item.start!)}, done ${formatDate(last.date)}, ${last.cycleTime} days. ${report.scatter.length} of ${report.scatter.length}.`,
    );
    expect(shown.pointsRead()).toBe(0);
  });

  it('draws its options and zoom buttons again only when what they show changes', () => {
    const options = jest.mocked(ScatterOptions);
    const zoom = jest.mocked(ScatterZoomControls);
    const first = render(<CycleTimeView report={pageReportOf(reportOf())} />);
    const [optionsDrawn, zoomDrawn] = [options.mock.calls.length, zoom.mock.calls.length];
    expect(optionsDrawn).toBeGreaterThan(0);
    // Another choice of items over the same period: the same options, the same dates.
    first.rerender(<CycleTimeView report={pageReportOf(reportOf({ ...NO_FILTERS, issueTypes: ['Bug'] }))} />);
    expect(screen.getByTestId('chart-cycle-time-scatter')).toBeTruthy();
    expect(options.mock.calls.length).toBe(optionsDrawn);
    expect(zoom.mock.calls.length).toBe(zoomDrawn);
  });
});
