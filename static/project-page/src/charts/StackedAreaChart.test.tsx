/** @jest-environment jsdom */
import { fireEvent, render } from '@testing-library/react';
import { layOutAtViewBoxSize, tooltipText } from './chart-test-support';
import { DEFAULT_LAYOUT } from './layout';

const PLOT = DEFAULT_LAYOUT.plot;
import { StackedAreaChart } from './StackedAreaChart';

const DAYS = ['1 Mar', '2 Mar', '3 Mar'];
const BANDS = [
  { name: 'Done', values: [1, 2, 4] },
  { name: 'In Progress', values: [2, 2, 1] },
  { name: 'Backlog', values: [5, 4, 3] },
];

function draw() {
  const { container } = render(<StackedAreaChart labels={DAYS} series={BANDS} yLabel="items" />);
  return container.querySelector('svg')!;
}

/** The y coordinates an area's outline passes through. */
function ysOf(path: Element): number[] {
  return Array.from(path.getAttribute('d')!.matchAll(/[ML][\d.]+,([\d.]+)/g), (match) => Number(match[1]));
}

describe('the stacked area chart', () => {
  it('stacks the first series at the bottom, each band on the ones below it, in series colours', () => {
    const svg = draw();
    const areas = Array.from(svg.querySelectorAll('path'));
    expect(areas).toHaveLength(3);
    // The first band starts on the baseline; the top band reaches the tallest total (8 items).
    expect(Math.max(...ysOf(areas[0]!))).toBeCloseTo(PLOT.bottom);
    const top = Math.min(...ysOf(areas[2]!));
    expect(Math.min(...ysOf(areas[1]!))).toBeGreaterThan(top);
    expect(new Set(areas.map((area) => area.getAttribute('fill'))).size).toBe(3);
    for (const area of areas) expect(area.getAttribute('fill')).toMatch(/^var\(--ds-chart-categorical/);
  });

  it('lists every band’s value on the day under the pointer, top band first', () => {
    const svg = draw();
    layOutAtViewBoxSize(svg);
    fireEvent.mouseMove(svg, { clientX: PLOT.right - 10, clientY: 100 });
    expect(tooltipText()).toBe('3 MarBacklog: 3In Progress: 1Done: 4');
    fireEvent.mouseMove(svg, { clientX: PLOT.left + 3, clientY: 100 });
    expect(tooltipText()).toBe('1 MarBacklog: 5In Progress: 2Done: 1');
  });

  it('draws an empty period as an empty chart', () => {
    const { container } = render(<StackedAreaChart labels={[]} series={BANDS.map((band) => ({ ...band, values: [] }))} yLabel="items" />);
    expect(Array.from(container.querySelectorAll('path'), (path) => path.getAttribute('d'))).toEqual(['', '', '']);
  });
});
