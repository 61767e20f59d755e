import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';

export interface ChartTable {
  caption: string;
  columns: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string | number>>;
  /** Where the rows past the table's limit can be read, said after "and N more rows". */
  more?: string;
}

/**
 * The most rows a chart's table shows. A daily series of five years fits; a table longer than that is not
 * read row by row, and every row is an element for the browser to build (a chart of 15,000 dots gives a
 * summary table instead).
 */
export const TABLE_ROW_LIMIT = 2000;

const rowCount = new Intl.NumberFormat('en-US');

/**
 * A chart's data as a table, behind a "Data table" button that shows and hides it (a disclosure: the button
 * says whether the table is expanded, and screen readers hear of the table from the button, named after its
 * chart). The table is built only when asked for: an aging chart's table alone is thousands of elements, which
 * the browser would lay out again on every change of the tab, for every reader, to be read by few. At most
 * `TABLE_ROW_LIMIT` rows of it, and how many more there are; a long table scrolls in its own box, which the
 * keyboard can reach and scroll.
 */
export function ChartDataTable({ testId, chartTitle, table }: { testId: string; chartTitle: string; table: ChartTable }) {
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const buttonId = `${id}-button`;
  const regionId = `${id}-table`;
  return (
    <div className="fm-chart-data">
      {/* Its chevron says whether the table is shown. Not `isSelected`: a selected subtle button's blue text falls
          short of 4.5:1 contrast on its background. */}
      <Button
        appearance="subtle"
        spacing="compact"
        id={buttonId}
        aria-expanded={expanded}
        aria-controls={regionId}
        testId={`${testId}-table-toggle`}
        onClick={() => setExpanded((was) => !was)}
      >
        <span className="fm-disclosure-mark" aria-hidden="true" />
        Data table<span className="fm-visually-hidden">: {chartTitle}</span>
      </Button>
      {/* Always present, so the button controls an element that exists; empty and hidden until expanded. Named
          by the button, after its chart: two charts' tables can have the same caption. */}
      <div id={regionId} className="fm-chart-table" role="region" aria-labelledby={buttonId} tabIndex={0} hidden={!expanded}>
        {expanded && <DataTable testId={testId} table={table} />}
      </div>
    </div>
  );
}

function DataTable({ testId, table }: { testId: string; table: ChartTable }) {
  const shown = table.rows.length > TABLE_ROW_LIMIT ? table.rows.slice(0, TABLE_ROW_LIMIT) : table.rows;
  const leftOut = table.rows.length - shown.length;
  return (
    <table className="fm-table" data-testid={`${testId}-table`}>
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          {table.columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {shown.map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) => (
              <td key={c}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
      {leftOut > 0 && (
        <tfoot>
          <tr>
            <td colSpan={table.columns.length} data-testid={`${testId}-table-more`}>
              And {rowCount.format(leftOut)} more rows{table.more ? `: ${table.more}` : '.'}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
