import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { DrawingPoint } from './ChartTooltip';
import { blendedDots } from './last-dots-picture';
import { useChartLayout } from './layout';

/** How a dot looks: the colours are design tokens (`var(--ds-…)`), resolved when painting. */
export interface DotStyle {
  radius: number;
  fill: string;
  fillOpacity: number;
  edge: string;
}

/**
 * Thousands of dots painted on one canvas under the chart's drawing. As SVG, each dot is an element to
 * style and lay out; as one SVG path, its outline is slow to rasterise. Here each dot is a copy of one
 * small painted dot, blended in script into one picture, so a dense chart darkens where dots overlap, as
 * separate dots would. The canvas is its own layer: a highlighted dot or a tooltip drawn above it never
 * makes it paint again.
 *
 * It is decoration for the eye only: the dots are named through the chart's keyboard walk, its summary and
 * its table. `data-point-count` says how many dots it holds.
 */
export function DotsCanvas({
  marks,
  style,
}: {
  marks: readonly DrawingPoint[];
  /** A constant: a new object repaints. */ style: DotStyle;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useThemeChanges();
  const layout = useChartLayout();
  // One canvas pixel to each device pixel of the drawing, so the dots are sharp on a high-density screen.
  const pixelRatio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const width = Math.round(layout.width * pixelRatio);
  const height = Math.round(layout.height * pixelRatio);

  // What the canvas shows: the same dots again (a report's scatterplot taking the place of the one kept with the
  // Overview's figures) need no painting, which at 16,000 dots is the longest part of drawing the chart.
  const painted = useRef<{ marks: readonly DrawingPoint[]; style: DotStyle; theme: number; width: number; height: number } | null>(null);
  // Before the browser paints, so the dots appear in the same frame as the rest of the chart.
  useLayoutEffect(() => {
    const element = canvas.current;
    if (element === null) return;
    const shown = painted.current;
    const next = { marks, style, theme, width, height };
    painted.current = next;
    const same =
      shown !== null &&
      shown.style === style &&
      shown.theme === theme &&
      shown.width === width &&
      shown.height === height &&
      samePlaces(shown.marks, marks);
    if (!same) paintDots(element, marks, style, width / layout.width);
  }, [marks, style, theme, width, height, layout.width]);

  return (
    <canvas
      ref={canvas}
      className="fm-chart-dots"
      width={width}
      height={height}
      aria-hidden="true"
      data-point-count={marks.length}
      data-testid="chart-dots"
    />
  );
}

/** Whether two lists of marks put the same dots in the same places, in the same order. */
function samePlaces(a: readonly DrawingPoint[], b: readonly DrawingPoint[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k]!.x !== b[k]!.x || a[k]!.y !== b[k]!.y) return false;
  return true;
}

/**
 * Paints `marks` (in viewBox units) on `canvas`, `scale` canvas pixels to a unit: the model dot is painted once,
 * its copies blended into one picture in script (`compositeDots`, a few tens of milliseconds at 16,000 dots
 * where a `drawImage` per dot took hundreds) and put on the canvas at once. Without `OffscreenCanvas` to
 * paint the model dot on (test environments without a graphics library), nothing is painted.
 */
function paintDots(canvas: HTMLCanvasElement, marks: readonly DrawingPoint[], style: DotStyle, scale: number): void {
  if (typeof OffscreenCanvas === 'undefined') return;
  const context = canvas.getContext('2d');
  if (context === null) return;
  const dot = modelDot(canvas, style, scale);
  const half = dot.width / 2;
  // Each dot's top-left pixel, in one pass: a filter change paints 16,000 dots, and every array of them built
  // on the way is garbage the page's thread collects before the next frame.
  const origins = dotPixels(marks, scale, half);
  // The same dots on a new canvas (a chart handed over, a tab shown again) take the picture last blended.
  const pixels = blendedDots(canvas.width, canvas.height, dot, origins);
  context.putImageData(new ImageData(pixels, canvas.width, canvas.height), 0, 0);
}

/**
 * Where each dot's centre falls on the canvas, in whole pixels (a whole-pixel copy is sharp and quick), less
 * `offset`: given half the model dot's side, where each copy's top-left pixel falls.
 */
export function dotPixels(marks: readonly DrawingPoint[], scale: number, offset = 0): DrawingPoint[] {
  return marks.map(({ x, y }) => ({ x: Math.round(x * scale) - offset, y: Math.round(y * scale) - offset }));
}

/** The model dot last painted, with what it was painted for: a filter change paints the same dot again. */
let lastDot: { style: DotStyle; scale: number; theme: string; dot: ImageData } | null = null;

/**
 * One dot, painted once at the canvas's scale, to be copied for every mark. Its side is an even number of
 * pixels, so its centre, and each copy's origin, fall on whole pixels. Kept while the style, the scale and the
 * theme stay: reading the theme's colours makes the browser work out the page's styles there and then, inside
 * the task that draws the chart.
 */
function modelDot(canvas: HTMLCanvasElement, style: DotStyle, scale: number): ImageData {
  const theme = themeNamed();
  if (lastDot !== null && lastDot.style === style && lastDot.scale === scale && lastDot.theme === theme) return lastDot.dot;
  const dot = paintedDot(canvas, style, scale);
  lastDot = { style, scale, theme, dot };
  return dot;
}

/** The page's theme, as the attributes the host sets name it (those `useThemeChanges` watches). */
function themeNamed(): string {
  const root = document.documentElement;
  return THEME_ATTRIBUTES.map((name) => root.getAttribute(name)).join('|');
}

function paintedDot(canvas: HTMLCanvasElement, style: DotStyle, scale: number): ImageData {
  const radius = style.radius * scale;
  const edgeWidth = scale;
  const size = 2 * Math.ceil(radius + edgeWidth) + 2;
  const dot = new OffscreenCanvas(size, size);
  const context = dot.getContext('2d')!;
  context.beginPath();
  context.arc(size / 2, size / 2, radius, 0, 2 * Math.PI);
  context.globalAlpha = style.fillOpacity;
  context.fillStyle = resolvedColour(canvas, style.fill);
  context.fill();
  context.globalAlpha = 1;
  context.lineWidth = edgeWidth;
  context.strokeStyle = resolvedColour(canvas, style.edge);
  context.stroke();
  return context.getImageData(0, 0, size, size);
}

/** A CSS colour (a design token's `var(--ds-…)` included) as the page's theme resolves it on `element`. */
function resolvedColour(element: HTMLElement, colour: string): string {
  element.style.color = colour;
  return getComputedStyle(element).color;
}

/** The attributes of the page's root element that the host sets to change its theme. */
const THEME_ATTRIBUTES = ['data-color-mode', 'data-theme'];

/** Changes each time the page's theme does (the host may switch it while the page is open). */
function useThemeChanges(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const observer = new MutationObserver(() => setVersion((v) => v + 1));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: THEME_ATTRIBUTES });
    return () => observer.disconnect();
  }, []);
  return version;
}
