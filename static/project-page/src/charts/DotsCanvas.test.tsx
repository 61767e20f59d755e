/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { DotsCanvas, dotPixels } from './DotsCanvas';
import { CHART } from './layout';

const STYLE = { radius: 3, fill: 'var(--ds-chart-brand)', fillOpacity: 0.7, edge: 'var(--ds-chart-blue-bolder)' };

describe('dots on a canvas', () => {
  it('places each dot on the canvas’s whole pixels, scaled from the viewBox', () => {
    expect(dotPixels([{ x: 10, y: 20 }, { x: 33.3, y: 5.06 }], 1.5)).toEqual([{ x: 15, y: 30 }, { x: 50, y: 8 }]);
  });

  it('is as wide in device pixels as the widest drawing, in the drawing’s proportions, and says how many dots it holds', () => {
    render(<DotsCanvas marks={[{ x: 1, y: 2 }, { x: 3, y: 4 }]} style={STYLE} />);
    const canvas = screen.getByTestId('chart-dots');
    expect(canvas.getAttribute('data-point-count')).toBe('2');
    expect(Number(canvas.getAttribute('width'))).toBe(1040 * window.devicePixelRatio);
    expect(Number(canvas.getAttribute('height'))).toBe(Math.round((1040 * window.devicePixelRatio * CHART.height) / CHART.width));
    expect(canvas.getAttribute('aria-hidden')).toBe('true');
  });
});
