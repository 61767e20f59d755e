import type { ReactNode } from 'react';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import './charts.css';

export interface ChartTable {
  caption: string;
  columns: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string | number>>;
}

/**
 * A chart with its text alternative: a title, the drawing, a summary sentence, and the chart's data as a
 * table (visually hidden; screen readers read it instead of the drawing). The drawing hides itself from
 * assistive technology unless it has marks to reach by keyboard (see `ChartCanvas`).
 */
export function ChartFrame({
  testId,
  title,
  summary,
  table,
  children,
}: {
  testId: string;
  title: string;
  summary: string;
  table: ChartTable;
  children: ReactNode;
}) {
  return (
    <figure className="fm-chart" data-testid={testId}>
      <Stack space="space.100">
        <Text weight="medium" as="p">
          {title}
        </Text>
        <div className="fm-chart-drawing">{children}</div>
        <figcaption>
          <Text as="p" size="small" color="color.text.subtle" testId={`${testId}-summary`}>
            {summary}
          </Text>
        </figcaption>
        <table className="fm-visually-hidden" data-testid={`${testId}-table`}>
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
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Stack>
    </figure>
  );
}
