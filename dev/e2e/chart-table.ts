import type { Frame, Locator } from 'playwright-core';

/**
 * A chart's data table (its text alternative), shown as a reader shows it: by pressing the chart's "Data
 * table" button, which builds the table only when asked. Left shown, so the table follows the chart's changes.
 */
export async function chartTable(frame: Frame, chartTestId: string): Promise<Locator> {
  const toggle = frame.getByTestId(`${chartTestId}-table-toggle`);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const table = frame.getByTestId(`${chartTestId}-table`);
  await table.waitFor();
  return table;
}

/** The rows of a chart's data table, each cell's text. */
export async function tableRows(frame: Frame, chartTestId: string): Promise<{ columns: string[]; rows: string[][] }> {
  const table = await chartTable(frame, chartTestId);
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
