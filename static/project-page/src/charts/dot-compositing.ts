/**
 * Copies of one small painted dot, blended into one picture the size of the canvas, the way a canvas would
 * draw each copy with `drawImage` at whole-pixel offsets ("source-over": a dot covers what lies under it as
 * much as it is opaque, so overlapping dots darken). Done in plain arrays rather than by the canvas: one
 * `drawImage` per dot costs the browser far more than blending its few dozen pixels (a few hundred on a high-density screen), and a chart of a big
 * project holds 16,000 dots.
 */

/** A picture as `ImageData` holds it: rows of RGBA bytes, colours not multiplied by their alpha. */
export interface Picture {
  width: number;
  height: number;
  data: ArrayLike<number>;
}

/** Where a dot's top-left pixel falls on the canvas, in whole pixels. */
export interface DotOrigin {
  x: number;
  y: number;
}

/**
 * The canvas (`width` × `height`, transparent at first) with a copy of `dot` at each of `origins`, later
 * dots over earlier ones; the parts of a dot beyond the canvas's edges are left out. The result is ready
 * for `new ImageData(result, width, height)`.
 */
export function compositeDots(width: number, height: number, dot: Picture, origins: readonly DotOrigin[]): Uint8ClampedArray<ArrayBuffer> {
  // Blended with colours multiplied by alpha, as a canvas does: then source-over is `src + dst × (1 − src alpha)`,
  // worked out on a pixel's four bytes at once as one 32-bit word.
  const bytes = new Uint8ClampedArray(width * height * 4);
  const canvas = new Int32Array(bytes.buffer);
  const model = visiblePixels(dot, width);
  // Band by band down the canvas, each band's dots in their order: a band stays in the processor's cache while its
  // dots are blended, where dots scattered over the whole canvas (megabytes on a high-density screen) each fetched
  // their rows from memory. Every pixel still takes the dots over it in their order, so the picture is the same.
  const bandRows = Math.max(1, Math.floor(BAND_WORDS / Math.max(1, width)));
  const bands = Math.ceil(height / bandRows);
  const { xs, ys, firstOfBand, dotsOfBands } = dotsByBand(origins, dot.height, height, bandRows, bands);
  // The pixels the dots cover, each listed when the first dot over it is blended, when they are few beside the
  // canvas: only those are then taken back from their premultiplied form, rather than every pixel of a canvas most
  // of which no dot covers (the chart of a short period: a few thousand dots on half a million pixels).
  const covered =
    origins.length * model.count <= (width * height) / COVERED_LISTED_UP_TO ? new Int32Array(origins.length * model.count) : null;
  let coveredCount = 0;
  for (let band = 0; band < bands; band++) {
    const top = band * bandRows;
    const bottom = Math.min(top + bandRows, height);
    for (let k = firstOfBand[band]!; k < firstOfBand[band + 1]!; k++) {
      const d = dotsOfBands[k]!;
      const x = xs[d]!;
      const y = ys[d]!;
      // The dot's rows in this band, and so the run of its visible pixels to blend.
      const first = model.firstOfRow[Math.max(top - y, 0)]!;
      const end = model.firstOfRow[Math.min(bottom - y, dot.height)]!;
      if (x >= 0 && x + dot.width <= width) coveredCount = blendWhole(canvas, model, y * width + x, first, end, covered, coveredCount);
      else coveredCount = blendClipped(canvas, width, model, x, y, first, end, covered, coveredCount);
    }
  }
  if (covered === null) unpremultiply(bytes, canvas);
  else unpremultiplyCovered(bytes, covered, coveredCount);
  return bytes;
}

/** The pixels covered are listed when the dots' pixels are at most the canvas's divided by this (see `compositeDots`). */
const COVERED_LISTED_UP_TO = 2;

/** Pixels in a band of the canvas: a quarter of a megabyte, to stay in a processor's second-level cache. */
const BAND_WORDS = 65_536;

/**
 * The dots' origins in two arrays, and the dots over each band of `bandRows` rows, in their order: band `b`'s
 * are `dotsOfBands[firstOfBand[b]]` to `dotsOfBands[firstOfBand[b + 1] - 1]`. Dots wholly above or below the
 * canvas are in no band.
 */
function dotsByBand(origins: readonly DotOrigin[], dotHeight: number, height: number, bandRows: number, bands: number) {
  const count = origins.length;
  const xs = new Int32Array(count);
  const ys = new Int32Array(count);
  const firstOfBand = new Int32Array(bands + 1);
  for (let d = 0; d < count; d++) {
    const { x, y } = origins[d]!;
    xs[d] = x;
    ys[d] = y;
    if (y + dotHeight <= 0 || y >= height) continue;
    const last = Math.floor(Math.min(y + dotHeight - 1, height - 1) / bandRows);
    for (let band = Math.floor(Math.max(y, 0) / bandRows); band <= last; band++) firstOfBand[band + 1] = firstOfBand[band + 1]! + 1;
  }
  for (let band = 0; band < bands; band++) firstOfBand[band + 1] = firstOfBand[band + 1]! + firstOfBand[band]!;
  const dotsOfBands = new Int32Array(firstOfBand[bands]!);
  const next = firstOfBand.slice(0, bands);
  for (let d = 0; d < count; d++) {
    const y = ys[d]!;
    if (y + dotHeight <= 0 || y >= height) continue;
    const last = Math.floor(Math.min(y + dotHeight - 1, height - 1) / bandRows);
    for (let band = Math.floor(Math.max(y, 0) / bandRows); band <= last; band++) dotsOfBands[next[band]!++] = d;
  }
  return { xs, ys, firstOfBand, dotsOfBands };
}

/** The dot's pixels that are not fully transparent, each with its colour and where it falls from the dot's origin. */
interface ModelPixels {
  count: number;
  /** Per pixel: red, green, blue and alpha bytes, the colours multiplied by alpha, as one word. */
  colour: Int32Array;
  /** Per pixel: how much of what lies under it shows through, 255 − alpha. */
  showThrough: Int32Array;
  column: Int32Array;
  row: Int32Array;
  /** Per pixel: its offset from the dot's origin in a canvas `canvasWidth` pixels wide. */
  offset: Int32Array;
  /** Per row of the dot, and one past its last: the first of the pixels above, which are in row order. */
  firstOfRow: Int32Array;
}

function visiblePixels(dot: Picture, canvasWidth: number): ModelPixels {
  const indices: number[] = [];
  for (let i = 0; i < dot.width * dot.height; i++) if (dot.data[i * 4 + 3]! > 0) indices.push(i);
  const count = indices.length;
  const colourBytes = new Uint8ClampedArray(count * 4);
  const model: ModelPixels = {
    count,
    colour: new Int32Array(colourBytes.buffer),
    showThrough: new Int32Array(count),
    column: new Int32Array(count),
    row: new Int32Array(count),
    offset: new Int32Array(count),
    firstOfRow: new Int32Array(dot.height + 1),
  };
  indices.forEach((i, p) => {
    const alpha = dot.data[i * 4 + 3]!;
    // A Uint8ClampedArray rounds what it is given to the nearest byte.
    for (let c = 0; c < 3; c++) colourBytes[p * 4 + c] = (dot.data[i * 4 + c]! * alpha) / 255;
    colourBytes[p * 4 + 3] = alpha;
    model.showThrough[p] = 255 - alpha;
    model.column[p] = i % dot.width;
    model.row[p] = Math.floor(i / dot.width);
    model.offset[p] = model.row[p] * canvasWidth + model.column[p];
    model.firstOfRow[model.row[p] + 1] = p + 1;
  });
  // A row without visible pixels starts where the row above ends.
  for (let row = 1; row <= dot.height; row++) model.firstOfRow[row] = Math.max(model.firstOfRow[row]!, model.firstOfRow[row - 1]!);
  return model;
}

/**
 * Pixels `first` to `end` − 1 of a dot whose columns are all on the canvas, its origin at pixel `origin`: no pixel
 * needs checking. A pixel no dot covered yet is added to `covered` (when listed) after the `count` there: the count after.
 */
function blendWhole(
  canvas: Int32Array,
  model: ModelPixels,
  origin: number,
  first: number,
  end: number,
  covered: Int32Array | null,
  count: number,
): number {
  for (let p = first; p < end; p++) {
    const at = origin + model.offset[p]!;
    const under = canvas[at]!;
    if (under === 0 && covered !== null) covered[count++] = at;
    canvas[at] = sourceOver(model.colour[p]!, model.showThrough[p]!, under);
  }
  return count;
}

/**
 * Pixels `first` to `end` − 1 (rows on the canvas) of a dot across its left or right edge: only those on the canvas
 * are blended, and listed in `covered` as `blendWhole` lists them.
 */
function blendClipped(
  canvas: Int32Array,
  width: number,
  model: ModelPixels,
  x: number,
  y: number,
  first: number,
  end: number,
  covered: Int32Array | null,
  count: number,
): number {
  for (let p = first; p < end; p++) {
    const column = x + model.column[p]!;
    if (column < 0 || column >= width) continue;
    const at = (y + model.row[p]!) * width + column;
    const under = canvas[at]!;
    if (under === 0 && covered !== null) covered[count++] = at;
    canvas[at] = sourceOver(model.colour[p]!, model.showThrough[p]!, under);
  }
  return count;
}

/**
 * `source` over `under` (both premultiplied pixels as words), `showThrough` being 255 − the source's alpha:
 * each byte is `source + under × showThrough / 255`, rounded. Two bytes are scaled at once, 16 bits apart
 * (no byte's product exceeds 16 bits), and no sum carries into the next byte, as a premultiplied colour
 * never exceeds its alpha. The words stay 32-bit integers throughout (`Math.imul`, `| 0`), which the
 * script engine works out fastest; only their bits matter.
 */
function sourceOver(source: number, showThrough: number, under: number): number {
  if (under === 0 || showThrough === 0) return source;
  const evenBytes = divideBy255(Math.imul(under & 0xff00ff, showThrough));
  const oddBytes = divideBy255(Math.imul((under >>> 8) & 0xff00ff, showThrough));
  return (source + (evenBytes | (oddBytes << 8))) | 0;
}

/** Two 16-bit products side by side, each divided by 255 and rounded: `(v + 128 + ((v + 128) >> 8)) >> 8`. */
function divideBy255(pair: number): number {
  const rounded = (pair + 0x800080) | 0;
  return (((rounded + ((rounded >>> 8) & 0xff00ff)) | 0) >>> 8) & 0xff00ff;
}

/** From colours multiplied by alpha back to the plain colours `ImageData` holds (`words`: the same pixels as words). */
function unpremultiply(bytes: Uint8ClampedArray, words: Int32Array): void {
  for (let pixel = 0; pixel < words.length; pixel++) {
    if (words[pixel] === 0) continue; // most of a canvas: no dot there
    unpremultiplyPixel(bytes, pixel * 4);
  }
}

/** `unpremultiply` of the pixels listed, the first `count` of `covered` (each pixel a dot covers, once). */
function unpremultiplyCovered(bytes: Uint8ClampedArray, covered: Int32Array, count: number): void {
  for (let k = 0; k < count; k++) unpremultiplyPixel(bytes, covered[k]! * 4);
}

/** One pixel, its bytes from `at`, back from colours multiplied by alpha. */
function unpremultiplyPixel(bytes: Uint8ClampedArray, at: number): void {
  const alpha = bytes[at + 3]!;
  if (alpha === 255) return;
  const scale = 255 / alpha;
  bytes[at] = bytes[at]! * scale;
  bytes[at + 1] = bytes[at + 1]! * scale;
  bytes[at + 2] = bytes[at + 2]! * scale;
}
