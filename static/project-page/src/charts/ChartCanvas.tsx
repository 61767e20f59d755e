import { useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { DrawingPoint } from './ChartTooltip';
import { CHART } from './layout';

/**
 * The drawing of a chart: an SVG in the shared viewBox, the tooltip over it, and the pointer translated into
 * viewBox units so each chart can find the mark under it (marks are small; the nearest one answers, not
 * only the one exactly under the pointer).
 *
 * Without `label` the drawing is hidden from assistive technology: the frame's summary and data table say
 * the same. With `label` the drawing holds keyboard-reachable marks and is announced as a group.
 */
export function ChartCanvas({
  label,
  tooltip,
  pointing = false,
  onPointAt,
  onLeave,
  onClick,
  onKeyDown,
  children,
}: {
  label?: string;
  tooltip: ReactNode;
  /** The pointer is over something that a click opens. */
  pointing?: boolean;
  onPointAt: (point: DrawingPoint) => void;
  onLeave: () => void;
  onClick?: () => void;
  onKeyDown?: (event: KeyboardEvent<SVGSVGElement>) => void;
  children: ReactNode;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const pointAt = (event: MouseEvent<SVGSVGElement>) => {
    const box = svg.current?.getBoundingClientRect();
    if (box === undefined || box.width === 0 || box.height === 0) return;
    onPointAt({ x: ((event.clientX - box.left) / box.width) * CHART.width, y: ((event.clientY - box.top) / box.height) * CHART.height });
  };
  return (
    <div className="fm-chart-canvas" aria-hidden={label === undefined ? true : undefined}>
      <svg
        ref={svg}
        className={pointing ? 'fm-chart-svg fm-chart-svg--pointing' : 'fm-chart-svg'}
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        role={label === undefined ? undefined : 'group'}
        aria-label={label}
        onMouseMove={pointAt}
        onMouseLeave={onLeave}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        {children}
      </svg>
      {tooltip}
    </div>
  );
}
