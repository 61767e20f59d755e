import { AxisBottom, AxisLeft, type AxisScale, type TickRendererProps } from '@visx/axis';
import { GridRows } from '@visx/grid';
import { logTicks, useChartLayout, VALUE_TICKS, type ValueScale } from './layout';
import { CHART_COLOURS } from './theme';

const LABEL_SIZE = 11;
const valueFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** The values to label on the value axis: the scale's round steps, whole numbers only for counts. */
function valueTickValues(y: ValueScale, wholeNumbers: boolean): number[] {
  // A logarithmic axis steps 1, 2, 5, 10, …: the scale's own ticks are linear.
  const ticks = 'constant' in y ? logTicks(y.domain()[1]!) : y.ticks(VALUE_TICKS);
  return wholeNumbers ? ticks.filter((tick) => Number.isInteger(tick)) : ticks;
}

/**
 * One tick's label as a plain SVG text. The axes' own label (visx's `Text`) measures every word in the page's
 * layout and reads its offsets through a CSS calc() parser, to wrap lines a tick label never needs: a twentieth of
 * the Overview's first drawing went there.
 */
function TickLabel({ formattedValue, x, y, dx, dy, fill, fontSize, fontFamily, textAnchor }: TickRendererProps) {
  // As visx's own label: nothing where the scale gives no place. (Only the properties these axes set are drawn.)
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  return (
    <text x={x} y={y} dx={dx} dy={dy} fill={fill} fontSize={fontSize} fontFamily={fontFamily} textAnchor={textAnchor}>
      {formattedValue}
    </text>
  );
}

/**
 * Value gridlines labelled on the left, with the unit above them, and date or category labels along the
 * bottom at `xTicks`.
 */
export function Axes({
  y,
  x,
  xTicks,
  xLabel,
  yLabel,
  centred = false,
  plotRight,
  wholeNumbers = false,
}: {
  y: ValueScale;
  x: AxisScale<number>;
  /** The x values to label. */
  xTicks: readonly number[];
  xLabel: (value: number) => string;
  yLabel: string;
  /** Centre every x label on its position (categories), instead of keeping the end labels inside the plot. */
  centred?: boolean;
  /** Where the plot ends on the right, when the chart keeps a wider margin there for labels of its own. */
  plotRight?: number;
  /** The values are counts: label whole numbers only (no "0.5 items" on an axis of one or two items). */
  wholeNumbers?: boolean;
}) {
  const { plot } = useChartLayout();
  const right = plotRight ?? plot.right;
  const valueTicks = valueTickValues(y, wholeNumbers);
  const anchorOf = (index: number, count: number) => {
    if (centred || count < 2) return 'middle';
    if (index === 0) return 'start';
    return index === count - 1 ? 'end' : 'middle';
  };
  return (
    <g className="fm-chart-axes">
      <GridRows scale={y} left={plot.left} width={right - plot.left} tickValues={valueTicks} stroke={CHART_COLOURS.grid} />
      <AxisLeft
        scale={y}
        left={plot.left}
        tickValues={valueTicks}
        hideAxisLine
        hideTicks
        tickLength={2}
        tickFormat={(value) => valueFormat.format(Number(value))}
        tickComponent={TickLabel}
        tickLabelProps={{
          fill: CHART_COLOURS.ink,
          fontSize: LABEL_SIZE,
          fontFamily: 'inherit',
          textAnchor: 'end',
          dx: '-0.25em',
          dy: '0.33em',
        }}
      />
      <AxisBottom
        scale={x}
        top={plot.bottom}
        tickValues={[...xTicks]}
        tickFormat={(value) => xLabel(Number(value))}
        tickComponent={TickLabel}
        hideAxisLine
        hideTicks
        tickLength={5}
        tickLabelProps={(_value, index, ticks) => ({
          fill: CHART_COLOURS.ink,
          fontSize: LABEL_SIZE,
          fontFamily: 'inherit',
          textAnchor: anchorOf(index, ticks.length),
        })}
      />
      {/* From the drawing's left edge, over the value labels: a long unit ("% of futures") then runs into
          the empty space above the plot, not out of the page's column. */}
      <text className="fm-chart-unit" x={0} y={plot.top - 14} textAnchor="start" fill={CHART_COLOURS.ink}>
        {yLabel}
      </text>
    </g>
  );
}
