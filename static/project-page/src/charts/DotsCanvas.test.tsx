/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { DotsCanvas, dotPixels } from './DotsCanvas';
import { chartLayout, ChartLayoutContext } from './layout';

const STYLE = { radius: 3, fill: 'var(--ds-chart-brand)', fillOpacity: 0.7, edge: 'var(--ds-chart-blue-bolder)' };

describe('dots on a canvas', () => {
  it('places each dot on the canvas’s whole pixels, scaled from the viewBox', () => {
    expect(
      dotPixels(
        [
          { x: 10, y: 20 },
          { x: 33.3, y: 5.06 },
        ],
        1.5,
      ),
    ).toEqual([
      { x: 15, y: 30 },
      { x: 50, y: 8 },
    ]);
  });

  it('holds a device pixel for each pixel of the drawing as laid out, and says how many dots it holds', () => {
    const ratio = jest.replaceProperty(window, 'devicePixelRatio', 2);
    try {
      render(
        <ChartLayoutContext.Provider value={chartLayout(800)}>
          <DotsCanvas
            marks={[
              { x: 1, y: 2 },
              { x: 3, y: 4 },
            ]}
            style={STYLE}
          />
        </ChartLayoutContext.Provider>,
      );
    } finally {
      ratio.restore();
    }
    const canvas = screen.getByTestId('chart-dots');
    expect(canvas.getAttribute('data-point-count')).toBe('2');
    expect(Number(canvas.getAttribute('width'))).toBe(1600);
    expect(Number(canvas.getAttribute('height'))).toBe(2 * chartLayout(800).height);
    expect(canvas.getAttribute('aria-hidden')).toBe('true');
  });

  it('paints its model dot again when the theme changes, and only then; the same dots given again are not painted again', () => {
    // A canvas as far as painting goes: jsdom has none. Each model dot painted records the colours it was given.
    const painted: string[] = [];
    class FakeOffscreenCanvas {
      constructor(
        readonly width: number,
        readonly height: number,
      ) {}
      getContext() {
        const size = this.width;
        return {
          beginPath() {},
          arc() {},
          fill() {},
          stroke() {},
          set fillStyle(colour: string) {
            painted.push(colour);
          },
          getImageData: () => ({ width: size, height: size, data: new Uint8ClampedArray(size * size * 4).fill(255) }),
        };
      }
    }
    const putImageData = jest.fn();
    // jsdom has neither: they are set for this test and taken away after it.
    const globals = globalThis as { OffscreenCanvas?: unknown; ImageData?: unknown };
    globals.OffscreenCanvas = FakeOffscreenCanvas;
    globals.ImageData = class {};
    const getContext = jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({ putImageData } as never);
    // The theme's colour as the page resolves it: the fill's token reads as the colour mode named on the root.
    const colour = jest
      .spyOn(window, 'getComputedStyle')
      .mockImplementation(() => ({ color: `rgb(${document.documentElement.getAttribute('data-color-mode')})` }) as CSSStyleDeclaration);
    const drawn = (marks: Array<{ x: number; y: number }>) => (
      <ChartLayoutContext.Provider value={chartLayout(800)}>
        <DotsCanvas marks={marks} style={STYLE} />
      </ChartLayoutContext.Provider>
    );
    let rerender: (ui: ReturnType<typeof drawn>) => void;
    let unmount = () => {};
    try {
      document.documentElement.setAttribute('data-color-mode', 'light');
      ({ rerender, unmount } = render(drawn([{ x: 1, y: 2 }])));
      rerender(drawn([{ x: 3, y: 4 }]));
      expect(putImageData).toHaveBeenCalledTimes(2);
      expect(painted).toEqual(['rgb(light)']);
      document.documentElement.setAttribute('data-color-mode', 'dark');
      rerender(drawn([{ x: 5, y: 6 }]));
      expect(painted).toEqual(['rgb(light)', 'rgb(dark)']);
      // The same dots in the same places, given anew (another report's chart of the same dots): nothing to paint.
      rerender(drawn([{ x: 5, y: 6 }]));
      expect(putImageData).toHaveBeenCalledTimes(3);
      rerender(drawn([{ x: 5, y: 7 }]));
      expect(putImageData).toHaveBeenCalledTimes(4);
    } finally {
      // Unmounted first: the theme's attribute taken away below would otherwise reach its observer after the test.
      unmount();
      getContext.mockRestore();
      colour.mockRestore();
      delete globals.OffscreenCanvas;
      delete globals.ImageData;
      document.documentElement.removeAttribute('data-color-mode');
    }
  });
});
