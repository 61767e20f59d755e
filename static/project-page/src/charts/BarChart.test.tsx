/** @jest-environment jsdom */
import { fireEvent, render } from '@testing-library/react';
import { BarChart } from './BarChart';
import { layOutAtViewBoxSize, tooltipText } from './chart-test-support';

const WEEKS = [
  { label: '2 Mar', value: 3 },
  { label: '9 Mar', value: 7 },
  { label: '16 Mar', value: 0 },
  { label: '23 Mar', value: 4 },
];

function draw(line?: Array<number | null>) {
  const { container } = render(<BarChart bars={WEEKS} line={line} lineLabel="Moving average (2)" yLabel="items" />);
  const svg = container.querySelector('svg')!;
  return { svg, bars: Array.from(svg.querySelectorAll('rect')) };
}

describe('the bar chart', () => {
  it('draws one bar per value, heights in proportion, on a round value axis', () => {
    const { svg, bars } = draw();
    expect(bars).toHaveLength(4);
    const heights = bars.map((bar) => Number(bar.getAttribute('height')));
    expect(heights[2]).toBe(0);
    expect(heights[1]! / heights[0]!).toBeCloseTo(7 / 3);
    expect(heights[3]! / heights[0]!).toBeCloseTo(4 / 3);
    // The value axis is labelled up to a round number at or above the tallest bar.
    expect(Array.from(svg.querySelectorAll('.visx-axis-left text'), (text) => text.textContent)).toEqual(['0', '2', '4', '6', '8']);
    expect(svg.textContent).toContain('2 Mar');
    expect(svg.textContent).toContain('23 Mar');
    for (const bar of bars) expect(bar.getAttribute('fill')).toMatch(/^var\(--ds-/);
  });

  it('is hidden from assistive technology, which reads the frame’s table instead', () => {
    const { svg } = draw();
    expect(svg.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(svg.querySelector('[tabindex]')).toBeNull();
  });

  it('draws the line only where it is defined', () => {
    const { svg } = draw([null, 5, 3.5, 2]);
    const d = svg.querySelector('path')!.getAttribute('d')!;
    // One segment through three points: a move and two lines, nothing for the undefined first period.
    expect(d.match(/M/g)).toHaveLength(1);
    expect(d.match(/L/g)).toHaveLength(2);
  });

  it('tells the value of the bar under the pointer, with the line’s', () => {
    const { svg, bars } = draw([null, 5, 3.5, 2]);
    layOutAtViewBoxSize(svg);
    const second = bars[1]!;
    fireEvent.mouseMove(svg, { clientX: Number(second.getAttribute('x')) + 1, clientY: 250 });
    expect(tooltipText()).toBe('9 Mar: 7Moving average (2): 5');
    expect(second.getAttribute('fill')).not.toBe(bars[0]!.getAttribute('fill'));
    fireEvent.mouseLeave(svg);
    expect(tooltipText()).toBeNull();
  });
});
