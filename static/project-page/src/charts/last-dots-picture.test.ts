import { compositeDots, type Picture } from './dot-compositing';
import { blendedDots } from './last-dots-picture';

const DOT: Picture = { width: 2, height: 1, data: [0, 0, 255, 255, 255, 255, 255, 102] };

describe('the last picture of dots blended', () => {
  it('is given again for the same dot at the same places on a canvas of the same size, blended once', () => {
    const first = blendedDots(4, 2, DOT, [
      { x: 1, y: 0 },
      { x: 0, y: 1 },
    ]);
    expect(first).toEqual(
      compositeDots(4, 2, DOT, [
        { x: 1, y: 0 },
        { x: 0, y: 1 },
      ]),
    );
    // Other objects, the same places: the chart drawn again on a new canvas.
    expect(
      blendedDots(4, 2, DOT, [
        { x: 1, y: 0 },
        { x: 0, y: 1 },
      ]),
    ).toBe(first);
  });

  it('is blended anew for other places, another canvas size or another dot', () => {
    const first = blendedDots(4, 2, DOT, [{ x: 1, y: 0 }]);
    const moved = blendedDots(4, 2, DOT, [{ x: 2, y: 0 }]);
    expect(moved).not.toBe(first);
    expect(moved).toEqual(compositeDots(4, 2, DOT, [{ x: 2, y: 0 }]));
    expect(blendedDots(5, 2, DOT, [{ x: 2, y: 0 }])).toHaveLength(5 * 2 * 4);
    const otherDot: Picture = { ...DOT, data: [255, 0, 0, 255, 0, 0, 0, 0] };
    expect(blendedDots(5, 2, otherDot, [{ x: 2, y: 0 }])).toEqual(compositeDots(5, 2, otherDot, [{ x: 2, y: 0 }]));
  });
});
