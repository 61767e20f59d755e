import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { scaleLinear } from '@visx/scale';
import { Circle, Line, LinePath } from '@visx/shape';
import { Axes } from './Axes';
import { ChartCanvas } from './ChartCanvas';
import { ChartTooltip } from './ChartTooltip';
import { DotsCanvas, type DotStyle } from './DotsCanvas';
import { CENTRE_TO_BASELINE, largest, LINE_HEIGHT, logValueScale, useChartLayout, valueScale } from './layout';
import { nearestMark } from './pointing';
import { CHART_COLOURS } from './theme';
import { useMarkCursor } from './useMarkCursor';

export interface ScatterDot {
  key: string;
  /** Position along the x axis (a day number). */
  x: number;
  y: number;
  title: string;
}

/**
 * The margin right of the plot that holds the reference lines' labels ("95%: 41 days"), so they never sit
 * on the dots: wide enough for a percentile and a duration in hours.
 */
export const LABEL_MARGIN = 104;

/**
 * Where to write each reference line's label (its baseline), in the margin at the end of its line: level
 * with the line, unless that would overlap the label of a lower line (percentiles are often close), in
 * which case it moves up a line's height, until it is clear.
 */
export function referenceLabels(lines: ReadonlyArray<{ label: string; value: number }>, y: (value: number) => number) {
  const bottomUp = [...lines].sort((a, b) => a.value - b.value);
  const placed: Array<{ text: string; y: number }> = [];
  for (const line of bottomUp) {
    const below = placed.at(-1);
    const own = y(line.value) + CENTRE_TO_BASELINE;
    placed.push({ text: line.label, y: below === undefined ? own : Math.min(own, below.y - LINE_HEIGHT) });
  }
  return placed;
}

/** A drag shorter than this (in CSS pixels) is a click, not a selection. */
const DRAG_THRESHOLD = 6;

/** Labels along the x axis when the caller names none. */
const DEFAULT_X_TICKS = 6;
/** Keeps the outermost dots off the plot's edges. */
const INSET = 8;
/** A dot's radius, in pixels. */
const DOT_RADIUS = 3;
const DOT_STYLE: DotStyle = { radius: DOT_RADIUS, fill: CHART_COLOURS.mark, fillOpacity: 0.7, edge: CHART_COLOURS.markEdge };

const itemCount = new Intl.NumberFormat('en-US');

/**
 * Dots with horizontal reference lines (percentiles). The dots are painted on one canvas (`DotsCanvas`), so
 * a chart of 15,000 items costs the browser a handful of elements; the dot under the pointer, or the
 * keyboard's current dot, is drawn again on top, highlighted, with its tooltip. The chart is one tab stop:
 * arrow keys walk the dots from left to right (for dots by date: in time order), each announced to screen
 * readers; with `onOpen`, a click or Enter opens the item.
 */
export function ScatterChart({
  dots,
  lines,
  xLabel,
  xDomain,
  xTicks,
  yLabel,
  onOpen,
  cap = null,
  logScale = false,
  trend = null,
  onSelectRange,
}: {
  dots: readonly ScatterDot[];
  lines: ReadonlyArray<{ label: string; value: number }>;
  /**
   * A line the chart is cut at, older marks drawn on it: solid and quiet, so it is never read as one of the
   * dashed reference lines.
   */
  cap?: { label: string; value: number } | null;
  xLabel: (x: number) => string;
  /** The x range to draw; by default the dots' own. */
  xDomain?: readonly [number, number];
  /** Where to label the x axis; by default six even steps. */
  xTicks?: readonly number[];
  yLabel: string;
  onOpen?: (key: string) => void;
  /** Values on a logarithmic axis: short and long cycle times both get room. */
  logScale?: boolean;
  /** A line drawn over the dots, such as a rolling percentile, labelled at its end. */
  trend?: { label: string; points: ReadonlyArray<{ x: number; y: number }> } | null;
  /** Dragging across the plot selects the x values between the press and the release (lower first). */
  onSelectRange?: (from: number, to: number) => void;
}) {
  // Ties broken by key in code-unit order: a locale-aware comparison is slow over thousands of dots.
  const ordered = useMemo(() => [...dots].sort((a, b) => a.x - b.x || a.y - b.y || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)), [dots]);
  const [hovered, setHovered] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const cursor = useMarkCursor(ordered.length);
  const { width, plot } = useChartLayout();
  // Where the plot ends: the labels' margin takes the place of the charts' usual right margin.
  const plotRight = width - LABEL_MARGIN;

  const x0 = xDomain?.[0] ?? ordered[0]?.x ?? 0;
  const x1 = xDomain?.[1] ?? ordered.at(-1)?.x ?? 1;
  const highestDot = useMemo(() => largest(ordered.map((dot) => dot.y)), [ordered]);
  const yMax = Math.max(highestDot, largest(lines.map((line) => line.value)), cap?.value ?? 0);
  // The layout is the frame's state: the same object until the drawing's width changes.
  const x = useMemo(
    () => scaleLinear<number>({ domain: [x0, x1 === x0 ? x0 + 1 : x1], range: [plot.left + INSET, plotRight - INSET] }),
    [x0, x1, plot.left, plotRight],
  );
  const y = useMemo(() => (logScale ? logValueScale(yMax, plot) : valueScale(yMax, plot)), [yMax, plot, logScale]);
  const tickValues = xTicks ?? [
    ...new Set(Array.from({ length: DEFAULT_X_TICKS }, (_, i) => Math.round(x0 + ((x1 - x0) * i) / (DEFAULT_X_TICKS - 1)))),
  ];
  // The dots only move when the items, the domains or the drawing's size change.
  const marks = useMemo(() => ordered.map((dot) => ({ x: x(dot.x), y: y(dot.y) })), [ordered, x, y]);
  // A drag across the plot: where the button went down, and where the pointer is now (viewBox units).
  const [drag, setDrag] = useState<{ start: number; now: number } | null>(null);
  // Set when a drag ended, so the click the browser sends after it opens no item.
  const dragged = useRef(false);
  const dragging = drag !== null && Math.abs(drag.now - drag.start) >= DRAG_THRESHOLD;
  const shown = dragging ? null : (hovered ?? (focused && ordered.length > 0 ? cursor.current : null));
  const shownDot = shown === null ? undefined : ordered[shown];

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (event.key === 'Enter' && onOpen && ordered[cursor.current]) {
      event.preventDefault();
      onOpen(ordered[cursor.current]!.key);
      return;
    }
    if (cursor.onKeyDown(event)) setHovered(null);
  };

  const current = ordered[cursor.current];
  return (
    <ChartCanvas
      label={`Scatterplot of ${itemCount.format(ordered.length)} items from left to right: arrow keys move between them${
        onOpen ? ', Enter opens the item' : ''
      }.`}
      announcement={
        focused && current ? `${current.title}. ${itemCount.format(cursor.current + 1)} of ${itemCount.format(ordered.length)}.` : ''
      }
      pointing={hovered !== null && onOpen !== undefined}
      onPointAt={(point) => {
        setHovered(nearestMark(marks, point));
        if (drag !== null) setDrag({ ...drag, now: point.x });
      }}
      onLeave={() => {
        setHovered(null);
        setDrag(null);
      }}
      onPress={onSelectRange ? (point) => setDrag({ start: point.x, now: point.x }) : undefined}
      onRelease={
        onSelectRange
          ? (point) => {
              if (drag !== null && Math.abs(point.x - drag.start) >= DRAG_THRESHOLD) {
                dragged.current = true;
                const [a, b] = [x.invert(drag.start), x.invert(point.x)];
                onSelectRange(Math.min(a, b), Math.max(a, b));
              }
              setDrag(null);
            }
          : undefined
      }
      onClick={
        onOpen
          ? () => {
              if (dragged.current) dragged.current = false;
              else if (hovered !== null) onOpen(ordered[hovered]!.key);
            }
          : undefined
      }
      onKeyDown={onKeyDown}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      backdrop={
        <Axes y={y} x={x} xTicks={tickValues} xLabel={xLabel} yLabel={yLabel} centred={xTicks !== undefined} plotRight={plotRight} />
      }
      underlay={<DotsCanvas marks={marks} style={DOT_STYLE} />}
      tooltip={
        shownDot ? (
          <ChartTooltip anchor={marks[shown!]!} testId="chart-tooltip">
            {shownDot.title}
          </ChartTooltip>
        ) : null
      }
    >
      <g aria-hidden="true">
        {dragging && (
          <rect
            className="fm-chart-selection"
            x={Math.max(plot.left, Math.min(drag.start, drag.now))}
            y={plot.top}
            width={Math.min(plotRight, Math.max(drag.start, drag.now)) - Math.max(plot.left, Math.min(drag.start, drag.now))}
            height={plot.bottom - plot.top}
            fill={CHART_COLOURS.mark}
            fillOpacity={0.15}
            data-testid="chart-selection"
          />
        )}
        {lines.map((line) => (
          <Line
            key={line.label}
            from={{ x: plot.left, y: y(line.value) }}
            to={{ x: plotRight, y: y(line.value) }}
            stroke={CHART_COLOURS.reference}
            strokeDasharray="4 4"
            strokeWidth={1.5}
          />
        ))}
        {trend !== null && trend.points.length > 0 && (
          <LinePath
            className="fm-chart-trend"
            data={[...trend.points]}
            x={(point) => x(point.x)}
            y={(point) => y(point.y)}
            stroke={CHART_COLOURS.trend}
            strokeWidth={2}
            data-testid="chart-trend"
          />
        )}
        {cap !== null && (
          <Line
            className="fm-chart-cap"
            from={{ x: plot.left, y: y(cap.value) }}
            to={{ x: plotRight, y: y(cap.value) }}
            stroke={CHART_COLOURS.ink}
            strokeWidth={1}
          />
        )}
        {shown !== null && (
          <Circle
            className={hovered !== null ? 'fm-chart-point fm-chart-point--hovered' : 'fm-chart-point fm-chart-point--current'}
            cx={marks[shown]!.x}
            cy={marks[shown]!.y}
            r={DOT_RADIUS}
            fill={CHART_COLOURS.mark}
            stroke={CHART_COLOURS.markEdge}
            data-testid="chart-current-dot"
          />
        )}
        {/* In the margin, clear of the dots, each at the end of its line. */}
        {referenceLabels(
          [
            ...lines,
            ...(cap === null ? [] : [cap]),
            ...(trend === null || trend.points.length === 0 ? [] : [{ label: trend.label, value: trend.points.at(-1)!.y }]),
          ],
          y,
        ).map((label) => (
          <text
            key={label.text}
            className="fm-chart-reference-label"
            x={plotRight + 6}
            y={label.y}
            textAnchor="start"
            fill={CHART_COLOURS.ink}
          >
            {label.text}
          </text>
        ))}
      </g>
    </ChartCanvas>
  );
}
