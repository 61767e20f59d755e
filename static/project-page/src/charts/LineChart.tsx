import { useMemo, useState } from 'react';
import { scaleLinear } from '@visx/scale';
import { Circle, Line, LinePath } from '@visx/shape';
import { Axes } from './Axes';
import { ChartCanvas } from './ChartCanvas';
import { ChartTooltip } from './ChartTooltip';
import { labelIndices, labelsThatFit, largest, longest, useChartLayout, valueScale } from './layout';
import { nearestColumn } from './pointing';
import { CHART_COLOURS } from './theme';
import { pointDateTicks, type PointDates } from './date-ticks';

/**
 * One series of values over consecutive labels (days or periods); hovering tells the value of the nearest.
 * A series of one value (one month, say) is a dot in the middle: a line needs two. A value of a partial
 * period (`partial` says which part) is a hollow dot off the line, so a six-day month is not read as a month.
 */
export function LineChart({
  points,
  days,
  weekEndsOn,
  yLabel,
}: {
  points: ReadonlyArray<{ label: string; value: number; partial?: string }>;
  yLabel: string;
} & PointDates) {
  const [hovered, setHovered] = useState<number | null>(null);
  const { plot } = useChartLayout();
  const y = valueScale(largest(points.map((p) => p.value)), plot);
  const x = scaleLinear<number>({
    domain: points.length === 1 ? [-1, 1] : [0, Math.max(1, points.length - 1)],
    range: [plot.left, plot.right],
  });
  const xs = points.map((_, i) => x(i));
  const shown = hovered === null ? undefined : points[hovered];
  const spacing = x(1) - x(0);
  // Once per drawing, not at every move of the pointer.
  const dated = useMemo(() => pointDateTicks({ days, weekEndsOn }, spacing), [days, weekEndsOn, spacing]);
  return (
    <ChartCanvas
      onPointAt={(point) => setHovered(nearestColumn(xs, point.x))}
      onLeave={() => setHovered(null)}
      tooltip={
        shown && hovered !== null ? (
          <ChartTooltip anchor={{ x: xs[hovered]!, y: y(shown.value) }} testId="chart-tooltip">
            <strong>{shown.label}</strong>: {shown.value}
            {shown.partial !== undefined && <div>{shown.partial}</div>}
          </ChartTooltip>
        ) : null
      }
    >
      <Axes
        y={y}
        x={x}
        xTicks={
          dated?.indices ?? labelIndices(points.length, labelsThatFit(plot.right - plot.left, longest(points.map((point) => point.label))))
        }
        xLabel={(i) => (dated === null ? (points[i]?.label ?? '') : dated.label(i))}
        yLabel={yLabel}
        wholeNumbers={points.every((point) => Number.isInteger(point.value))}
      />
      <LinePath
        data={[...points]}
        defined={(p) => p.partial === undefined}
        x={(_, i) => x(i)}
        y={(p) => y(p.value)}
        fill="none"
        stroke={CHART_COLOURS.mark}
        strokeWidth={2}
      />
      {points.map((p, i) =>
        p.partial === undefined ? null : (
          <Circle
            key={i}
            cx={x(i)}
            cy={y(p.value)}
            r={4}
            fill={CHART_COLOURS.surface}
            stroke={CHART_COLOURS.mark}
            strokeWidth={2}
            data-partial="true"
          />
        ),
      )}
      {points.length === 1 && (
        <Circle cx={x(0)} cy={y(points[0]!.value)} r={5} fill={CHART_COLOURS.mark} data-testid="line-chart-single-point" />
      )}
      {shown && hovered !== null && (
        <g className="fm-chart-focus-mark">
          <Line from={{ x: xs[hovered]!, y: plot.top }} to={{ x: xs[hovered]!, y: plot.bottom }} stroke={CHART_COLOURS.grid} />
          <Circle cx={xs[hovered]} cy={y(shown.value)} r={4} fill={CHART_COLOURS.mark} stroke={CHART_COLOURS.surface} strokeWidth={2} />
        </g>
      )}
    </ChartCanvas>
  );
}
