import fc from 'fast-check';
import { compositeDots, type DotOrigin, type Picture } from './dot-compositing';

/** A dot two pixels wide: opaque blue on the left, white at 40% on the right. */
const DOT: Picture = { width: 2, height: 1, data: [0, 0, 255, 255, 255, 255, 255, 102] };
const TRANSPARENT = [0, 0, 0, 0];
const BLUE = [0, 0, 255, 255];
const WHITE_40 = [255, 255, 255, 102];

/** The canvas's pixels, one RGBA array each, row by row. */
function pixels(data: Uint8ClampedArray): number[][] {
  const result: number[][] = [];
  for (let at = 0; at < data.length; at += 4) result.push(Array.from(data.subarray(at, at + 4)));
  return result;
}

describe('dots blended into one picture', () => {
  it('copies a dot at its origin, leaving the rest of the canvas transparent', () => {
    expect(pixels(compositeDots(4, 1, DOT, [{ x: 1, y: 0 }]))).toEqual([TRANSPARENT, BLUE, WHITE_40, TRANSPARENT]);
  });

  it('lays a later dot over an earlier one as a canvas’s source-over does', () => {
    // The second dot's opaque blue hides the first's translucent white; its white at 40% over the first's
    // blue gives 0.4 × white + 0.6 × blue = (102, 102, 255), opaque.
    expect(
      pixels(
        compositeDots(3, 1, DOT, [
          { x: 1, y: 0 },
          { x: 0, y: 0 },
        ]),
      ),
    ).toEqual([BLUE, [102, 102, 255, 255], WHITE_40]);
    expect(
      pixels(
        compositeDots(3, 1, DOT, [
          { x: 0, y: 0 },
          { x: 1, y: 0 },
        ]),
      ),
    ).toEqual([BLUE, BLUE, WHITE_40]);
  });

  it('darkens where translucent dots overlap, keeping their colour', () => {
    // Alpha 0.4, then 0.4 + 0.4 × 0.6 = 0.64 (163 of 255); colour (100, 200, 50) throughout.
    const dot: Picture = { width: 1, height: 1, data: [100, 200, 50, 102] };
    expect(pixels(compositeDots(1, 1, dot, [{ x: 0, y: 0 }]))).toEqual([[100, 200, 50, 102]]);
    expect(
      pixels(
        compositeDots(1, 1, dot, [
          { x: 0, y: 0 },
          { x: 0, y: 0 },
        ]),
      ),
    ).toEqual([[100, 200, 50, 163]]);
  });

  it('leaves out what falls beyond the canvas’s edges, and dots wholly beyond them', () => {
    // Across the left edge, across the right edge, and above, below and beside the canvas.
    const origins = [
      { x: -1, y: 0 },
      { x: 2, y: 1 },
      { x: 0, y: -1 },
      { x: 0, y: 2 },
      { x: 5, y: 0 },
      { x: -2, y: 1 },
    ];
    expect(pixels(compositeDots(3, 2, DOT, origins))).toEqual([WHITE_40, TRANSPARENT, TRANSPARENT, TRANSPARENT, TRANSPARENT, BLUE]);
  });

  it('places a dot of several rows by its top-left pixel', () => {
    const square: Picture = { width: 2, height: 2, data: [...BLUE, ...WHITE_40, ...WHITE_40, ...BLUE] };
    expect(pixels(compositeDots(3, 3, square, [{ x: 1, y: 1 }]))).toEqual([
      TRANSPARENT,
      TRANSPARENT,
      TRANSPARENT,
      TRANSPARENT,
      BLUE,
      WHITE_40,
      TRANSPARENT,
      WHITE_40,
      BLUE,
    ]);
  });

  it('gives, over random dots and canvases, the picture of a plain byte-by-byte source-over, dot after dot', () => {
    // Canvases a few thousand pixels wide are blended band by band; each pixel must still take its dots in order.
    const canvas = fc.oneof(
      fc.record({ width: fc.integer({ min: 1, max: 40 }), height: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ width: fc.integer({ min: 1_500, max: 4_000 }), height: fc.integer({ min: 1, max: 150 }) }),
    );
    const alpha = fc.oneof(fc.constant(0), fc.constant(255), fc.integer({ min: 0, max: 255 }));
    const dot = fc.record({ width: fc.integer({ min: 1, max: 12 }), height: fc.integer({ min: 1, max: 12 }) }).chain(({ width, height }) =>
      fc
        .array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), alpha), {
          minLength: width * height,
          maxLength: width * height,
        })
        .map((pixels): Picture => ({ width, height, data: pixels.flat() })),
    );
    const dotsOn = fc.tuple(canvas, dot).chain(([{ width, height }, picture]) =>
      fc.tuple(
        fc.constant({ width, height, picture }),
        // Most near the canvas's left corner, so they overlap; some across or beyond any edge.
        fc.array(
          fc.record({
            x: fc.oneof(fc.integer({ min: -2, max: 30 }), fc.integer({ min: -picture.width - 1, max: width + 1 })),
            y: fc.integer({ min: -picture.height - 1, max: height + 1 }),
          }),
          { maxLength: 300 },
        ),
      ),
    );
    fc.assert(
      fc.property(dotsOn, ([{ width, height, picture }, origins]) => {
        const blended = compositeDots(width, height, picture, origins);
        const expected = plainSourceOver(width, height, picture, origins);
        return blended.every((byte, at) => byte === expected[at]);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * What a canvas does, written plainly: each dot's pixels, colours multiplied by alpha, blended one byte at a time
 * over what lies under them (`source + under × (255 − source alpha) / 255`, rounded), then divided by alpha again.
 */
function plainSourceOver(width: number, height: number, dot: Picture, origins: readonly DotOrigin[]): Uint8ClampedArray {
  const premultiplied = new Uint8ClampedArray(4);
  const canvas = new Uint8ClampedArray(width * height * 4);
  for (const { x, y } of origins)
    for (let row = 0; row < dot.height; row++)
      for (let column = 0; column < dot.width; column++) {
        const from = (row * dot.width + column) * 4;
        const alpha = dot.data[from + 3]!;
        if (alpha === 0 || x + column < 0 || x + column >= width || y + row < 0 || y + row >= height) continue;
        for (let c = 0; c < 3; c++) premultiplied[c] = (dot.data[from + c]! * alpha) / 255;
        premultiplied[3] = alpha;
        const to = ((y + row) * width + x + column) * 4;
        for (let c = 0; c < 4; c++) {
          const product = canvas[to + c]! * (255 - alpha) + 128;
          canvas[to + c] = premultiplied[c]! + ((product + (product >> 8)) >> 8);
        }
      }
  for (let to = 0; to < canvas.length; to += 4) {
    const alpha = canvas[to + 3]!;
    if (alpha === 0 || alpha === 255) continue;
    // Times 255 / alpha, rounded, as the blending does (not × 255 then ÷ alpha: a half can round the other way).
    const scale = 255 / alpha;
    for (let c = 0; c < 3; c++) canvas[to + c] = canvas[to + c]! * scale;
  }
  return canvas;
}
