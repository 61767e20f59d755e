/** @jest-environment jsdom */
import '../../../testing/atlaskit-test-env';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { router } from '@forge/bridge';
import { BOARD_WORKFLOW, boardHistory } from '../../../../src/domain/testing/history-fixture';
import { FIXTURE_NOW, flowHistory } from '../../../testing/flow-fixtures';
import { NO_FILTERS, reportModel, type StageAgingResult } from '../../../../src/domain';
import { openChartTable } from '../charts/chart-test-support';
import { AgingView } from './AgingView';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), router: { open: jest.fn(() => Promise.resolve()) } }));

/**
 * The fixture's board on 12 March: FLOW-21 to FLOW-24 started on 22 to 25 February and are in progress (aged
 * 19 to 16 days, days counted inclusively); FLOW-1 to FLOW-20 went from In Progress straight to Done in 2 to
 * 6 days, so 20 items have left In Progress (and Review, which they skipped), all younger than the four.
 */
async function viewOf(history = flowHistory()) {
  const model = reportModel(history, BOARD_WORKFLOW, null, FIXTURE_NOW);
  const result = model.reportFor(NO_FILTERS);
  if (!result.ok) throw new Error(result.message);
  // As the page's report worker answers: later, not during the render that asks.
  const agingAsOf = jest.fn((asOfDate: string | null): Promise<StageAgingResult> =>
    Promise.resolve(model.stageAgingFor(NO_FILTERS, asOfDate)),
  );
  render(<AgingView report={result.report} agingAsOf={agingAsOf} today="2026-03-12" />);
  await answered();
  return agingAsOf;
}

/** Until the aging asked for is shown. */
const answered = () => waitFor(() => expect(screen.queryByTestId('page-loading')).toBeNull());

const text = (testId: string) => screen.getByTestId(testId).textContent;
const tableRows = (testId: string) =>
  Array.from(screen.getByTestId(testId).querySelectorAll('tbody tr'), (row) =>
    Array.from(row.querySelectorAll('td'), (cell) => cell.textContent),
  );

describe('the aging view', () => {
  it('draws a column per in-progress stage, with its work in progress at its head', async () => {
    await viewOf();
    const labels = Array.from(screen.getByTestId('chart-aging').querySelectorAll('.visx-axis-bottom text'), (label) => label.textContent);
    expect(labels).toEqual(['In Progress', 'Review']);
    expect(screen.getAllByTestId('aging-wip').map((wip) => wip.textContent)).toEqual(['WIP 4', 'WIP 0']);
    // The SLE (the 85th percentile of the 20 cycle times of 2 to 6 days) is drawn across the columns.
    expect(text('aging-sle-label')).toBe('SLE 85%: 6 days');
  });

  it("colours each column's bands from how old items were when they left it, and says where they come from", async () => {
    await viewOf();
    // Four percentiles (50, 70, 85, 95) make five bands per column.
    expect(screen.getByTestId('chart-aging').querySelectorAll('rect.fm-aging-band')).toHaveLength(10);
    expect(text('chart-aging-summary')).toContain('In Progress: bands from the ages at which 20 items left it');
    expect(Array.from(screen.getByTestId('aging-legend').children, (entry) => entry.textContent)).toEqual([
      'below 50%',
      '50–70%',
      '70–85%',
      '85–95%',
      'above 95%',
    ]);
  });

  it('lists the items oldest first with their pace against their stage', async () => {
    await viewOf();
    expect(tableRows('aging-table')).toEqual([
      ['FLOW-21', 'In Progress', 'In Progress', '19 days', 'above 95%', 'older than 100% of items that left In Progress'],
      ['FLOW-22', 'In Progress', 'In Progress', '18 days', 'above 95%', 'older than 100% of items that left In Progress'],
      ['FLOW-23', 'In Progress', 'In Progress', '17 days', 'above 95%', 'older than 100% of items that left In Progress'],
      ['FLOW-24', 'In Progress', 'In Progress', '16 days', 'above 95%', 'older than 100% of items that left In Progress'],
    ]);
    expect(text('chart-aging-summary')).toContain('the oldest is FLOW-21 at 19 days');
  });

  it("colours each item's pace band in its table as the chart colours the band behind its dot, and names the band in words", async () => {
    await viewOf();
    const table = screen.getByTestId('aging-table');
    expect(Array.from(table.querySelectorAll('thead th'), (cell) => cell.textContent)).toEqual([
      'Item',
      'Stage',
      'Status',
      'Age',
      'Pace band',
      'Pace',
    ]);
    // The legend's swatch for a band is the colour the chart fills that band with.
    const legend = new Map(
      Array.from(screen.getByTestId('aging-legend').children, (entry) => [
        entry.textContent,
        entry.querySelector('rect')!.getAttribute('fill'),
      ]),
    );
    const chips = Array.from(table.querySelectorAll<HTMLElement>('[data-testid="aging-pace-band"]'));
    expect(chips).toHaveLength(4);
    for (const chip of chips) {
      expect(chip.textContent).toBe('above 95%');
      expect(chip.style.backgroundColor).toBe(legend.get('above 95%'));
    }
    expect(legend.get('above 95%')).not.toBe(legend.get('below 50%'));
  });

  it('shows the aging as it stood at the end of a past day, with the bands of then', async () => {
    const agingAsOf = await viewOf();
    fireEvent.change(screen.getByTestId('aging-as-of'), { target: { value: '2026-02-24' } });
    expect(agingAsOf).toHaveBeenLastCalledWith('2026-02-24');
    await act(() => agingAsOf.mock.results.at(-1)!.value as Promise<StageAgingResult>);
    // On 24 February FLOW-20 (started the 21st, done the 26th) was still in progress and FLOW-24 not started.
    expect(tableRows('aging-table').map((row) => `${row[0]} ${row[3]}`)).toEqual([
      'FLOW-20 4 days',
      'FLOW-21 3 days',
      'FLOW-22 2 days',
      'FLOW-23 1 day',
    ]);
    // Only 19 items had left In Progress by then: too few, so the cycle times stand in, and the chart says so.
    expect(text('chart-aging-summary')).toContain("fewer than 20 items left it, so its bands are the period's cycle times (19 items)");
    expect(tableRows('aging-table')[3]![5]).toMatch(/^older than \d+% of the period's cycle times$/);
    fireEvent.change(screen.getByTestId('aging-as-of'), { target: { value: '' } });
    expect(agingAsOf).toHaveBeenLastCalledWith(null);
    await act(() => agingAsOf.mock.results.at(-1)!.value as Promise<StageAgingResult>);
    expect(tableRows('aging-table')).toHaveLength(4);
  });

  it('links each key in its table to the issue, which Jira opens', async () => {
    jest.mocked(router.open).mockClear();
    await viewOf();
    fireEvent.click(within(screen.getByTestId('aging-table')).getByRole('link', { name: 'FLOW-21' }));
    expect(jest.mocked(router.open)).toHaveBeenCalledWith('/browse/FLOW-21');
  });

  it('says when its table lists only the oldest items', async () => {
    const sketches = Array.from({ length: 173 }, (_, i) => ({
      key: `OLD-${i + 1}`,
      created: '2026-01-01T09:00Z',
      moves: [[`2026-0${1 + (i % 2)}-${String(1 + (i % 28)).padStart(2, '0')}T09:00Z`, 'In Progress'] as [string, 'In Progress']],
    }));
    await viewOf(boardHistory(sketches));
    expect(screen.getByTestId('aging-table').querySelectorAll('tbody tr')).toHaveLength(100);
    expect(text('aging-table-cut')).toBe(
      "The oldest 100 of 173 items in progress; the chart's data table and the Issues tab list them all.",
    );
    expect(openChartTable('chart-aging').querySelectorAll('tbody tr')).toHaveLength(173);
    // Items started on the same day have the same age: one dot each, numbered.
    expect(screen.getAllByTestId('aging-cluster-count').length).toBeGreaterThan(0);
  });

  it('opens the current item in Jira on Enter, as the cycle time chart does', async () => {
    jest.mocked(router.open).mockClear();
    await viewOf();
    fireEvent.keyDown(screen.getByTestId('chart-aging').querySelector('svg')!, { key: 'Enter' });
    expect(jest.mocked(router.open)).toHaveBeenCalledWith(expect.stringMatching(/^\/browse\/FLOW-2[1-4]$/));
  });

  it('has an empty state that names the day', async () => {
    await viewOf(boardHistory([]));
    expect(text('tab-panel-aging-none-empty')).toBe('No items were in progress today.');
  });
});
