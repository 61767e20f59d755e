import type { ReactNode } from 'react';
import { CHART } from './layout';

/** A point of the drawing, in viewBox units. */
export interface DrawingPoint {
  x: number;
  y: number;
}

/**
 * A tooltip over the drawing, pointing at `anchor`. It sits above the point, or below it near the top edge,
 * and leans inwards near the side edges so it stays inside the chart. The drawing scales with its container,
 * so the position is a percentage of it. It repeats what the focused mark or the data table already says,
 * so assistive technology skips it.
 */
export function ChartTooltip({ anchor, testId, children }: { anchor: DrawingPoint; testId?: string; children: ReactNode }) {
  const left = (anchor.x / CHART.width) * 100;
  const top = (anchor.y / CHART.height) * 100;
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
