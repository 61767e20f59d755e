/** @jest-environment jsdom */
import '../../../testing/atlaskit-test-env';
import { act, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { BarChart } from './BarChart';
import { ChartArea } from './chart-area';
import { openChartTable } from './chart-test-support';
import { ChartFrame } from './ChartFrame';
import { ScatterChart } from './ScatterChart';

const TABLE = {
  caption: 'Cycle time per finished item',
  columns: ['Item', 'Cycle time (days)'],
  rows: [
    ['FLOW-1', 5],
    ['FLOW-2', 1],
  ],
};

function frames() {
  return render(
    <main>
      <ChartFrame testId="chart-scatter" title="Cycle time of finished items" summary="2 items finished." table={TABLE}>
        <ScatterChart
          dots={[
            { key: 'FLOW-1', x: 1, y: 5, title: 'FLOW-1 (Story): 5 days' },
            { key: 'FLOW-2', x: 2, y: 1, title: 'FLOW-2 (Bug): 1 days' },
          ]}
          lines={[{ label: '85%', value: 4 }]}
          xLabel={String}
          yLabel="days"
          onOpen={() => undefined}
        />
      </ChartFrame>
      <ChartFrame testId="chart-bars" title="Items per bin" summary="Most took a day." table={TABLE}>
        <BarChart
          bars={[
            { label: '1', value: 1 },
            { label: '5', value: 1 },
          ]}
          yLabel="items"
        />
      </ChartFrame>
    </main>,
  );
}

describe('a chart frame', () => {
  it('gives every chart its summary, and its data as a table behind a button named after the chart', () => {
    frames();
    expect(screen.getByTestId('chart-scatter-summary').textContent).toBe('2 items finished.');
    expect(screen.getByRole('button', { name: /^Data table ?: Items per bin$/, expanded: false })).toBeTruthy();
    const table = openChartTable('chart-bars');
    expect(table.querySelector('caption')!.textContent).toBe('Cycle time per finished item');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('announces a drawing with keyboard-walked dots as one focusable widget, and hides a drawing without', () => {
    frames();
    const scatter = screen.getByRole('application', { name: /^Scatterplot of 2 items from left to right: arrow keys move between them/ });
    expect(scatter.closest('[aria-hidden="true"]')).toBeNull();
    expect(scatter.getAttribute('tabindex')).toBe('0');
    expect(screen.getByTestId('chart-announcement').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByTestId('chart-bars').querySelector('svg')!.closest('[aria-hidden="true"]')).not.toBeNull();
  });

  it.each([
    ['hidden', false],
    ['shown', true],
  ])('passes axe-core’s checks that apply without a layout engine, its tables %s', async (_, tablesShown) => {
    const { container } = frames();
    if (tablesShown) ['chart-scatter', 'chart-bars'].forEach(openChartTable);
    // Contrast needs rendering; the end-to-end audit in Chromium checks it.
    const results = await axe.run(container, { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: false } } });
    expect(
      results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
});

describe('the drawing’s size', () => {
  /** Lays out every chart's drawing area `width` pixels wide, with a `ResizeObserver` that can report a new width. */
  function layOutDrawingsAt(width: number) {
    const observers: Array<(width: number) => void> = [];
    class FakeResizeObserver {
      constructor(private readonly report: ResizeObserverCallback) {}
      observe(element: Element) {
        observers.push((to) => {
          jest.spyOn(element, 'getBoundingClientRect').mockReturnValue({ width: to } as DOMRect);
          this.report([{ contentRect: { width: to } } as ResizeObserverEntry], this as unknown as ResizeObserver);
        });
      }
      disconnect() {}
    }
    (globalThis as { ResizeObserver?: unknown }).ResizeObserver = FakeResizeObserver;
    const measuring = jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ width } as DOMRect);
    return { measuring, resizeTo: (to: number) => act(() => observers.forEach((resize) => resize(to))) };
  }

  const viewBoxWidth = (testId: string) => Number(screen.getByTestId(testId).querySelector('svg')!.getAttribute('viewBox')!.split(' ')[2]);

  afterEach(() => {
    delete (globalThis as { ResizeObserver?: unknown }).ResizeObserver;
    jest.restoreAllMocks();
  });

  it('is drawn at the width it is given, one unit to a pixel, so its text keeps its size on any page', () => {
    const page = layOutDrawingsAt(800);
    frames();
    expect(viewBoxWidth('chart-bars')).toBe(800);
    page.resizeTo(360);
    expect(viewBoxWidth('chart-bars')).toBe(360);
    // Wider than the widest drawing: drawn at that width, not stretched.
    page.resizeTo(1600);
    expect(viewBoxWidth('chart-bars')).toBe(1040);
  });

  it('is drawn at the chart area’s width from its first render, without laying the page out to measure itself', () => {
    const page = layOutDrawingsAt(800);
    const chart = (compact: boolean) => (
      <ChartFrame
        key={String(compact)}
        testId={compact ? 'chart-small' : 'chart-wide'}
        title="Items"
        summary="Few."
        table={TABLE}
        compact={compact}
      >
        <BarChart bars={[{ label: '1', value: 1 }]} yLabel="items" />
      </ChartFrame>
    );
    // The area is measured (by its observer, after the browser's layout) before the tab with the charts opens.
    const { rerender } = render(<ChartArea>{null}</ChartArea>);
    page.resizeTo(640);
    page.measuring.mockClear();
    rerender(<ChartArea>{chart(false)}</ChartArea>);
    expect(viewBoxWidth('chart-wide')).toBe(640);
    // Reading a box while the tab's elements are new makes the browser lay the whole tab out there and then.
    expect(page.measuring).not.toHaveBeenCalled();
    // A compact chart sits beside others, narrower than the area: it measures itself.
    rerender(<ChartArea>{chart(true)}</ChartArea>);
    expect(page.measuring).toHaveBeenCalled();
  });

  it('writes the value axis’s unit from the drawing’s left edge, never left of it', () => {
    layOutDrawingsAt(360);
    frames();
    const unit = screen.getByTestId('chart-bars').querySelector('.fm-chart-unit')!;
    expect(unit.getAttribute('x')).toBe('0');
    expect(unit.getAttribute('text-anchor')).toBe('start');
  });
});
