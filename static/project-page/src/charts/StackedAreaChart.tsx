import { useMemo, useState } from 'react';
import { scaleLinear } from '@visx/scale';
import { AreaStack, Line } from '@visx/shape';
import { Axes } from './Axes';
import { ChartCanvas } from './ChartCanvas';
import { ChartTooltip } from './ChartTooltip';
import { labelIndices, labelsThatFit, largest, longest, useChartLayout, valueScale } from './layout';
import { nearestColumn } from './pointing';
import { CHART_COLOURS, seriesColour } from './theme';
import { pointDateTicks, type PointDates } from './date-ticks';

export { seriesColour } from './theme';

/** A band needs this many pixels of height where it ends to hold its name. */
const BAND_LABEL_HEIGHT = 14;

/**
 * Where to name each band: at its middle on the last day, for the bands tall enough there to hold a label.
 */
function bandLabels(
  series: ReadonlyArray<{ name: string; values: readonly number[] }>,
  last: number,
  y: (value: number) => number,
): Array<{ name: string; y: number }> {
  const labels: Array<{ name: string; y: number }> = [];
  let below = 0;
  for (const band of series) {
    const value = band.values[last] ?? 0;
    const bottom = y(below);
    const top = y(below + value);
    if (bottom - top >= BAND_LABEL_HEIGHT) labels.push({ name: band.name, y: (top + bottom) / 2 + 4 });
    below += value;
  }
  return labels;
}

/**
 * Stacked areas over consecutive days: `series[k][d]` is series k's own value on day d. The first series is
 * drawn at the bottom (for a cumulative flow diagram: the last stage, done work, at the bottom). Hovering a
 * day lists every series' value on it, top band first, as they are stacked.
 */
export function StackedAreaChart({
  labels,
  days,
  weekEndsOn,
  series,
  yLabel,
  colourOf = seriesColour,
}: {
  labels: readonly string[];
  series: ReadonlyArray<{ name: string; values: readonly number[] }>;
  yLabel: string;
  /** Each series' colour, by its index: a band keeps its colour when others are hidden. */
  colourOf?: (index: number) => string;
} & PointDates) {
  const [hovered, setHovered] = useState<number | null>(null);
  const columns = labels.map((_, d) => d);
  const valueOf = (d: number, k: number) => series[k]?.values[d] ?? 0;
  const totals = columns.map((d) => series.reduce((sum, _, k) => sum + valueOf(d, k), 0));
  const { plot } = useChartLayout();
  const y = valueScale(largest(totals), plot);
  const x = scaleLinear<number>({ domain: [0, Math.max(1, labels.length - 1)], range: [plot.left, plot.right] });
  const xs = columns.map((d) => x(d));
  const spacing = x(1) - x(0);
  // Once per drawing, not at every move of the pointer.
  const dated = useMemo(() => pointDateTicks({ days, weekEndsOn }, spacing), [days, weekEndsOn, spacing]);
  const topFirst = series.map((s, k) => ({ name: s.name, k })).reverse();
  return (
    <ChartCanvas
      onPointAt={(point) => setHovered(nearestColumn(xs, point.x))}
      onLeave={() => setHovered(null)}
      tooltip={
        hovered !== null && labels[hovered] !== undefined ? (
          <ChartTooltip anchor={{ x: xs[hovered]!, y: y(totals[hovered]!) }} testId="chart-tooltip">
            <strong>{labels[hovered]}</strong>
            {topFirst.map(({ name, k }) => (
              <div key={name} className="fm-chart-tooltip-series">
                <svg width="10" height="10" aria-hidden="true">
                  <rect width="10" height="10" fill={colourOf(k)} />
                </svg>
                {`${name}: ${valueOf(hovered, k)}`}
              </div>
            ))}
          </ChartTooltip>
        ) : null
      }
    >
      <Axes
        y={y}
        x={x}
        xTicks={dated?.indices ?? labelIndices(labels.length, labelsThatFit(plot.right - plot.left, longest(labels)))}
        xLabel={(d) => (dated === null ? (labels[d] ?? '') : dated.label(d))}
        yLabel={yLabel}
      />
      <AreaStack<number, number>
        keys={series.map((_, k) => k)}
        data={columns}
        value={(d, k) => valueOf(d, k)}
        x={(point) => x(point.data)}
        y0={(point) => y(point[0])}
        y1={(point) => y(point[1])}
        color={(_, k) => colourOf(k)}
        // A thin edge in the page's colour between bands: neighbouring categorical colours stay apart even
        // where they are close in hue, or for a reader who does not tell them apart.
        stroke={CHART_COLOURS.surface}
        strokeWidth={1}
      />
      {/* Each band named where it ends, when it is tall enough there to hold its name: no colour matching needed. */}
      <g aria-hidden="true">
        {bandLabels(series, labels.length - 1, y).map((label) => (
          <text
            key={label.name}
            className="fm-chart-band-label"
            x={plot.right - 4}
            y={label.y}
            textAnchor="end"
            fill={CHART_COLOURS.ink}
            stroke={CHART_COLOURS.surface}
            strokeWidth={3}
            strokeLinejoin="round"
            paintOrder="stroke"
          >
            {label.name}
          </text>
        ))}
      </g>
      {hovered !== null && xs[hovered] !== undefined && (
        <Line
          from={{ x: xs[hovered], y: plot.top }}
          to={{ x: xs[hovered], y: plot.bottom }}
          stroke={CHART_COLOURS.ink}
          strokeDasharray="2 2"
        />
      )}
    </ChartCanvas>
  );
}
