import { token } from '@atlaskit/tokens';

/**
 * The charts' colours, all design tokens: `token()` yields `var(--ds-…)`, which the page's theme stylesheet
 * resolves, so the same drawing is right in light and dark themes.
 */
export const CHART_COLOURS = {
  grid: token('color.border'),
  ink: token('color.text.subtle'),
  /** The page behind the chart, to separate a highlighted mark from what it overlaps. */
  surface: token('elevation.surface'),
  /** Bars, lines and dots: one item or one period. */
  mark: token('color.chart.brand'),
  markHovered: token('color.chart.brand.hovered'),
  markEdge: token('color.chart.blue.bolder'),
  /** A trend drawn over the marks, such as a moving average. */
  trend: token('color.chart.warning.bold'),
  /** Reference lines such as percentiles. */
  reference: token('color.chart.danger'),
} as const;

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

/** The colour of series `index` in a chart of several (stages of a cumulative flow diagram). */
export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}
