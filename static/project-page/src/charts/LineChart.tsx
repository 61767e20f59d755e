import { useState } from 'react';
import { scaleLinear } from '@visx/scale';
import { Circle, Line, LinePath } from '@visx/shape';
import { Axes } from './Axes';
import { ChartCanvas } from './ChartCanvas';
import { ChartTooltip } from './ChartTooltip';
import { labelIndices, largest, PLOT, valueScale } from './layout';
import { nearestColumn } from './pointing';
import { CHART_COLOURS } from './theme';

/** One series of values over consecutive labels (days or periods); hovering tells the value of the nearest. */
export function LineChart({ points, yLabel }: { points: ReadonlyArray<{ label: string; value: number }>; yLabel: string }) {
  const [hovered, setHovered] = useState<number | null>(null);
  const y = valueScale(largest(points.map((p) => p.value)));
  const x = scaleLinear<number>({ domain: [0, Math.max(1, points.length - 1)], range: [PLOT.left, PLOT.right] });
  const xs = points.map((_, i) => x(i));
  const shown = hovered === null ? undefined : points[hovered];
  return (
    <ChartCanvas
      onPointAt={(point) => setHovered(nearestColumn(xs, point.x))}
      onLeave={() => setHovered(null)}
      tooltip={
        shown && hovered !== null ? (
          <ChartTooltip anchor={{ x: xs[hovered]!, y: y(shown.value) }} testId="chart-tooltip">
            <strong>{shown.label}</strong>: {shown.value}
          </ChartTooltip>
        ) : null
      }
    >
      <Axes y={y} x={x} xTicks={labelIndices(points.length)} xLabel={(i) => points[i]?.label ?? ''} yLabel={yLabel} />
      <LinePath data={[...points]} x={(_, i) => x(i)} y={(p) => y(p.value)} fill="none" stroke={CHART_COLOURS.mark} strokeWidth={2} />
      {shown && hovered !== null && (
        <g className="fm-chart-focus-mark">
          <Line from={{ x: xs[hovered]!, y: PLOT.top }} to={{ x: xs[hovered]!, y: PLOT.bottom }} stroke={CHART_COLOURS.grid} />
          <Circle cx={xs[hovered]!} cy={y(shown.value)} r={4} fill={CHART_COLOURS.mark} stroke={CHART_COLOURS.surface} strokeWidth={2} />
        </g>
      )}
    </ChartCanvas>
  );
}
