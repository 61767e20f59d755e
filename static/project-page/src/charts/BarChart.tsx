import { useState } from 'react';
import { scaleBand } from '@visx/scale';
import { Bar, LinePath } from '@visx/shape';
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

/**
 * Vertical bars, one per labelled value, with an optional line over them (e.g. a moving average, null
 * where it is not defined yet). Hovering anywhere over a bar's column tells its value.
 */
export function BarChart({
  bars,
  line,
  lineLabel = 'Trend',
  yLabel,
}: {
  bars: ReadonlyArray<{ label: string; value: number }>;
  line?: ReadonlyArray<number | null>;
  /** What the line is, for the tooltip. */
  lineLabel?: string;
  yLabel: string;
}) {
  const [hovered, setHovered] = useState<number | null>(null);
  const y = valueScale(largest([...bars.map((bar) => bar.value), ...(line ?? []).map((v) => v ?? 0)]));
  const x = scaleBand<number>({ domain: bars.map((_, i) => i), range: [PLOT.left, PLOT.right], padding: 0.2 });
  const centre = (i: number) => (x(i) ?? 0) + x.bandwidth() / 2;
  const centres = bars.map((_, i) => centre(i));
  const shown = hovered === null ? undefined : bars[hovered];
  const lineValue = hovered === null ? null : (line?.[hovered] ?? null);
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
      <Axes y={y} x={x} xTicks={barLabelIndices(bars.map((bar) => bar.label))} xLabel={(i) => bars[i]?.label ?? ''} yLabel={yLabel} centred />
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
    </ChartCanvas>
  );
}
