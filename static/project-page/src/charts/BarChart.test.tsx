/** @jest-environment jsdom */
import { fireEvent, render } from '@testing-library/react';
import { barLabelIndices, BarChart, markLabelPlaces } from './BarChart';
import { axisDateLabel, layOutAtViewBoxSize, tooltipText } from './chart-test-support';
import { CHARACTER_WIDTH, chartLayout, ChartLayoutContext } from './layout';
import { isoDateToDay } from '../../../../src/domain';

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

  it('counts in whole items on its value axis, however few there are', () => {
    const { container } = render(
      <BarChart
        bars={[
          { label: '0', value: 1 },
          { label: '1', value: 2 },
        ]}
        yLabel="items"
      />,
    );
    const labels = Array.from(container.querySelectorAll('.visx-axis-left text'), (text) => text.textContent);
    expect(labels).toEqual(['0', '1', '2']);
    // A gridline for each label, none between them.
    expect(container.querySelectorAll('.visx-rows line')).toHaveLength(3);
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

  it('labels bars of numbers at round numbers, as on a ruler', () => {
    const days = Array.from({ length: 100 }, (_, i) => ({ label: String(i + 1), value: i % 7 }));
    const { container } = render(<BarChart bars={days} yLabel="items" />);
    const labels = Array.from(container.querySelectorAll('.visx-axis-bottom text'), (text) => text.textContent);
    expect(labels).toEqual(['20', '40', '60', '80', '100']);
  });

  it('labels histogram bins by where they start, at round multiples of their width', () => {
    const bins = Array.from({ length: 30 }, (_, i) => `${i * 24}–${(i + 1) * 24}`);
    expect(barLabelIndices(bins).map((i) => bins[i])).toEqual(['0–24', '120–144', '240–264', '360–384', '480–504', '600–624']);
    expect(barLabelIndices(['0', '1', '2', '3']).map(String)).toEqual(['0', '1', '2', '3']);
  });

  it('labels bars of periods evenly, the first and the last included', () => {
    const weeks = Array.from({ length: 11 }, (_, i) => `${i + 1} Mar`);
    expect(barLabelIndices(weeks)).toEqual([0, 2, 4, 6, 8, 10]);
  });
});

describe('marks on bars', () => {
  it('draws a labelled line through each marked bar', () => {
    const { container } = render(
      <BarChart
        bars={WEEKS}
        marks={[
          { at: 1, label: '50%: 7' },
          { at: 3, label: '95%: 4' },
        ]}
        yLabel="items"
      />,
    );
    const marks = Array.from(container.querySelectorAll('.fm-chart-bar-mark'));
    expect(marks.map((mark) => mark.textContent)).toEqual(['50%: 7', '95%: 4']);
    const bars = Array.from(container.querySelectorAll('rect'));
    const centreOf = (bar: Element) => Number(bar.getAttribute('x')) + Number(bar.getAttribute('width')) / 2;
    expect(Number(marks[0]!.querySelector('line')!.getAttribute('x1'))).toBeCloseTo(centreOf(bars[1]!));
    expect(Number(marks[1]!.querySelector('line')!.getAttribute('x1'))).toBeCloseTo(centreOf(bars[3]!));
  });

  it('writes the labels above the plot, never over a bar', () => {
    const { container } = render(
      <BarChart
        bars={WEEKS}
        marks={[
          { at: 1, label: '50%: 7' },
          { at: 3, label: '95%: 4' },
        ]}
        yLabel="items"
      />,
    );
    const tallest = Math.min(...Array.from(container.querySelectorAll('rect'), (bar) => Number(bar.getAttribute('y'))));
    // The value axis's top gridline is where the plot starts: every label's baseline is above it.
    const plotTop = Math.min(...Array.from(container.querySelectorAll('.visx-axis-left text'), (text) => Number(text.getAttribute('y'))));
    for (const label of container.querySelectorAll('.fm-chart-mark-label')) {
      expect(Number(label.getAttribute('y'))).toBeLessThan(plotTop);
      expect(Number(label.getAttribute('y'))).toBeLessThan(tallest);
    }
  });

  it('writes the labels of close marks in rows of their own, so they never overlap', () => {
    const centre = (index: number) => index * 10;
    const rows = (marks: Array<{ at: number; label: string }>) => markLabelPlaces(marks, centre, 1000).map((place) => place.row);
    // 95% and 85% two bars apart: the second label would run into the first.
    expect(
      rows([
        { at: 2, label: '95%: 12 items' },
        { at: 4, label: '85%: 14 items' },
        { at: 30, label: '50%: 20 items' },
      ]),
    ).toEqual([0, 1, 0]);
    // Given in any order, placed from left to right.
    expect(
      rows([
        { at: 30, label: '50%' },
        { at: 2, label: '95%: 12 items' },
      ]),
    ).toEqual([0, 0]);
  });

  it('writes a label near the right edge to the left of its line, inside the drawing', () => {
    const [place] = markLabelPlaces([{ at: 98, label: '95%: 12 items' }], (index) => index * 10, 1000);
    expect(place).toEqual({ row: 0, x: 977, anchor: 'end' });
  });
});

describe('on a narrow drawing', () => {
  it('labels fewer bars, as many as fit side by side at the text’s size', () => {
    const bins = Array.from({ length: 14 }, (_, k) => ({ label: `Dec ${k + 1}–Dec ${k + 2}`, value: k }));
    const labelXs = (width: number) => {
      const { container, unmount } = render(
        <ChartLayoutContext.Provider value={chartLayout(width)}>
          <BarChart bars={bins} yLabel="% of futures" />
        </ChartLayoutContext.Provider>,
      );
      const xs = Array.from(container.querySelectorAll('.visx-axis-bottom text'), (text) => Number(text.getAttribute('x')));
      unmount();
      return xs;
    };
    const labelWidth = 'Dec 10–Dec 11'.length * CHARACTER_WIDTH;
    for (const width of [320, 520, 1000]) {
      const xs = labelXs(width);
      expect(xs.length).toBeGreaterThanOrEqual(2);
      for (let k = 1; k < xs.length; k++) expect(xs[k]! - xs[k - 1]!).toBeGreaterThan(labelWidth);
    }
    expect(labelXs(320).length).toBeLessThan(labelXs(1000).length);
  });
});

describe('partial periods', () => {
  it('draws a partial period lighter and says so in its tooltip', () => {
    const { container } = render(
      <BarChart bars={[{ label: '2 Mar', value: 0, partial: 'partial week: 2 of 7 days' }, ...WEEKS.slice(1)]} yLabel="items" />,
    );
    const svg = container.querySelector('svg')!;
    const bars = Array.from(svg.querySelectorAll('rect'));
    expect(bars.map((bar) => bar.getAttribute('data-partial'))).toEqual(['true', null, null, null]);
    expect(Number(bars[0]!.getAttribute('fill-opacity'))).toBeLessThan(Number(bars[1]!.getAttribute('fill-opacity')));
    layOutAtViewBoxSize(svg);
    fireEvent.mouseMove(svg, { clientX: Number(bars[0]!.getAttribute('x')) + 1, clientY: 200 });
    expect(tooltipText()).toBe('2 Mar: 0partial week: 2 of 7 days');
  });

  it('labels weekly bars across a new year every few weeks evenly, with the year on the first label and where it changes', () => {
    const firstMonday = isoDateToDay('2025-06-09')!;
    const days = Array.from({ length: 79 }, (_, k) => firstMonday + 7 * k);
    const { container } = render(
      <BarChart bars={days.map((_, k) => ({ label: `week ${k}`, value: k % 9 }))} days={days} weekEndsOn="sunday" yLabel="items" />,
    );
    const labels = Array.from(container.querySelectorAll('.visx-axis-bottom text'), (text) => text.textContent);
    const xs = Array.from(container.querySelectorAll('.visx-axis-bottom text'), (text) => Number(text.getAttribute('x')));
    expect(labels[0]).toMatch(/2025/);
    expect(labels.filter((label) => /2026/.test(label))).toHaveLength(1);
    expect(labels.filter((label) => /\d{4}/.test(label))).toHaveLength(2);
    const gaps = xs.slice(1).map((x, k) => x - xs[k]!);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0]!, 6);
  });

  it("labels weekly bars from the first whole week, on the project's week starts, when the first is cut short", () => {
    // Weeks ending on Friday from Wednesday 4 November 2026: the first bar stands for three days.
    const saturday = isoDateToDay('2026-11-07')!;
    const days = [isoDateToDay('2026-11-04')!, ...Array.from({ length: 12 }, (_, k) => saturday + 7 * k)];
    const bars = days.map((_, k) => ({ label: `week ${k}`, value: k % 5 }));
    const { container } = render(<BarChart bars={bars} days={days} weekEndsOn="friday" yLabel="items" />);
    const labels = Array.from(container.querySelectorAll('.visx-axis-bottom text'), (text) => text.textContent);
    expect(labels[0]).toBe(axisDateLabel('2026-11-07', true));
    expect(labels).not.toContain(axisDateLabel('2026-11-04', true));
  });
});
