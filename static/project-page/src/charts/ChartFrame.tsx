import { useRef, type ReactNode } from 'react';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { useChartAreaWidth } from './chart-area';
import { ChartDataTable, type ChartTable } from './ChartDataTable';
import { ChartLayoutContext } from './layout';
import { useDrawingLayout } from './useDrawingLayout';
import './charts.css';

/**
 * A chart with its text alternative: a title, the drawing, a summary sentence, and the chart's data as a
 * table behind a button (see `ChartDataTable`), for screen readers and for anyone who would rather read the
 * numbers than the drawing. The drawing hides itself from assistive technology unless it has marks to
 * reach by keyboard (see `ChartCanvas`). The drawing is laid out at the width the frame has (see `layout.ts`),
 * known before it mounts when the chart spans the chart area (see `ChartArea`).
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
  const drawing = useRef<HTMLDivElement>(null);
  // A full-width chart is as wide as the chart area; a compact one, beside others, measures itself.
  const areaWidth = useChartAreaWidth();
  const layout = useDrawingLayout(drawing, compact ? null : areaWidth);
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
        <ChartDataTable testId={testId} chartTitle={title} table={table} />
      </Stack>
    </figure>
  );
}
