import { token } from '@atlaskit/tokens';
import { Axes } from './Axes';
import { CHART, linearScale, niceTicks } from './scale';

export interface ScatterDot {
  key: string;
  /** Position along the x axis (a day number). */
  x: number;
  y: number;
  title: string;
}

/** Dots with horizontal reference lines (percentiles); a dot is a button that opens its item. */
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
  const xs = dots.map((dot) => dot.x);
  const x0 = xDomain?.[0] ?? (xs.length > 0 ? Math.min(...xs) : 0);
  const x1 = xDomain?.[1] ?? (xs.length > 0 ? Math.max(...xs) : 1);
  const top = niceTicks(Math.max(1, ...dots.map((dot) => dot.y), ...lines.map((line) => line.value))).at(-1) ?? 1;
  const y = linearScale(0, top, CHART.height - CHART.bottom, CHART.top);
  const x = linearScale(x0, x1 === x0 ? x0 + 1 : x1, CHART.left + 8, CHART.width - CHART.right - 8);
  const tickCount = 6;
  const tickDays = xTicks ?? Array.from({ length: tickCount }, (_, i) => Math.round(x0 + ((x1 - x0) * i) / (tickCount - 1)));
  return (
    <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="presentation">
      <Axes maxValue={top} y={y} xLabels={tickDays.map(xLabel)} x={(i) => x(tickDays[i]!)} yLabel={yLabel} centred={xTicks !== undefined} />
      {lines.map((line) => (
        <g key={line.label}>
          <line
            x1={CHART.left}
            x2={CHART.width - CHART.right}
            y1={y(line.value)}
            y2={y(line.value)}
            stroke={token('color.chart.danger')}
            strokeDasharray="4 4"
            strokeWidth={1.5}
          />
          <text x={CHART.width - CHART.right} y={y(line.value) - 4} textAnchor="end" fill={token('color.text.subtle')}>
            {line.label}
          </text>
        </g>
      ))}
      {dots.map((dot) => (
        <circle
          key={dot.key}
          className="fm-chart-point"
          cx={x(dot.x)}
          cy={y(dot.y)}
          r={3}
          fill={token('color.chart.brand')}
          fillOpacity={0.7}
          stroke={token('color.chart.blue.bolder')}
          onClick={onOpen ? () => onOpen(dot.key) : undefined}
        >
          <title>{dot.title}</title>
        </circle>
      ))}
    </svg>
  );
}
