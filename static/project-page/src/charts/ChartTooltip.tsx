import type { ReactNode } from 'react';
import { useChartLayout } from './layout';

/** A point of the drawing, in viewBox units. */
export interface DrawingPoint {
  x: number;
  y: number;
}

/**
 * A tooltip over the drawing, pointing at `anchor`. It sits above the point, or below it near the top edge,
 * and leans inwards near the side edges so it stays inside the chart. The position is a percentage of the drawing,
 * which stays right should the drawing be scaled a little before it is measured again. It repeats what the focused mark or the data table already says,
 * so assistive technology skips it.
 */
export function ChartTooltip({ anchor, testId, children }: { anchor: DrawingPoint; testId?: string; children: ReactNode }) {
  const { width, height } = useChartLayout();
  const left = (anchor.x / width) * 100;
  const top = (anchor.y / height) * 100;
  const side = left < 25 ? 'start' : left > 75 ? 'end' : 'middle';
  const placement = top < 40 ? 'below' : 'above';
  return (
    <div
      className={`fm-chart-tooltip fm-chart-tooltip--${side} fm-chart-tooltip--${placement}`}
      // Set through the CSS object model, which Forge's policy allows (it blocks only inline style markup).
      style={{ left: `${left}%`, top: `${top}%` }}
      aria-hidden="true"
      data-testid={testId}
    >
      {children}
    </div>
  );
}
