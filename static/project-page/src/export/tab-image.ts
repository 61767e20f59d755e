/**
 * A tab's charts as one standalone SVG document, drawn as the reader sees them: each chart's title, its
 * layers (axes and gridlines, painted dots, the drawing over them) and a caption saying what is shown.
 *
 * The page's charts are styled with design tokens (`var(--ds-…)`) from its stylesheets, which a file on its
 * own does not have: every style that draws is copied from the browser's computed style onto the copy as a
 * presentation attribute, so the tokens become the colours of the theme in use. Attributes rather than a
 * `style` attribute: presentation attributes are not styles a Content Security Policy could refuse.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

/** The computed properties that change how an SVG mark is drawn. */
const DRAWN_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
] as const;

const PADDING = 16;
const TITLE_HEIGHT = 24;
const CHART_GAP = 16;
const CAPTION_LINE_HEIGHT = 16;
const CAPTION_FONT_SIZE = 12;
/** Average width of a caption character in units, to wrap the caption's phrases into lines. */
const CAPTION_CHARACTER_WIDTH = 6.4;

export interface TabImage {
  svg: string;
  width: number;
  height: number;
}

/** Attributes that concern the page, not the drawing. */
const PAGE_ATTRIBUTES = new Set(['class', 'style', 'tabindex', 'role', 'aria-label', 'aria-hidden', 'aria-live', 'data-testid']);

/**
 * A copy of `source` and its descendants with the drawn styles of each written on it as attributes. Built
 * element by element rather than cloned: a clone would copy `style` attributes, which the page's policy
 * refuses to parse (and reports) even on an element never shown. Null for what is not drawn.
 */
function drawnCopy(source: Element): Element | null {
  const computed = getComputedStyle(source);
  if (computed.display === 'none' || computed.visibility === 'hidden') return null;
  const copy = document.createElementNS(SVG_NS, source.localName);
  for (const attribute of Array.from(source.attributes)) {
    if (!PAGE_ATTRIBUTES.has(attribute.name) && !attribute.name.startsWith('on')) copy.setAttribute(attribute.name, attribute.value);
  }
  for (const property of DRAWN_PROPERTIES) {
    const value = computed.getPropertyValue(property);
    if (value !== '' && !value.includes('var(')) copy.setAttribute(property, value);
  }
  // An inner svg shows what overflows it only by its style, which is not copied.
  if (source.localName === 'svg') copy.setAttribute('overflow', computed.overflow || 'visible');
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) copy.append(child.textContent ?? '');
    else if (child instanceof Element) {
      const drawn = drawnCopy(child);
      if (drawn) copy.append(drawn);
    }
  }
  return copy;
}

function element<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const made = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) made.setAttribute(key, String(value));
  return made;
}

/** The viewBox size of a chart's drawing (one unit to a CSS pixel of its layout). */
function viewBoxOf(svg: SVGSVGElement): { width: number; height: number } {
  const [, , width = 0, height = 0] = (svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  return { width, height };
}

/** Phrases joined with " · " into lines no wider than `width`. */
function wrapPhrases(phrases: readonly string[], width: number): string[] {
  const perLine = Math.max(20, Math.floor(width / CAPTION_CHARACTER_WIDTH));
  const lines: string[] = [];
  for (const phrase of phrases) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 3 + phrase.length <= perLine) lines[lines.length - 1] = `${last} · ${phrase}`;
    else lines.push(phrase);
  }
  return lines;
}

/**
 * The charts of `panel` (each `figure.fm-chart`) stacked in one SVG, with `caption` (groups of phrases, each
 * group starting a new line) beneath them. Null when the panel has no chart.
 */
export function tabImage(panel: Element, caption: ReadonlyArray<readonly string[]>): TabImage | null {
  const charts = Array.from(panel.querySelectorAll('figure.fm-chart')).flatMap((figure) => {
    const drawing = figure.querySelector<SVGSVGElement>('.fm-chart-canvas > svg.fm-chart-svg:not(.fm-chart-layer)');
    if (!drawing) return [];
    return [{ figure, drawing, size: viewBoxOf(drawing) }];
  });
  if (charts.length === 0) return null;

  const pageStyle = getComputedStyle(panel);
  const textColour = pageStyle.color || '#172b4d';
  const background = getComputedStyle(document.body).backgroundColor;
  const fontFamily = pageStyle.fontFamily || 'sans-serif';
  const width = Math.ceil(Math.max(...charts.map((chart) => chart.size.width)) + 2 * PADDING);
  const captionLines = caption.flatMap((group) => wrapPhrases(group, width - 2 * PADDING));

  // The serializer writes the namespace of an element made in it; an xmlns attribute as well would be written twice.
  const root = element('svg', { 'font-family': fontFamily });
  const backdrop = element('rect', {
    x: 0,
    y: 0,
    width,
    height: 0,
    fill: background && background !== 'rgba(0, 0, 0, 0)' ? background : '#ffffff',
  });
  root.append(backdrop);

  let y = PADDING;
  for (const { figure, drawing, size } of charts) {
    const title = figure.querySelector('p')?.textContent ?? '';
    const heading = element('text', { x: PADDING, y: y + 16, fill: textColour, 'font-size': 14, 'font-weight': 600 });
    heading.textContent = title;
    root.append(heading);
    y += TITLE_HEIGHT;
    const place = { x: PADDING, y, width: size.width, height: size.height };
    // Paint order as on the page: the layer beneath (axes), then the dots, then the drawing.
    const canvasBox = drawing.parentElement!;
    for (const layer of Array.from(canvasBox.querySelectorAll<SVGSVGElement>(':scope > svg.fm-chart-layer'))) {
      const copy = drawnCopy(layer);
      if (!copy) continue;
      copy.setAttribute('overflow', 'visible');
      for (const [key, value] of Object.entries(place)) copy.setAttribute(key, String(value));
      root.append(copy);
    }
    for (const dots of Array.from(canvasBox.querySelectorAll('canvas'))) {
      const painted = dots.toDataURL('image/png');
      if (painted.startsWith('data:image/png')) root.append(element('image', { ...place, href: painted, preserveAspectRatio: 'none' }));
    }
    const copy = drawnCopy(drawing);
    if (copy) {
      for (const [key, value] of Object.entries(place)) copy.setAttribute(key, String(value));
      copy.setAttribute('overflow', 'visible');
      root.append(copy);
    }
    y += size.height + CHART_GAP;
  }

  const captionText = element('text', { x: PADDING, y, fill: textColour, 'font-size': CAPTION_FONT_SIZE, 'data-export-caption': 'true' });
  captionLines.forEach((line, index) => {
    const span = element('tspan', { x: PADDING, dy: index === 0 ? CAPTION_FONT_SIZE : CAPTION_LINE_HEIGHT });
    span.textContent = line;
    captionText.append(span);
  });
  root.append(captionText);
  const height = Math.ceil(y + captionLines.length * CAPTION_LINE_HEIGHT + PADDING);
  backdrop.setAttribute('height', String(height));
  for (const [key, value] of Object.entries({ width, height, viewBox: `0 0 ${width} ${height}` })) root.setAttribute(key, String(value));
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}
