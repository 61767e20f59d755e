import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { scaleLinear } from '@visx/scale';
import { Circle, Line } from '@visx/shape';
import { Axes } from './Axes';
import { ChartCanvas } from './ChartCanvas';
import { ChartTooltip } from './ChartTooltip';
import { largest, PLOT, valueScale } from './layout';
import { nearestMark } from './pointing';
import { CHART_COLOURS } from './theme';
import { useRovingFocus } from './useRovingFocus';

export interface ScatterDot {
  key: string;
  /** Position along the x axis (a day number). */
  x: number;
  y: number;
  title: string;
}

/** The height of a reference line's label: labels of close lines are moved apart by at least this. */
const LABEL_HEIGHT = 13;

/**
 * Where to write each reference line's label: just above its line, unless that would overlap the label
 * of a lower line (percentiles are often close), in which case it moves up until it is clear.
 */
export function referenceLabels(lines: ReadonlyArray<{ label: string; value: number }>, y: (value: number) => number) {
  const bottomUp = [...lines].sort((a, b) => a.value - b.value);
  const placed: Array<{ text: string; y: number }> = [];
  for (const line of bottomUp) {
    const below = placed.at(-1);
    const own = y(line.value) - 4;
    placed.push({ text: line.label, y: below === undefined ? own : Math.min(own, below.y - LABEL_HEIGHT) });
  }
  return placed;
}

/** Labels along the x axis when the caller names none. */
const DEFAULT_X_TICKS = 6;
/** Keeps the outermost dots off the plot's edges. */
const INSET = 8;

/**
 * Dots with horizontal reference lines (percentiles). Each dot says what it is on hover and on keyboard
 * focus; with `onOpen`, a click or Enter opens its item. The dots are one tab stop, walked with the arrow
 * keys from left to right (for dots by date: in time order).
 */
export function ScatterChart({
  dots,
  lines,
  xLabel,
  xDomain,
  xTicks,
  yLabel,
  onOpen,
}: {
  dots: readonly ScatterDot[];
  lines: ReadonlyArray<{ label: string; value: number }>;
  xLabel: (x: number) => string;
  /** The x range to draw; by default the dots' own. */
  xDomain?: readonly [number, number];
  /** Where to label the x axis; by default six even steps. */
  xTicks?: readonly number[];
  yLabel: string;
  onOpen?: (key: string) => void;
}) {
  const ordered = useMemo(() => [...dots].sort((a, b) => a.x - b.x || a.y - b.y || a.key.localeCompare(b.key)), [dots]);
  const [hovered, setHovered] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const roving = useRovingFocus(ordered.length);
  const titleId = useId();

  const x0 = xDomain?.[0] ?? ordered[0]?.x ?? 0;
  const x1 = xDomain?.[1] ?? ordered.at(-1)?.x ?? 1;
  const x = scaleLinear<number>({ domain: [x0, x1 === x0 ? x0 + 1 : x1], range: [PLOT.left + INSET, PLOT.right - INSET] });
  const y = valueScale(largest([...lines.map((line) => line.value), ...ordered.map((dot) => dot.y)]));
  const tickValues =
    xTicks ?? [...new Set(Array.from({ length: DEFAULT_X_TICKS }, (_, i) => Math.round(x0 + ((x1 - x0) * i) / (DEFAULT_X_TICKS - 1))))];
  const marks = ordered.map((dot) => ({ x: x(dot.x), y: y(dot.y) }));
  const shown = hovered ?? focused;

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (event.key === 'Enter' && onOpen && ordered[roving.active]) {
      event.preventDefault();
      onOpen(ordered[roving.active]!.key);
      return;
    }
    roving.onKeyDown(event);
  };

  return (
    <ChartCanvas
      label={`${ordered.length} items from left to right: arrow keys move between them${onOpen ? ', Enter opens the item' : ''}.`}
      pointing={hovered !== null && onOpen !== undefined}
      onPointAt={(point) => setHovered(nearestMark(marks, point))}
      onLeave={() => setHovered(null)}
      onClick={hovered !== null && onOpen ? () => onOpen(ordered[hovered]!.key) : undefined}
      onKeyDown={onKeyDown}
      tooltip={shown !== null && ordered[shown] ? <ChartTooltip anchor={marks[shown]!} testId="chart-tooltip">{ordered[shown]!.title}</ChartTooltip> : null}
    >
      <g aria-hidden="true">
        <Axes y={y} x={x} xTicks={tickValues} xLabel={xLabel} yLabel={yLabel} centred={xTicks !== undefined} />
        {lines.map((line) => (
          <Line
            key={line.label}
            from={{ x: PLOT.left, y: y(line.value) }}
            to={{ x: PLOT.right, y: y(line.value) }}
            stroke={CHART_COLOURS.reference}
            strokeDasharray="4 4"
            strokeWidth={1.5}
          />
        ))}
      </g>
      {ordered.map((dot, i) => (
        <Circle
          key={dot.key}
          innerRef={roving.markRef(i)}
          className={i === hovered ? 'fm-chart-point fm-chart-point--hovered' : 'fm-chart-point'}
          cx={marks[i]!.x}
          cy={marks[i]!.y}
          r={3}
          fill={CHART_COLOURS.mark}
          fillOpacity={0.7}
          stroke={CHART_COLOURS.markEdge}
          role={onOpen ? 'link' : 'img'}
          // The title names the dot; pointing at it explicitly also covers checkers that read no SVG titles.
          aria-labelledby={`${titleId}-${i}`}
          tabIndex={roving.tabIndexOf(i)}
          onFocus={() => {
            roving.onFocusMark(i);
            setFocused(i);
          }}
          onBlur={() => setFocused(null)}
          onClick={(event) => {
            // A click on the dot itself comes from assistive technology (the pointer is handled by the
            // drawing, which picks the nearest dot); the drawing must not open it a second time.
            event.stopPropagation();
            onOpen?.(dot.key);
          }}
        >
          <title id={`${titleId}-${i}`}>{dot.title}</title>
        </Circle>
      ))}
      {/* Over the dots, haloed in the page's colour, so the labels stay legible where dots crowd. */}
      <g aria-hidden="true">
        {referenceLabels(lines, y).map((label) => (
          <text
            key={label.text}
            x={PLOT.right}
            y={label.y}
            textAnchor="end"
            fill={CHART_COLOURS.ink}
            stroke={CHART_COLOURS.surface}
            strokeWidth={3}
            strokeLinejoin="round"
            paintOrder="stroke"
          >
            {label.text}
          </text>
        ))}
      </g>
    </ChartCanvas>
  );
}
