import { useMemo, useState } from 'react';
import { scaleBand } from '@visx/scale';
import { Bar, Line, LinePath } from '@visx/shape';
import { Axes } from './Axes';
import { ChartCanvas } from './ChartCanvas';
import { ChartTooltip } from './ChartTooltip';
import {
  CHARACTER_WIDTH,
  labelIndices,
  LINE_HEIGHT,
  labelsThatFit,
  largest,
  longest,
  roundLabelIndices,
  useChartLayout,
  valueScale,
} from './layout';
import { nearestColumn } from './pointing';
import { CHART_COLOURS } from './theme';
import { pointDateTicks, type PointDates } from './date-ticks';

const valueFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A bar of part of a period: lighter, so it does not read as a low period. */
const PARTIAL_OPACITY = 0.35;

/** A bar label that is a number ("12") or a bin of numbers ("24–48"), with the number it starts at. */
const NUMBER_LABEL = /^(-?\d+(?:\.\d+)?)(?:–-?\d+(?:\.\d+)?)?$/;

/**
 * Which bars to label: bars of counts or of histogram bins, whose labels are numbers, are labelled at round
 * numbers as on a ruler; other bars (periods) at even intervals, the first and last included.
 */
export function barLabelIndices(labels: readonly string[], count = 6): number[] {
  const starts = labels.map((label) => NUMBER_LABEL.exec(label)?.[1]);
  if (starts.length > 0 && starts.every((start) => start !== undefined)) return roundLabelIndices(starts.map(Number), count);
  return labelIndices(labels.length, count);
}

/** A marked bar: a vertical line through its centre, labelled above the plot (e.g. "85%: 23 items"). */
export interface BarMark {
  /** The index of the bar marked. */
  at: number;
  label: string;
}

/** From a mark's line to its label. */
const MARK_LABEL_GAP = 3;

/** Where a mark's label is written: its row (0 nearest the plot), its x and which way it runs from there. */
export interface MarkLabelPlace {
  row: number;
  x: number;
  anchor: 'start' | 'end';
}

/**
 * Where each mark's label goes, above the plot so it never covers a bar: beside its line, to the right, or to
 * the left where the right would run past `right` (the drawing's edge). From left to right, each takes the
 * row nearest the plot where it does not run into a label already there, so labels of close marks (85% and
 * 95% often are) never overlap.
 * @param centre the x of a bar's centre.
 */
export function markLabelPlaces(marks: readonly BarMark[], centre: (index: number) => number, right: number): MarkLabelPlace[] {
  const order = marks.map((_, k) => k).sort((a, b) => marks[a]!.at - marks[b]!.at);
  const rowEnds: number[] = [];
  const places = new Array<MarkLabelPlace>(marks.length);
  for (const k of order) {
    const line = centre(marks[k]!.at);
    const width = marks[k]!.label.length * CHARACTER_WIDTH;
    const anchor = line + MARK_LABEL_GAP + width > right ? 'end' : 'start';
    const start = anchor === 'start' ? line + MARK_LABEL_GAP : line - MARK_LABEL_GAP - width;
    let row = rowEnds.findIndex((end) => end < start);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = start + width + CHARACTER_WIDTH;
    places[k] = { row, x: anchor === 'start' ? line + MARK_LABEL_GAP : line - MARK_LABEL_GAP, anchor };
  }
  return places;
}

/**
 * Vertical bars, one per labelled value, with an optional line over them (e.g. a moving average, null
 * where it is not defined yet), and optional marks on some bars (e.g. where the confidence levels of a
 * forecast fall). Hovering anywhere over a bar's column tells its value.
 */
export function BarChart({
  bars,
  days,
  weekEndsOn,
  line,
  lineLabel = 'Trend',
  marks = [],
  yLabel,
  xUnit,
}: {
  /** With `partial`, the bar stands for part of a period only: it is drawn lighter and its tooltip says so. */
  bars: ReadonlyArray<{ label: string; value: number; partial?: string }>;
  line?: ReadonlyArray<number | null>;
  /** What the line is, for the tooltip. */
  lineLabel?: string;
  marks?: readonly BarMark[];
  yLabel: string;
  /** What the bars' labels count, written under them at the axis's end (e.g. "cycle time (days)"). */
  xUnit?: string;
} & PointDates) {
  const [hovered, setHovered] = useState<number | null>(null);
  const layout = useChartLayout();
  const x = scaleBand<number>({ domain: bars.map((_, i) => i), range: [layout.plot.left, layout.plot.right], padding: 0.2 });
  const centre = (i: number) => (x(i) ?? 0) + x.bandwidth() / 2;
  const markPlaces = markLabelPlaces(marks, centre, layout.width);
  // The marks' labels take rows of their own between the unit and the plot, which starts lower to make room.
  const markRows = marks.length === 0 ? 0 : Math.max(...markPlaces.map((place) => place.row)) + 1;
  const plot = { ...layout.plot, top: layout.plot.top + markRows * LINE_HEIGHT };
  const y = valueScale(largest([...bars.map((bar) => bar.value), ...(line ?? []).map((v) => v ?? 0)]), plot);
  const centres = bars.map((_, i) => centre(i));
  const shown = hovered === null ? undefined : bars[hovered];
  const lineValue = hovered === null ? null : (line?.[hovered] ?? null);
  const spacing = x.step();
  // Once per drawing, not at every move of the pointer.
  const dated = useMemo(() => pointDateTicks({ days, weekEndsOn }, spacing, true), [days, weekEndsOn, spacing]);
  return (
    <ChartCanvas
      onPointAt={(point) => setHovered(nearestColumn(centres, point.x))}
      onLeave={() => setHovered(null)}
      tooltip={
        shown && hovered !== null ? (
          <ChartTooltip anchor={{ x: centre(hovered), y: y(Math.max(shown.value, lineValue ?? 0)) }} testId="chart-tooltip">
            <strong>{shown.label}</strong>: {valueFormat.format(shown.value)}
            {shown.partial !== undefined && <div>{shown.partial}</div>}
            {lineValue !== null && <div>{`${lineLabel}: ${valueFormat.format(lineValue)}`}</div>}
          </ChartTooltip>
        ) : null
      }
    >
      <Axes
        y={y}
        x={x}
        xTicks={
          dated?.indices ??
          barLabelIndices(
            bars.map((bar) => bar.label),
            labelsThatFit(plot.right - plot.left, longest(bars.map((bar) => bar.label))),
          )
        }
        xLabel={(i) => (dated === null ? (bars[i]?.label ?? '') : dated.label(i))}
        yLabel={yLabel}
        wholeNumbers={bars.every((bar) => Number.isInteger(bar.value))}
        centred
      />
      {xUnit !== undefined && (
        <text className="fm-chart-unit fm-chart-x-unit" x={plot.right} y={layout.height - 4} textAnchor="end" fill={CHART_COLOURS.ink}>
          {xUnit}
        </text>
      )}
      {bars.map((bar, i) => (
        <Bar
          key={i}
          x={x(i) ?? 0}
          y={y(bar.value)}
          width={x.bandwidth()}
          height={Math.max(0, y(0) - y(bar.value))}
          fill={i === hovered ? CHART_COLOURS.markHovered : CHART_COLOURS.mark}
          fillOpacity={bar.partial === undefined ? 1 : PARTIAL_OPACITY}
          data-partial={bar.partial === undefined ? undefined : true}
        />
      ))}
      {line !== undefined && (
        <LinePath<number | null>
          data={[...line]}
          defined={(value) => value !== null}
          x={(_, i) => centre(i)}
          y={(value) => y(value ?? 0)}
          fill="none"
          stroke={CHART_COLOURS.trend}
          strokeWidth={2}
        />
      )}
      {marks.map((mark, k) => {
        const baseline = plot.top - 4 - markPlaces[k]!.row * LINE_HEIGHT;
        return (
          <g key={mark.label} className="fm-chart-bar-mark" aria-hidden="true">
            {/* Up to its label, whichever row that is in. */}
            <Line
              from={{ x: centre(mark.at), y: baseline - 9 }}
              to={{ x: centre(mark.at), y: plot.bottom }}
              stroke={CHART_COLOURS.reference}
              strokeDasharray="4 4"
              strokeWidth={1.5}
            />
            {/* Haloed in the page's colour: another mark's line may pass behind it. */}
            <text
              className="fm-chart-mark-label"
              x={markPlaces[k]!.x}
              y={baseline}
              textAnchor={markPlaces[k]!.anchor}
              fill={CHART_COLOURS.ink}
              stroke={CHART_COLOURS.surface}
              strokeWidth={3}
              strokeLinejoin="round"
              paintOrder="stroke"
            >
              {mark.label}
            </text>
          </g>
        );
      })}
    </ChartCanvas>
  );
}
