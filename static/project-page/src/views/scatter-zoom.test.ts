import { clampRange, dragRange, MIN_ZOOM_DAYS, pan, zoomIn, zoomOut } from './scatter-zoom';

const PERIOD = { from: 100, to: 459 }; // 360 days

describe('zooming the scatterplot into dates', () => {
  it('takes the days a drag covers, in either direction, kept inside the period', () => {
    expect(dragRange(250.4, 200.6, PERIOD)).toEqual({ from: 201, to: 250 });
    expect(dragRange(50, 130, PERIOD)).toEqual({ from: 100, to: 130 });
  });

  it('widens a range shorter than a week, and gives the whole period back as no zoom', () => {
    expect(dragRange(300, 301, PERIOD)).toEqual({ from: 300, to: 300 + MIN_ZOOM_DAYS - 1 });
    expect(clampRange({ from: 0, to: 1000 }, PERIOD)).toBeNull();
  });

  it('zooms in around the middle, halving the days, down to a week', () => {
    expect(zoomIn(null, PERIOD)).toEqual({ from: 190, to: 369 });
    let range = zoomIn(null, PERIOD);
    for (let i = 0; i < 10; i++) range = zoomIn(range, PERIOD);
    expect(range!.to - range!.from + 1).toBe(MIN_ZOOM_DAYS);
  });

  it('zooms out around the middle, back to the whole period', () => {
    expect(zoomOut({ from: 190, to: 369 }, PERIOD)).toBeNull();
    expect(zoomOut({ from: 250, to: 279 }, PERIOD)).toEqual({ from: 235, to: 294 });
    expect(zoomOut(null, PERIOD)).toBeNull();
  });

  it('moves earlier and later by half the range, stopping at the ends of the period', () => {
    expect(pan({ from: 200, to: 259 }, PERIOD, -1)).toEqual({ from: 170, to: 229 });
    expect(pan({ from: 110, to: 169 }, PERIOD, -1)).toEqual({ from: 100, to: 159 });
    expect(pan({ from: 420, to: 449 }, PERIOD, 1)).toEqual({ from: 430, to: 459 });
  });
});
