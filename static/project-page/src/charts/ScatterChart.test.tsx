/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { layOutAtViewBoxSize, tooltipText } from './chart-test-support';
import { CHART } from './layout';
import { referenceLabels, ScatterChart, type ScatterDot } from './ScatterChart';

// Done on days 10, 12, 12 and 30; given out of order, as a report may list them.
const DOTS: ScatterDot[] = [
  { key: 'FLOW-4', x: 30, y: 2, title: 'FLOW-4 (Bug): started 2026-01-28, done 2026-01-31, 2 days' },
  { key: 'FLOW-1', x: 10, y: 5, title: 'FLOW-1 (Story): started 2026-01-06, done 2026-01-11, 5 days' },
  { key: 'FLOW-3', x: 12, y: 9, title: 'FLOW-3 (Story): started 2026-01-04, done 2026-01-13, 9 days' },
  { key: 'FLOW-2', x: 12, y: 1, title: 'FLOW-2 (Task): started 2026-01-12, done 2026-01-13, 1 days' },
];
const LINES = [{ label: '85%: 8 days', value: 8 }];

function drawing() {
  return screen.getByRole('group');
}

function dots() {
  return Array.from(drawing().querySelectorAll('circle'));
}


function draw(onOpen?: (key: string) => void) {
  render(<ScatterChart dots={DOTS} lines={LINES} xLabel={(day) => `day ${day}`} yLabel="days" onOpen={onOpen} />);
}

describe('the scatter chart', () => {
  it('draws one dot per item in time order, in token colours, with labelled reference lines and axes', () => {
    draw();
    expect(dots().map((dot) => dot.textContent)).toEqual([DOTS[1]!.title, DOTS[3]!.title, DOTS[2]!.title, DOTS[0]!.title]);
    // Left to right along the x axis: FLOW-2 and FLOW-3 share a day and sit one above the other.
    const cx = dots().map((dot) => Number(dot.getAttribute('cx')));
    expect(cx[0]).toBeLessThan(cx[1]!);
    expect(cx[1]).toBe(cx[2]);
    expect(cx[2]).toBeLessThan(cx[3]!);
    expect(Number(dots()[1]!.getAttribute('cy'))).toBeGreaterThan(Number(dots()[2]!.getAttribute('cy')));
    for (const dot of dots()) expect(dot.getAttribute('fill')).toMatch(/^var\(--ds-/);
    expect(drawing().textContent).toContain('85%: 8 days');
    expect(drawing().textContent).toContain('day 10');
    expect(drawing().textContent).toContain('day 30');
  });

  it('is one tab stop: only the first dot is in the tab order until another is focused', () => {
    draw();
    expect(dots().map((dot) => dot.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1']);
  });

  it('walks the dots in time order with the arrow keys, telling each one in the tooltip', () => {
    draw();
    act(() => dots()[0]!.focus());
    expect(tooltipText()).toBe(DOTS[1]!.title);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(dots()[1]);
    expect(tooltipText()).toBe(DOTS[3]!.title);
    expect(dots().map((dot) => dot.getAttribute('tabindex'))).toEqual(['-1', '0', '-1', '-1']);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(dots()[3]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(dots()[3]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(dots()[2]);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(dots()[0]);
    act(() => dots()[0]!.blur());
    expect(tooltipText()).toBeNull();
  });

  it('opens the focused item with Enter, and a dot activated by assistive technology', () => {
    const onOpen = jest.fn();
    draw(onOpen);
    act(() => dots()[0]!.focus());
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith('FLOW-2');
    fireEvent.click(dots()[3]!);
    expect(onOpen).toHaveBeenLastCalledWith('FLOW-4');
    expect(onOpen).toHaveBeenCalledTimes(2);
    expect(dots()[0]!.getAttribute('role')).toBe('link');
  });

  it('shows the tooltip of the dot nearest the pointer and opens it on click', () => {
    const onOpen = jest.fn();
    draw(onOpen);
    layOutAtViewBoxSize(drawing());
    const last = dots()[3]!;
    const at = { clientX: Number(last.getAttribute('cx')) + 5, clientY: Number(last.getAttribute('cy')) - 5 };
    fireEvent.mouseMove(drawing(), at);
    expect(tooltipText()).toBe(DOTS[0]!.title);
    expect(last.getAttribute('class')).toContain('fm-chart-point--hovered');
    fireEvent.click(drawing(), at);
    expect(onOpen).toHaveBeenCalledWith('FLOW-4');
    fireEvent.mouseMove(drawing(), { clientX: 2, clientY: 2 });
    expect(tooltipText()).toBeNull();
    fireEvent.click(drawing(), { clientX: 2, clientY: 2 });
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('without a way to open items, dots are still reachable but Enter does nothing', () => {
    draw();
    expect(dots()[0]!.getAttribute('role')).toBe('img');
    act(() => dots()[0]!.focus());
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(document.activeElement).toBe(dots()[0]);
    expect(tooltipText()).toBe(DOTS[1]!.title);
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
    expect(drawing().textContent).toContain('Backlog');
    expect(drawing().textContent).toContain('Review');
    // The single dot sits in the middle category, not stretched over the whole width.
    expect(Number(dots()[0]!.getAttribute('cx'))).toBeCloseTo(CHART.width / 2 + (CHART.left - CHART.right) / 2, 0);
  });
});

describe('the labels of reference lines', () => {
  const y = (value: number) => 200 - value;

  it('sit just above their lines when the lines are apart', () => {
    expect(referenceLabels([{ label: '50%', value: 10 }, { label: '85%', value: 60 }], y)).toEqual([
      { text: '50%', y: 186 },
      { text: '85%', y: 136 },
    ]);
  });

  it('move up, clear of the label below, when lines are close', () => {
    // Given top first, as a report lists them; placed from the lowest line up.
    const labels = referenceLabels([{ label: '95%', value: 14 }, { label: '85%', value: 12 }, { label: '50%', value: 8 }], y);
    expect(labels.map((label) => label.text)).toEqual(['50%', '85%', '95%']);
    expect(labels.map((label) => label.y)).toEqual([188, 175, 162]);
  });
});
