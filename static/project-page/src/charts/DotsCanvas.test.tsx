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
});
