import { countPlaces } from './aging-count-places';
import { CHARACTER_WIDTH } from './layout';

/** What Chromium measured for a count of the charts' 11px text: 12 to 15 pixels high, 6.1 to 7 pixels a digit. */
const BROWSER_LINE_BOX = 14;
const BROWSER_DIGIT_WIDTH = 7;

/** A count's box as a browser draws it, a little wider than the layout's estimate of a digit. */
function box(place: { x: number; y: number }, items: number) {
  const right = place.x + String(items).length * Math.max(CHARACTER_WIDTH, BROWSER_DIGIT_WIDTH);
  return { left: place.x, right, top: place.y - BROWSER_LINE_BOX, bottom: place.y };
}

const overlaps = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) =>
  !(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top);

/** A small deterministic generator, so a failing layout can be replayed from its seed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('where the aging chart writes its counts', () => {
  it('writes nothing beside a dot of one item, and a count just right of its dot, level with it', () => {
    expect(
      countPlaces(
        [{ items: 1 }, { items: 3 }],
        [
          { x: 10, y: 50 },
          { x: 10, y: 200 },
        ],
        4,
      ),
    ).toEqual([null, { x: 16, y: 204 }]);
  });

  it('writes the count of a dot a line of text above another beside it, not over it', () => {
    // 11.84 pixels apart: more than the text's size, less than the box a browser gives it (seen covering 0.16 px).
    const [lower, upper] = countPlaces(
      [{ items: 3 }, { items: 2 }],
      [
        { x: 200, y: 298.4 },
        { x: 200, y: 286.56 },
      ],
      4,
    );
    expect(overlaps(box(lower!, 3), box(upper!, 2))).toBe(false);
  });

  it('keeps every count clear of every other, in the same column or spilled from the one on its left', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const columns = 1 + Math.floor(next() * 6);
      const dots = Array.from({ length: 2 + Math.floor(next() * 40) }, () => ({
        items: 1 + Math.floor(next() ** 3 * 120),
        column: Math.floor(next() * columns),
        y: 20 + next() * 300,
      })).sort((a, b) => a.column - b.column || a.y - b.y);
      // Columns 40 pixels apart: a crowded column's counts reach into the next.
      const marks = dots.map((dot) => ({ x: 40 + dot.column * 40, y: dot.y }));
      const places = countPlaces(dots, marks, 4);
      const boxes = places.flatMap((place, k) => (place ? [box(place, dots[k]!.items)] : []));
      for (const [k, a] of boxes.entries())
        for (const b of boxes.slice(k + 1)) if (overlaps(a, b)) throw new Error(`seed ${seed}: ${JSON.stringify([a, b])}`);
    }
  });
});
