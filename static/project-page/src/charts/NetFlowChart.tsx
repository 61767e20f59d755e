import { useMemo, useState } from 'react';
import { scaleLinear } from '@visx/scale';
import { Line } from '@visx/shape';
import { token } from '@atlaskit/tokens';
import { Axes } from './Axes';
import { ChartCanvas } from './ChartCanvas';
import { ChartTooltip } from './ChartTooltip';
import { labelIndices, labelsThatFit, longest, useChartLayout, VALUE_TICKS } from './layout';
import { nearestColumn } from './pointing';
import { CHART_COLOURS } from './theme';
import { pointDateTicks, type PointDates } from './date-ticks';

/** More arrived than departed (work in progress grew), and the other way round. */
const GREW = token('color.chart.orange.bold');
const SHRANK = CHART_COLOURS.mark;
/** A bar's share of its column. */
const BAR_WIDTH = 0.7;

/**
 * Net flow: one bar per period, above the zero line when more items arrived than departed (work in progress
 * grew), below it when more departed. Hovering a column tells its arrivals and departures.
 */
export function NetFlowChart({
  periods,
  days,
  weekEndsOn,
}: {
  periods: ReadonlyArray<{ label: string; arrivals: number; departures: number }>;
} & PointDates) {
  const [hovered, setHovered] = useState<number | null>(null);
  const { plot } = useChartLayout();
  const nets = periods.map((period) => period.arrivals - period.departures);
  const reach = Math.max(1, ...nets.map(Math.abs));
  const y = scaleLinear<number>({ domain: [-reach, reach], range: [plot.bottom, plot.top], nice: VALUE_TICKS });
  const x = scaleLinear<number>({ domain: [-0.5, Math.max(0.5, periods.length - 0.5)], range: [plot.left, plot.right] });
  const xs = periods.map((_, i) => x(i));
  const half = ((plot.right - plot.left) / Math.max(1, periods.length) / 2) * BAR_WIDTH;
  const shown = hovered === null ? undefined : periods[hovered];
  const spacing = x(1) - x(0);
  // Once per drawing, not at every move of the pointer.
  const dated = useMemo(() => pointDateTicks({ days, weekEndsOn }, spacing), [days, weekEndsOn, spacing]);
  return (
    <ChartCanvas
      onPointAt={(point) => setHovered(nearestColumn(xs, point.x))}
      onLeave={() => setHovered(null)}
      tooltip={
        shown && hovered !== null ? (
          <ChartTooltip anchor={{ x: xs[hovered]!, y: y(Math.max(0, nets[hovered]!)) }} testId="chart-tooltip">
            <strong>{shown.label}</strong>:{' '}
            {`${shown.arrivals} arrived, ${shown.departures} departed, net ${nets[hovered]! > 0 ? '+' : ''}${nets[hovered]}`}
          </ChartTooltip>
        ) : null
      }
    >
      <Axes
        y={y}
        x={x}
        xTicks={
          dated?.indices ??
          labelIndices(periods.length, labelsThatFit(plot.right - plot.left, longest(periods.map((period) => period.label))))
        }
        xLabel={(i) => (dated === null ? (periods[i]?.label ?? '') : dated.label(i))}
        yLabel="items, arrived minus departed"
        wholeNumbers
      />
      {nets.map((net, i) => (
        <rect
          key={i}
          className="fm-net-flow-bar"
          data-net={net}
          x={xs[i]! - half}
          width={half * 2}
          y={y(Math.max(0, net))}
          height={Math.abs(y(net) - y(0))}
          fill={net > 0 ? GREW : SHRANK}
        />
      ))}
      <Line from={{ x: plot.left, y: y(0) }} to={{ x: plot.right, y: y(0) }} stroke={CHART_COLOURS.ink} strokeWidth={1} />
    </ChartCanvas>
  );
}
