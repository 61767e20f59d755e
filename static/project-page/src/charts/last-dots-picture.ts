import { compositeDots, type DotOrigin, type Picture } from './dot-compositing';

/** The last picture of dots blended, with what it was blended from. */
let last: { width: number; height: number; dot: Picture; origins: readonly DotOrigin[]; pixels: Uint8ClampedArray<ArrayBuffer> } | null =
  null;

/**
 * The dots blended into one picture (see `compositeDots`), or the last picture blended when it was blended from the
 * same model dot at the same places on a canvas of the same size. A chart drawn again on a new canvas is then not
 * blended again: the scatterplot kept with the Overview's figures handed over to the report's tabs (the same dots,
 * in a new tree of the page), or the Cycle time tab shown again after another tab. Blending 14,000 dots is the
 * longest part of drawing the chart; comparing their places takes a fraction of a millisecond. The picture is
 * shared: whoever is given it copies it (`putImageData`) and never changes it.
 */
export function blendedDots(width: number, height: number, dot: Picture, origins: readonly DotOrigin[]): Uint8ClampedArray<ArrayBuffer> {
  if (last !== null && last.width === width && last.height === height && last.dot === dot && sameOrigins(last.origins, origins))
    return last.pixels;
  const pixels = compositeDots(width, height, dot, origins);
  last = { width, height, dot, origins, pixels };
  return pixels;
}

function sameOrigins(a: readonly DotOrigin[], b: readonly DotOrigin[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k]!.x !== b[k]!.x || a[k]!.y !== b[k]!.y) return false;
  return true;
}
