import { compositeDots, type Picture } from './dot-compositing';

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
});
