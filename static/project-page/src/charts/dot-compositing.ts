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
  for (const { x, y } of origins) {
    if (x >= 0 && y >= 0 && x + dot.width <= width && y + dot.height <= height) blendWhole(canvas, model, y * width + x);
    else blendClipped(canvas, width, height, model, x, y);
  }
  unpremultiply(bytes, canvas);
  return bytes;
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
  });
  return model;
}

/** A dot wholly on the canvas, its origin at pixel `origin`: no pixel needs checking. */
function blendWhole(canvas: Int32Array, model: ModelPixels, origin: number): void {
  for (let p = 0; p < model.count; p++) {
    const at = origin + model.offset[p]!;
    canvas[at] = sourceOver(model.colour[p]!, model.showThrough[p]!, canvas[at]!);
  }
}

/** A dot across the canvas's edges, or beyond them: only its pixels on the canvas are blended. */
function blendClipped(canvas: Int32Array, width: number, height: number, model: ModelPixels, x: number, y: number): void {
  for (let p = 0; p < model.count; p++) {
    const column = x + model.column[p]!;
    const row = y + model.row[p]!;
    if (column < 0 || column >= width || row < 0 || row >= height) continue;
    const at = row * width + column;
    canvas[at] = sourceOver(model.colour[p]!, model.showThrough[p]!, canvas[at]!);
  }
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
    const at = pixel * 4;
    const alpha = bytes[at + 3]!;
    if (alpha === 255) continue;
    const scale = 255 / alpha;
    bytes[at] = bytes[at]! * scale;
    bytes[at + 1] = bytes[at + 1]! * scale;
    bytes[at + 2] = bytes[at + 2]! * scale;
  }
}
