import { useMemo, useState, type KeyboardEvent } from 'react';
import { scaleLinear } from '@visx/scale';
import { Circle, Line } from '@visx/shape';
import { token } from '@atlaskit/tokens';
import type { StageAgingChart as Chart } from '../views/stage-aging-chart';
import { Axes } from './Axes';
import { ChartCanvas } from './ChartCanvas';
import { ChartTooltip } from './ChartTooltip';
import { DotsCanvas, type DotStyle } from './DotsCanvas';
import { countPlaces } from './aging-count-places';
import { useChartLayout, valueScale } from './layout';
import { nearestMark } from './pointing';
import { CHART_COLOURS } from './theme';
import { useMarkCursor } from './useMarkCursor';

/**
 * The bands' colours, from the youngest band (most past items were older when they moved on) to the oldest:
 * green, through yellow and orange, to red, as ActionableAgile colours them. Subtle backgrounds, so the dots
 * and counts drawn over them keep their contrast in both themes.
 */
const BAND_COLOURS = [
  token('color.background.success'),
  token('color.background.accent.lime.subtlest'),
  token('color.background.warning'),
  token('color.background.accent.orange.subtlest'),
  token('color.background.danger'),
] as const;

/** The colour of band `rank` of `count`: the highest band is always the reddest. */
export function bandColour(rank: number, count: number): string {
  const offset = Math.max(0, BAND_COLOURS.length - count);
  return BAND_COLOURS[Math.min(BAND_COLOURS.length - 1, offset + rank)]!;
}

/** Each column's share of its slot: the bands of neighbouring columns stay apart. */
const COLUMN_WIDTH = 0.8;
const DOT_RADIUS = 4;
const DOT_STYLE: DotStyle = { radius: DOT_RADIUS, fill: CHART_COLOURS.mark, fillOpacity: 0.85, edge: CHART_COLOURS.markEdge };
const itemCount = new Intl.NumberFormat('en-US');
/**
 * Aging by stage: a column per stage, its percentile bands behind it, its work in progress counted above it,
 * and a dot per age in it, numbered when several items share it. Walked by keyboard like the scatterplot
 * (arrow keys between dots, left to right and bottom up; Enter opens the first item of the dot).
 */
export function StageAgingChart({ chart, unit, onOpen }: { chart: Chart; unit: string; onOpen?: (key: string) => void }) {
  const { plot } = useChartLayout();
  const ordered = useMemo(() => [...chart.clusters].sort((a, b) => a.column - b.column || a.y - b.y), [chart]);
  const [hovered, setHovered] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const cursor = useMarkCursor(ordered.length);
  const count = chart.columns.length;
  const x = scaleLinear<number>({ domain: [-0.5, count - 0.5], range: [plot.left, plot.right] });
  const highestBand = Math.max(0, ...chart.columns.flatMap((column) => column.bands.map((band) => band.to ?? band.from)));
  const yMax = chart.top ?? Math.max(highestBand, chart.sle?.value ?? 0, ...ordered.map((cluster) => cluster.y));
  const y = valueScale(yMax, plot);
  const top = y.domain()[1]!;
  const half = ((plot.right - plot.left) / Math.max(1, count) / 2) * COLUMN_WIDTH;
  // The dots move only when the clusters or the drawing's size change: a new array repaints the canvas.
  const marks = useMemo(() => {
    const across = scaleLinear<number>({ domain: [-0.5, count - 0.5], range: [plot.left, plot.right] });
    const up = valueScale(yMax, plot);
    return ordered.map((cluster) => ({ x: across(cluster.column), y: up(cluster.y) }));
  }, [ordered, plot, yMax, count]);
  const counts = useMemo(
    () =>
      countPlaces(
        ordered.map((cluster) => ({ items: cluster.keys.length })),
        marks,
        DOT_RADIUS,
      ),
    [ordered, marks],
  );
  const shown = hovered ?? (focused && ordered.length > 0 ? cursor.current : null);
  const shownMark = shown === null ? undefined : marks[shown];
  const shownCluster = shown === null ? undefined : ordered[shown];
  const current = ordered[cursor.current];

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (event.key === 'Enter' && onOpen && current) {
      event.preventDefault();
      onOpen(current.keys[0]!);
      return;
    }
    if (cursor.onKeyDown(event)) setHovered(null);
  };

  return (
    <ChartCanvas
      label={`Aging by stage: ${itemCount.format(chart.items)} items in ${count} columns, as ${itemCount.format(ordered.length)} dots from left to right: arrow keys move between them${
        onOpen ? ', Enter opens the item' : ''
      }.`}
      announcement={
        focused && current
          ? `${chart.columns[current.column]!.name}: ${current.title}. ${itemCount.format(cursor.current + 1)} of ${itemCount.format(ordered.length)}.`
          : ''
      }
      pointing={hovered !== null && onOpen !== undefined}
      onPointAt={(point) => setHovered(nearestMark(marks, point))}
      onLeave={() => setHovered(null)}
      onClick={hovered !== null && onOpen ? () => onOpen(ordered[hovered]!.keys[0]!) : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      backdrop={
        <>
          {chart.columns.map((column, c) =>
            column.bands.map((band) => (
              <rect
                key={`${column.name}-${band.rank}`}
                className="fm-aging-band"
                data-band={band.label}
                x={x(c) - half}
                width={half * 2}
                y={y(Math.min(top, band.to ?? top))}
                height={Math.max(0, y(Math.min(top, band.from)) - y(Math.min(top, band.to ?? top)))}
                fill={bandColour(band.rank, column.bands.length)}
              />
            )),
          )}
          <Axes
            y={y}
            x={x}
            xTicks={chart.columns.map((_, c) => c)}
            xLabel={(c) => chart.columns[Math.round(c)]?.name ?? ''}
            yLabel={unit}
            centred
          />
        </>
      }
      underlay={<DotsCanvas marks={marks} style={DOT_STYLE} />}
      tooltip={
        shownMark && shownCluster ? (
          <ChartTooltip anchor={shownMark} testId="chart-tooltip">
            {shownCluster.title}
          </ChartTooltip>
        ) : null
      }
    >
      <g aria-hidden="true">
        {chart.columns.map((column, c) => (
          <text
            key={column.name}
            className="fm-aging-wip"
            data-testid="aging-wip"
            x={x(c)}
            y={plot.top - 14}
            textAnchor="middle"
            fill={token('color.text')}
          >
            {`WIP ${itemCount.format(column.wip)}`}
          </text>
        ))}
        {chart.sle !== null && (chart.top === null || chart.sle.value <= chart.top) && (
          <>
            <Line
              className="fm-aging-sle"
              from={{ x: plot.left, y: y(chart.sle.value) }}
              to={{ x: plot.right, y: y(chart.sle.value) }}
              stroke={CHART_COLOURS.reference}
              strokeDasharray="4 4"
              strokeWidth={1.5}
            />
            <text
              className="fm-chart-reference-label"
              data-testid="aging-sle-label"
              x={plot.right}
              y={y(chart.sle.value) - 4}
              textAnchor="end"
              fill={CHART_COLOURS.ink}
            >
              {chart.sle.label}
            </text>
          </>
        )}
        {chart.top !== null && (
          <>
            <Line
              className="fm-chart-cap"
              from={{ x: plot.left, y: y(chart.top) }}
              to={{ x: plot.right, y: y(chart.top) }}
              stroke={CHART_COLOURS.ink}
              strokeWidth={1}
            />
            <text
              className="fm-chart-reference-label"
              data-testid="aging-cap-label"
              x={plot.right}
              y={y(chart.top) - 4}
              textAnchor="end"
              fill={CHART_COLOURS.ink}
            >
              {`▲ ${itemCount.format(chart.aboveTop)} older`}
            </text>
          </>
        )}
        {ordered.map((cluster, k) =>
          counts[k] ? (
            // Haloed in the page's colour: the top line, a percentile band's edge or the SLE line may pass behind it.
            <text
              key={`${cluster.column}-${cluster.age}`}
              className="fm-aging-count"
              data-testid="aging-cluster-count"
              data-beyond-top={cluster.beyondTop || undefined}
              x={counts[k].x}
              y={counts[k].y}
              fill={token('color.text')}
              stroke={CHART_COLOURS.surface}
              strokeWidth={3}
              strokeLinejoin="round"
              paintOrder="stroke"
            >
              {cluster.keys.length}
            </text>
          ) : null,
        )}
        {shownMark && (
          <Circle
            className="fm-chart-point fm-chart-point--current"
            cx={shownMark.x}
            cy={shownMark.y}
            r={DOT_RADIUS}
            fill={CHART_COLOURS.mark}
            stroke={CHART_COLOURS.markEdge}
            data-testid="chart-current-dot"
          />
        )}
      </g>
    </ChartCanvas>
  );
}
