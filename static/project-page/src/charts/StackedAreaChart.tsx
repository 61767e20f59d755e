import { token } from '@atlaskit/tokens';
import { Axes } from './Axes';
import { CHART, linearScale, niceTicks } from './scale';

const SERIES_COLOURS = [
  token('color.chart.categorical.1'),
  token('color.chart.categorical.2'),
  token('color.chart.categorical.3'),
  token('color.chart.categorical.4'),
  token('color.chart.categorical.5'),
  token('color.chart.categorical.6'),
  token('color.chart.categorical.7'),
  token('color.chart.categorical.8'),
];

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

/**
 * Stacked areas over consecutive days: `series[k][d]` is series k's own value on day d. The first series is
 * drawn at the bottom (for a cumulative flow diagram: the last stage, done work, at the bottom).
 */
export function StackedAreaChart({
  labels,
  series,
  yLabel,
}: {
  labels: readonly string[];
  series: ReadonlyArray<{ name: string; values: readonly number[] }>;
  yLabel: string;
}) {
  const totals = labels.map((_, d) => series.reduce((sum, s) => sum + (s.values[d] ?? 0), 0));
  const top = niceTicks(Math.max(1, ...totals)).at(-1) ?? 1;
  const y = linearScale(0, top, CHART.height - CHART.bottom, CHART.top);
  const x = linearScale(0, Math.max(1, labels.length - 1), CHART.left, CHART.width - CHART.right);
  const base = labels.map(() => 0);
  const areas = series.map((s) => {
    const lower = [...base];
    const upper = lower.map((v, d) => v + (s.values[d] ?? 0));
    upper.forEach((v, d) => (base[d] = v));
    const forward = upper.map((v, d) => `${x(d)},${y(v)}`);
    const back = lower.map((v, d) => `${x(d)},${y(v)}`).reverse();
    return { name: s.name, d: labels.length === 0 ? '' : `M${forward.join(' L')} L${back.join(' L')} Z` };
  });
  return (
    <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="presentation">
      <Axes maxValue={top} y={y} xLabels={labels} x={x} yLabel={yLabel} />
      {areas.map((area, k) => (
        <path key={area.name} d={area.d} fill={seriesColour(k)} stroke="none">
          <title>{area.name}</title>
        </path>
      ))}
    </svg>
  );
}
