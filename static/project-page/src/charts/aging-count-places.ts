import { CENTRE_TO_BASELINE, CHARACTER_WIDTH, LINE_HEIGHT } from './layout';

/** The room kept between two counts side by side, in pixels. */
const COUNT_GAP = 4;

/** A dot of the aging chart, by the number of items it stands for. */
interface CountedDot {
  readonly items: number;
}

/** Where a count is written: its text's start and baseline. */
export interface CountPlace {
  readonly x: number;
  readonly y: number;
}

/**
 * Where each dot's count is written (null for a dot of one item): beside its dot, or, where a count already
 * written there would be covered (ages a day apart lie a pixel or two apart on a long axis, and a count spilled
 * from the column on its left may reach it), further right, so the counts of a crowded chart stand side by side.
 * Two counts are apart when their boxes are: a line of text's full height (`LINE_HEIGHT`, more than the digits
 * themselves, as a browser measures it) and each digit's width.
 */
export function countPlaces(
  dots: readonly CountedDot[],
  marks: ReadonlyArray<{ x: number; y: number }>,
  dotRadius: number,
): Array<CountPlace | null> {
  const placed: Array<{ left: number; right: number; y: number }> = [];
  return dots.map((dot, k) => {
    if (dot.items < 2) return null;
    const width = String(dot.items).length * CHARACTER_WIDTH;
    const y = marks[k]!.y + CENTRE_TO_BASELINE;
    let left = marks[k]!.x + dotRadius + 2;
    for (let moved = true; moved;) {
      moved = false;
      for (const other of placed) {
        const level = Math.abs(other.y - y) < LINE_HEIGHT;
        if (level && left < other.right + COUNT_GAP && other.left < left + width + COUNT_GAP) {
          left = other.right + COUNT_GAP;
          moved = true;
        }
      }
    }
    placed.push({ left, right: left + width, y });
    return { x: left, y };
  });
}
