import { token } from '@atlaskit/tokens';
import { Axes } from './Axes';
import { CHART, linearScale, niceTicks } from './scale';

/** Vertical bars, one per labelled value, with an optional line over them (e.g. a moving average). */
export function BarChart({
  bars,
  line,
  yLabel,
}: {
  bars: ReadonlyArray<{ label: string; value: number }>;
  line?: ReadonlyArray<number | null>;
  yLabel: string;
}) {
  const max = Math.max(1, ...bars.map((bar) => bar.value), ...(line ?? []).map((v) => v ?? 0));
  const top = niceTicks(max).at(-1) ?? max;
  const y = linearScale(0, top, CHART.height - CHART.bottom, CHART.top);
  const slot = (CHART.width - CHART.left - CHART.right) / Math.max(1, bars.length);
  const x = (i: number) => CHART.left + slot * (i + 0.5);
  const width = Math.max(1, slot * 0.8);
  const path = (line ?? [])
    .map((v, i) => (v === null ? null : `${x(i)},${y(v)}`))
    .filter((p): p is string => p !== null)
    .join(' L');
  return (
    <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="presentation">
      <Axes maxValue={top} y={y} xLabels={bars.map((bar) => bar.label)} x={x} yLabel={yLabel} />
      {bars.map((bar, i) => (
        <rect
          key={i}
          x={x(i) - width / 2}
          y={y(bar.value)}
          width={width}
          height={Math.max(0, y(0) - y(bar.value))}
          fill={token('color.chart.brand')}
        >
          <title>{`${bar.label}: ${bar.value}`}</title>
        </rect>
      ))}
      {path !== '' && <path d={`M${path}`} fill="none" stroke={token('color.chart.warning.bold')} strokeWidth={2} />}
    </svg>
  );
}
