/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { layOutAtViewBoxSize, tooltipText } from './chart-test-support';
import { DEFAULT_LAYOUT, MARGIN } from './layout';
import { LABEL_MARGIN, referenceLabels, ScatterChart, type ScatterDot } from './ScatterChart';

// Done on days 10, 12, 12 and 30; given out of order, as a report may list them.
const DOTS: ScatterDot[] = [
  { key: 'FLOW-4', x: 30, y: 2, title: 'FLOW-4 (Bug): started 2026-01-28, done 2026-01-31, 2 days' },
  { key: 'FLOW-1', x: 10, y: 5, title: 'FLOW-1 (Story): started 2026-01-06, done 2026-01-11, 5 days' },
  { key: 'FLOW-3', x: 12, y: 9, title: 'FLOW-3 (Story): started 2026-01-04, done 2026-01-13, 9 days' },
  { key: 'FLOW-2', x: 12, y: 1, title: 'FLOW-2 (Task): started 2026-01-12, done 2026-01-13, 1 days' },
];
const LINES = [{ label: '85%: 8 days', value: 8 }];

function drawing() {
  return screen.getByRole('application');
}

function dotsElement() {
  return screen.getByTestId('chart-dots');
}

/** The centres of the dots in the keyboard's order, read off the highlight while walking them. */
function centres() {
  act(() => drawing().focus());
  fireEvent.keyDown(drawing(), { key: 'Home' });
  const found = [];
  for (let i = 0; i < Number(dotsElement().getAttribute('data-point-count')); i++) {
    if (i > 0) fireEvent.keyDown(drawing(), { key: 'ArrowRight' });
    const dot = highlighted()!;
    found.push({ x: dot.x, y: dot.y });
  }
  fireEvent.keyDown(drawing(), { key: 'Home' });
  act(() => drawing().blur());
  return found;
}

/** The text of the whole chart: the drawing and the axes beneath it. */
function chartText() {
  return drawing().parentElement!.textContent;
}

/** The highlighted dot (under the pointer, or the keyboard's current one), or null. */
function highlighted() {
  const dot = screen.queryByTestId('chart-current-dot');
  return dot === null
    ? null
    : { x: Number(dot.getAttribute('cx')), y: Number(dot.getAttribute('cy')), className: dot.getAttribute('class') };
}

/** The highlight sits on `centre` (the path writes positions to a tenth of a unit). */
function expectHighlightAt(centre: { x: number; y: number }, kind: 'current' | 'hovered') {
  const dot = highlighted();
  expect(dot?.className).toContain(`fm-chart-point--${kind}`);
  expect(dot!.x).toBeCloseTo(centre.x, 1);
  expect(dot!.y).toBeCloseTo(centre.y, 1);
}

function announced() {
  return screen.getByTestId('chart-announcement').textContent;
}

function draw(onOpen?: (key: string) => void) {
  render(<ScatterChart dots={DOTS} lines={LINES} xLabel={(day) => `day ${day}`} yLabel="days" onOpen={onOpen} />);
}

describe('the scatter chart', () => {
  it('paints one dot per item, placed in time order, with labelled reference lines and axes', () => {
    draw();
    expect(dotsElement().tagName).toBe('CANVAS');
    expect(dotsElement().getAttribute('data-point-count')).toBe('4');
    expect(drawing().querySelectorAll('circle')).toHaveLength(0);
    // Left to right along the x axis: FLOW-2 and FLOW-3 share a day and sit one above the other.
    const [first, second, third, fourth] = centres();
    expect(centres()).toHaveLength(4);
    expect(first!.x).toBeLessThan(second!.x);
    expect(second!.x).toBe(third!.x);
    expect(third!.x).toBeLessThan(fourth!.x);
    expect(second!.y).toBeGreaterThan(third!.y);
    expect(drawing().textContent).toContain('85%: 8 days');
    expect(chartText()).toContain('day 10');
    expect(chartText()).toContain('day 30');
  });

  it('is one tab stop, named for what it holds and how to walk it', () => {
    draw(jest.fn());
    expect(drawing().getAttribute('tabindex')).toBe('0');
    expect(drawing().getAttribute('aria-label')).toBe(
      'Scatterplot of 4 items from left to right: arrow keys move between them, Enter opens the item.',
    );
    expect(document.querySelectorAll('[tabindex]')).toHaveLength(1);
  });

  it('walks the dots in time order with the arrow keys, highlighting, telling and announcing each one', () => {
    draw();
    const places = centres();
    expect(highlighted()).toBeNull();
    act(() => drawing().focus());
    expect(tooltipText()).toBe(DOTS[1]!.title);
    expect(announced()).toBe(`${DOTS[1]!.title}. 1 of 4.`);
    expectHighlightAt(places[0]!, 'current');
    fireEvent.keyDown(drawing(), { key: 'ArrowRight' });
    expect(tooltipText()).toBe(DOTS[3]!.title);
    expect(announced()).toBe(`${DOTS[3]!.title}. 2 of 4.`);
    expectHighlightAt(places[1]!, 'current');
    fireEvent.keyDown(drawing(), { key: 'End' });
    expect(tooltipText()).toBe(DOTS[0]!.title);
    fireEvent.keyDown(drawing(), { key: 'ArrowRight' });
    expect(announced()).toBe(`${DOTS[0]!.title}. 4 of 4.`);
    fireEvent.keyDown(drawing(), { key: 'ArrowLeft' });
    expect(tooltipText()).toBe(DOTS[2]!.title);
    fireEvent.keyDown(drawing(), { key: 'Home' });
    expect(tooltipText()).toBe(DOTS[1]!.title);
    expect(document.activeElement).toBe(drawing());
    act(() => drawing().blur());
    expect(tooltipText()).toBeNull();
    expect(highlighted()).toBeNull();
    expect(announced()).toBe('');
  });

  it('opens the current item with Enter', () => {
    const onOpen = jest.fn();
    draw(onOpen);
    act(() => drawing().focus());
    fireEvent.keyDown(drawing(), { key: 'ArrowRight' });
    fireEvent.keyDown(drawing(), { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith('FLOW-2');
    fireEvent.keyDown(drawing(), { key: 'End' });
    fireEvent.keyDown(drawing(), { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith('FLOW-4');
    expect(onOpen).toHaveBeenCalledTimes(2);
  });

  it('shows the tooltip of the dot nearest the pointer and opens it on click', () => {
    const onOpen = jest.fn();
    draw(onOpen);
    layOutAtViewBoxSize(drawing());
    const last = centres()[3]!;
    const at = { clientX: last.x + 5, clientY: last.y - 5 };
    fireEvent.mouseMove(drawing(), at);
    expect(tooltipText()).toBe(DOTS[0]!.title);
    expectHighlightAt(last, 'hovered');
    fireEvent.click(drawing(), at);
    expect(onOpen).toHaveBeenCalledWith('FLOW-4');
    fireEvent.mouseMove(drawing(), { clientX: 2, clientY: 2 });
    expect(tooltipText()).toBeNull();
    fireEvent.click(drawing(), { clientX: 2, clientY: 2 });
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('without a way to open items, dots are still walked but Enter does nothing', () => {
    draw();
    expect(drawing().getAttribute('aria-label')).toBe('Scatterplot of 4 items from left to right: arrow keys move between them.');
    act(() => drawing().focus());
    fireEvent.keyDown(drawing(), { key: 'Enter' });
    expect(document.activeElement).toBe(drawing());
    expect(tooltipText()).toBe(DOTS[1]!.title);
  });

  it('keeps the keyboard on the last dot when a redraw has fewer', () => {
    const { rerender } = render(<ScatterChart dots={DOTS} lines={LINES} xLabel={String} yLabel="days" />);
    act(() => drawing().focus());
    fireEvent.keyDown(drawing(), { key: 'End' });
    rerender(<ScatterChart dots={DOTS.slice(1, 3)} lines={LINES} xLabel={String} yLabel="days" />);
    expect(dotsElement().getAttribute('data-point-count')).toBe('2');
    expect(tooltipText()).toBe(DOTS[2]!.title);
    expect(announced()).toBe(`${DOTS[2]!.title}. 2 of 2.`);
  });

  it('labels the x axis where asked, over a fixed domain', () => {
    render(
      <ScatterChart
        dots={[{ key: 'FLOW-9', x: 1, y: 4, title: 'FLOW-9' }]}
        lines={[]}
        xLabel={(x) => ['Backlog', 'In Progress', 'Review'][x] ?? ''}
        xDomain={[-0.5, 2.5]}
        xTicks={[0, 1, 2]}
        yLabel="days"
      />,
    );
    expect(chartText()).toContain('Backlog');
    expect(chartText()).toContain('Review');
    // The single dot sits in the middle category, not stretched over the whole width.
    expect(centres()[0]!.x).toBeCloseTo(DEFAULT_LAYOUT.width / 2 + (MARGIN.left - LABEL_MARGIN) / 2, 0);
  });
});

describe('the labels of reference lines', () => {
  const y = (value: number) => 200 - value;

  it('are written in the margin right of the plot, where no dot is drawn', () => {
    render(<ScatterChart dots={DOTS} lines={[{ label: '50%: 4 days', value: 4 }, ...LINES]} xLabel={String} yLabel="days" />);
    const labels = Array.from(drawing().querySelectorAll('text.fm-chart-reference-label'));
    expect(labels.map((label) => label.textContent)).toEqual(['50%: 4 days', '85%: 8 days']);
    const rightmostDot = Math.max(...centres().map((dot) => dot.x));
    for (const label of labels) {
      expect(label.getAttribute('text-anchor')).toBe('start');
      expect(Number(label.getAttribute('x'))).toBeGreaterThan(rightmostDot + 3);
      expect(Number(label.getAttribute('x'))).toBeGreaterThanOrEqual(DEFAULT_LAYOUT.width - LABEL_MARGIN);
    }
  });

  it('sit level with their lines when the lines are apart', () => {
    expect(
      referenceLabels(
        [
          { label: '50%', value: 10 },
          { label: '85%', value: 60 },
        ],
        y,
      ),
    ).toEqual([
      { text: '50%', y: 194 },
      { text: '85%', y: 144 },
    ]);
  });

  it('move up, clear of the label below, when lines are close', () => {
    // Given top first, as a report lists them; placed from the lowest line up.
    const labels = referenceLabels(
      [
        { label: '95%', value: 14 },
        { label: '85%', value: 12 },
        { label: '50%', value: 8 },
      ],
      y,
    );
    expect(labels.map((label) => label.text)).toEqual(['50%', '85%', '95%']);
    // A line of text apart: 15 pixels, the box a browser gives 11px text in a wide font.
    expect(labels.map((label) => label.y)).toEqual([196, 181, 166]);
  });
});
