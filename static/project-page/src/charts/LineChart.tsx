import { token } from '@atlaskit/tokens';
import { Axes } from './Axes';
import { CHART, linearScale, niceTicks } from './scale';

/** One series of values over consecutive labels (days or periods). */
export function LineChart({ points, yLabel }: { points: ReadonlyArray<{ label: string; value: number }>; yLabel: string }) {
  const top = niceTicks(Math.max(1, ...points.map((p) => p.value))).at(-1) ?? 1;
  const y = linearScale(0, top, CHART.height - CHART.bottom, CHART.top);
  const x = linearScale(0, Math.max(1, points.length - 1), CHART.left, CHART.width - CHART.right);
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(p.value)}`).join(' ');
  return (
    <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="presentation">
      <Axes maxValue={top} y={y} xLabels={points.map((p) => p.label)} x={x} yLabel={yLabel} />
      {points.length > 0 && <path d={d} fill="none" stroke={token('color.chart.brand')} strokeWidth={2} />}
    </svg>
  );
}
