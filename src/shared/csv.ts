/**
 * CSV for spreadsheets, shared by the `flow-metrics` command and the project page's export.
 *
 * Cells that are text and start with =, +, -, @ or a tab are prefixed with an apostrophe, so a status, type or
 * stage named like a formula is shown, not executed, by spreadsheet programs. Numbers are written as numbers.
 */
export type CsvCell = string | number | boolean | null;

function cell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A header and its rows as one CSV text, each line ended by `lineEnd` (RFC 4180 says CRLF; files on disk often use LF). */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[], lineEnd: '\n' | '\r\n' = '\r\n'): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join(lineEnd) + lineEnd;
}
