/** @jest-environment jsdom */
import '../../../testing/atlaskit-test-env';
import { fireEvent, render, screen } from '@testing-library/react';
import { ChartDataTable, TABLE_ROW_LIMIT } from './ChartDataTable';

const TABLE = {
  caption: 'Cycle time per finished item',
  columns: ['Item', 'Cycle time (days)'],
  rows: [
    ['FLOW-1', 5],
    ['FLOW-2', 1],
  ],
};

const cells = (table: HTMLElement, part: 'thead' | 'tbody') =>
  Array.from(table.querySelectorAll(`${part} tr`), (row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent));

describe("a chart's data table", () => {
  it('is built only once its button is pressed: a disclosure named after the chart', () => {
    render(<ChartDataTable testId="chart-scatter" chartTitle="Cycle time of finished items" table={TABLE} />);
    // (jsdom puts a space before the hidden part of the name; a browser joins it to the visible part.)
    const toggle = screen.getByRole('button', { name: /^Data table ?: Cycle time of finished items$/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('chart-scatter-table')).toBeNull();
    expect(document.querySelectorAll('table, tr, td')).toHaveLength(0);
    // The button controls an element that exists, hidden while the table is.
    const region = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(region.hidden).toBe(true);

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(region.hidden).toBe(false);
    expect(screen.getByRole('region', { name: /^Data table ?: Cycle time of finished items$/ })).toBe(region);
    // Shown, not visually hidden: sighted readers who pressed the button read it too.
    expect(region.closest('.fm-visually-hidden')).toBeNull();
    expect(screen.getByRole('table', { name: 'Cycle time per finished item' })).toBe(screen.getByTestId('chart-scatter-table'));

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(region.hidden).toBe(true);
    expect(screen.queryByTestId('chart-scatter-table')).toBeNull();
  });

  it('holds the chart’s data, row for row, as given', () => {
    render(<ChartDataTable testId="chart-scatter" chartTitle="Cycle time" table={TABLE} />);
    fireEvent.click(screen.getByTestId('chart-scatter-table-toggle'));
    const table = screen.getByTestId('chart-scatter-table');
    expect(table.querySelector('caption')!.textContent).toBe('Cycle time per finished item');
    expect(cells(table, 'thead')).toEqual([['Item', 'Cycle time (days)']]);
    expect(Array.from(table.querySelectorAll('thead th'), (th) => th.getAttribute('scope'))).toEqual(['col', 'col']);
    expect(cells(table, 'tbody')).toEqual([
      ['FLOW-1', '5'],
      ['FLOW-2', '1'],
    ]);
    expect(screen.queryByTestId('chart-scatter-table-more')).toBeNull();
  });

  it('shows at most its row limit of a long table, and says how many more rows there are and where', () => {
    const rows = Array.from({ length: TABLE_ROW_LIMIT + 1234 }, (_, i) => [`FLOW-${i}`, i]);
    render(<ChartDataTable testId="chart-long" chartTitle="Long" table={{ ...TABLE, rows, more: 'the Issues tab lists every item' }} />);
    fireEvent.click(screen.getByTestId('chart-long-table-toggle'));
    const table = screen.getByTestId('chart-long-table');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(TABLE_ROW_LIMIT);
    expect(table.querySelector('tbody tr td')!.textContent).toBe('FLOW-0');
    expect(screen.getByTestId('chart-long-table-more').textContent).toBe('And 1,234 more rows: the Issues tab lists every item');
  });

  it('is reached by keyboard: the button, then the shown table’s scrolling box', () => {
    render(<ChartDataTable testId="chart-scatter" chartTitle="Cycle time" table={TABLE} />);
    const toggle = screen.getByTestId('chart-scatter-table-toggle');
    expect(toggle.tagName).toBe('BUTTON');
    fireEvent.click(toggle);
    expect(screen.getByRole('region').tabIndex).toBe(0);
  });
});
