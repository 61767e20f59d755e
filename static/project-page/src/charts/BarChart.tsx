import { useState } from 'react';
import { scaleBand } from '@visx/scale';
import { Bar, Line, LinePath } from '@visx/shape';
import { Axes } from './Axes';
import { ChartCanvas } from './ChartCanvas';
import { ChartTooltip } from './ChartTooltip';
import { labelIndices, largest, PLOT, roundLabelIndices, valueScale } from './layout';
import { nearestColumn } from './pointing';
import { CHART_COLOURS } from './theme';

const valueFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A bar label that is a number ("12") or a bin of numbers ("24–48"), with the number it starts at. */
const NUMBER_LABEL = /^(-?\d+(?:\.\d+)?)(?:–-?\d+(?:\.\d+)?)?$/;

/**
 * Which bars to label: bars of counts or of histogram bins, whose labels are numbers, are labelled at round
 * numbers as on a ruler; other bars (periods) at even intervals, the first and last included.
 */
export function barLabelIndices(labels: readonly string[]): number[] {
  const starts = labels.map((label) => NUMBER_LABEL.exec(label)?.[1]);
  if (starts.length > 0 && starts.every((start) => start !== undefined)) return roundLabelIndices(starts.map(Number));
  return labelIndices(labels.length);
}

/** A marked bar: a vertical line through its centre, labelled at the top (e.g. "85%: 23 items"). */
export interface BarMark {
  /** The index of the bar marked. */
  at: number;
  label: string;
}

/** About how wide a mark's label is, in viewBox units per character of 11-unit text. */
const CHARACTER_WIDTH = 6.2;
/** The rows of mark labels are this far apart. */
const MARK_ROW_HEIGHT = 13;

/**
 * The row each mark's label is written in, 0 at the top: from left to right, the first row where it does not
 * run into the label before it, so labels of close marks (85% and 95% often are) never overlap.
 * @param centre the x of a bar's centre.
 */
export function markLabelRows(marks: readonly BarMark[], centre: (index: number) => number): number[] {
  const order = marks.map((_, k) => k).sort((a, b) => marks[a]!.at - marks[b]!.at);
  const rowEnds: number[] = [];
  const rows = new Array<number>(marks.length);
  for (const k of order) {
    const start = centre(marks[k]!.at) + 3;
    let row = rowEnds.findIndex((end) => end < start);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = start + marks[k]!.label.length * CHARACTER_WIDTH;
    rows[k] = row;
  }
  return rows;
}

/**
 * Vertical bars, one per labelled value, with an optional line over them (e.g. a moving average, null
 * where it is not defined yet), and optional marks on some bars (e.g. where the confidence levels of a
 * forecast fall). Hovering anywhere over a bar's column tells its value.
 */
export function BarChart({
  bars,
  line,
  lineLabel = 'Trend',
  marks = [],
  yLabel,
}: {
  bars: ReadonlyArray<{ label: string; value: number }>;
  line?: ReadonlyArray<number | null>;
  /** What the line is, for the tooltip. */
  lineLabel?: string;
  marks?: readonly BarMark[];
  yLabel: string;
}) {
  const [hovered, setHovered] = useState<number | null>(null);
  const y = valueScale(largest([...bars.map((bar) => bar.value), ...(line ?? []).map((v) => v ?? 0)]));
  const x = scaleBand<number>({ domain: bars.map((_, i) => i), range: [PLOT.left, PLOT.right], padding: 0.2 });
  const centre = (i: number) => (x(i) ?? 0) + x.bandwidth() / 2;
  const centres = bars.map((_, i) => centre(i));
  const shown = hovered === null ? undefined : bars[hovered];
  const lineValue = hovered === null ? null : (line?.[hovered] ?? null);
  const markRows = markLabelRows(marks, centre);
  return (
    <ChartCanvas
      onPointAt={(point) => setHovered(nearestColumn(centres, point.x))}
      onLeave={() => setHovered(null)}
      tooltip={
        shown && hovered !== null ? (
          <ChartTooltip anchor={{ x: centre(hovered), y: y(Math.max(shown.value, lineValue ?? 0)) }} testId="chart-tooltip">
            <strong>{shown.label}</strong>: {valueFormat.format(shown.value)}
            {lineValue !== null && <div>{`${lineLabel}: ${valueFormat.format(lineValue)}`}</div>}
          </ChartTooltip>
        ) : null
      }
    >
      <Axes
        y={y}
        x={x}
        xTicks={barLabelIndices(bars.map((bar) => bar.label))}
        xLabel={(i) => bars[i]?.label ?? ''}
        yLabel={yLabel}
        wholeNumbers={bars.every((bar) => Number.isInteger(bar.value))}
        centred
      />
      {bars.map((bar, i) => (
        <Bar
          key={i}
          x={x(i) ?? 0}
          y={y(bar.value)}
          width={x.bandwidth()}
          height={Math.max(0, y(0) - y(bar.value))}
          fill={i === hovered ? CHART_COLOURS.markHovered : CHART_COLOURS.mark}
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
      {marks.map((mark, k) => (
        <g key={mark.label} className="fm-chart-bar-mark" aria-hidden="true">
          <Line
            from={{ x: centre(mark.at), y: PLOT.top }}
            to={{ x: centre(mark.at), y: PLOT.bottom }}
            stroke={CHART_COLOURS.reference}
            strokeDasharray="4 4"
            strokeWidth={1.5}
          />
          {/* Haloed in the page's colour: the labels sit over the bars. */}
          <text
            x={centre(mark.at) + 3}
            y={PLOT.top + 10 + markRows[k]! * MARK_ROW_HEIGHT}
            fill={CHART_COLOURS.ink}
            stroke={CHART_COLOURS.surface}
            strokeWidth={3}
            strokeLinejoin="round"
            paintOrder="stroke"
          >
            {mark.label}
          </text>
        </g>
      ))}
    </ChartCanvas>
  );
}
