import { useRef, type ReactNode } from 'react';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { ChartLayoutContext } from './layout';
import { useDrawingLayout } from './useDrawingLayout';
import './charts.css';

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
 * A chart with its text alternative: a title, the drawing, a summary sentence, and the chart's data as a
 * table (visually hidden; screen readers read it instead of the drawing), at most `TABLE_ROW_LIMIT` rows of
 * it and how many more there are. The drawing hides itself from assistive technology unless it has marks to
 * reach by keyboard (see `ChartCanvas`). The drawing is laid out at the width the frame has (see `layout.ts`).
 */
export function ChartFrame({
  testId,
  title,
  summary,
  table,
  compact = false,
  children,
}: {
  testId: string;
  title: string;
  summary: string;
  table: ChartTable;
  /** Drawn small, beside other charts (the overview's trends). */
  compact?: boolean;
  children: ReactNode;
}) {
  const shown = table.rows.length > TABLE_ROW_LIMIT ? table.rows.slice(0, TABLE_ROW_LIMIT) : table.rows;
  const leftOut = table.rows.length - shown.length;
  const drawing = useRef<HTMLDivElement>(null);
  const layout = useDrawingLayout(drawing);
  return (
    <figure className={compact ? 'fm-chart fm-chart--compact' : 'fm-chart'} data-testid={testId}>
      <Stack space="space.100">
        <Text weight="medium" as="p">
          {title}
        </Text>
        <div className="fm-chart-drawing" ref={drawing}>
          {layout !== null && <ChartLayoutContext.Provider value={layout}>{children}</ChartLayoutContext.Provider>}
        </div>
        <figcaption>
          <Text as="p" size="small" color="color.text.subtle" testId={`${testId}-summary`}>
            {summary}
          </Text>
        </figcaption>
        {/* The clip sits on a wrapper: a table ignores height and overflow, so a long one hidden by itself would
            still stretch the page (and the Jira frame around it) by its full height. */}
        <div className="fm-visually-hidden">
          <table data-testid={`${testId}-table`}>
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
        </div>
      </Stack>
    </figure>
  );
}
