import { token } from '@atlaskit/tokens';
import { CHART, labelIndices, niceTicks } from './scale';

/** Value gridlines with labels on the left, category or date labels along the bottom. */
export function Axes({
  maxValue,
  y,
  xLabels,
  x,
  yLabel,
  centred = false,
}: {
  maxValue: number;
  y: (value: number) => number;
  xLabels: readonly string[];
  x: (index: number) => number;
  yLabel: string;
  /** Centre every x label on its position (categories), instead of keeping the end labels inside. */
  centred?: boolean;
}) {
  const grid = token('color.border');
  const ink = token('color.text.subtle');
  return (
    <g>
      {niceTicks(maxValue).map((tick) => (
        <g key={tick}>
          <line x1={CHART.left} x2={CHART.width - CHART.right} y1={y(tick)} y2={y(tick)} stroke={grid} strokeWidth={1} />
          <text x={CHART.left - 6} y={y(tick) + 4} textAnchor="end" fill={ink}>
            {tick}
          </text>
        </g>
      ))}
      {labelIndices(xLabels.length).map((i, n, all) => (
        <text
          key={i}
          x={x(i)}
          y={CHART.height - CHART.bottom + 16}
          textAnchor={centred ? 'middle' : all.length > 1 && n === all.length - 1 ? 'end' : n === 0 && all.length > 1 ? 'start' : 'middle'}
          fill={ink}
        >
          {xLabels[i]}
        </text>
      ))}
      <text x={CHART.left - 6} y={CHART.top - 14} textAnchor="end" fill={ink}>
        {yLabel}
      </text>
    </g>
  );
}
