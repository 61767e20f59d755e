import { useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { DrawingPoint } from './ChartTooltip';
import { useChartLayout } from './layout';

/**
 * The drawing of a chart: an SVG in the layout's viewBox (one unit to a CSS pixel), the tooltip over it, and
 * the pointer translated into viewBox units so each chart can find the mark under it (marks are small; the nearest one answers, not
 * only the one exactly under the pointer).
 *
 * A chart with very many marks paints them apart (`underlay`, e.g. a canvas) between `backdrop` (axes and
 * gridlines, drawn beneath them) and the drawing (drawn over them); all three fill the same box.
 *
 * Without `label` the drawing is hidden from assistive technology: the frame's summary and data table say
 * the same. With `label` the drawing is one focusable widget whose keys walk its marks (the chart handles
 * them in `onKeyDown`), and `announcement` is read out politely as the current mark changes.
 */
export function ChartCanvas({
  backdrop,
  underlay,
  label,
  announcement,
  tooltip,
  pointing = false,
  onPointAt,
  onLeave,
  onPress,
  onRelease,
  onClick,
  onKeyDown,
  onFocus,
  onBlur,
  children,
}: {
  backdrop?: ReactNode;
  underlay?: ReactNode;
  label?: string;
  announcement?: string;
  tooltip: ReactNode;
  /** The pointer is over something that a click opens. */
  pointing?: boolean;
  onPointAt: (point: DrawingPoint) => void;
  onLeave: () => void;
  /** The main button pressed and released over the drawing (a drag between the two, when they differ). */
  onPress?: (point: DrawingPoint) => void;
  onRelease?: (point: DrawingPoint) => void;
  onClick?: () => void;
  onKeyDown?: (event: KeyboardEvent<SVGSVGElement>) => void;
  onFocus?: () => void;
  onBlur?: () => void;
  children: ReactNode;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const { width, height } = useChartLayout();
  const pointOf = (event: MouseEvent<SVGSVGElement>): DrawingPoint | null => {
    const box = svg.current?.getBoundingClientRect();
    if (box === undefined || box.width === 0 || box.height === 0) return null;
    return { x: ((event.clientX - box.left) / box.width) * width, y: ((event.clientY - box.top) / box.height) * height };
  };
  const pointAt = (event: MouseEvent<SVGSVGElement>) => {
    const point = pointOf(event);
    if (point !== null) onPointAt(point);
  };
  const pressed = (handler: ((point: DrawingPoint) => void) | undefined) =>
    handler === undefined
      ? undefined
      : (event: MouseEvent<SVGSVGElement>) => {
          const point = event.button === 0 ? pointOf(event) : null;
          if (point !== null) handler(point);
        };
  const interactive = label !== undefined;
  return (
    <div className="fm-chart-canvas" aria-hidden={interactive ? undefined : true}>
      <svg
        ref={svg}
        className={pointing ? 'fm-chart-svg fm-chart-svg--pointing' : 'fm-chart-svg'}
        viewBox={`0 0 ${width} ${height}`}
        // An application: screen readers pass the arrow keys to the chart instead of reading on.
        role={interactive ? 'application' : undefined}
        aria-label={label}
        tabIndex={interactive ? 0 : undefined}
        onMouseMove={pointAt}
        onMouseLeave={onLeave}
        onMouseDown={pressed(onPress)}
        onMouseUp={pressed(onRelease)}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={onBlur}
      >
        {children}
      </svg>
      {/* Stacked beneath the drawing by charts.css, after it here so the drawing stays the chart's first svg. */}
      {backdrop !== undefined && (
        <svg className="fm-chart-svg fm-chart-layer" viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
          {backdrop}
        </svg>
      )}
      {underlay}
      {tooltip}
      {interactive && (
        <div className="fm-visually-hidden" aria-live="polite" data-testid="chart-announcement">
          {announcement}
        </div>
      )}
    </div>
  );
}
