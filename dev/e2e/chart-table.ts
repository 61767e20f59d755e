import type { Frame } from 'playwright-core';

/** The rows of a chart's data table (its text alternative), each cell's text. */
export async function tableRows(frame: Frame, chartTestId: string): Promise<{ columns: string[]; rows: string[][] }> {
  const table = frame.getByTestId(`${chartTestId}-table`);
  const columns = await table.locator('thead th').allTextContents();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
  return { columns, rows };
}

/** A column of a chart's data table, as numbers (thousands separators dropped). */
export async function tableColumn(frame: Frame, chartTestId: string, column: string): Promise<number[]> {
  const { columns, rows } = await tableRows(frame, chartTestId);
  const index = columns.indexOf(column);
  if (index < 0) throw new Error(`${chartTestId} has no column "${column}"; it has ${columns.join(', ')}`);
  return rows.map((row) => Number((row[index] ?? '').replace(/,/g, '')));
}
