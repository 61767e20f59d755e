/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { BarChart } from './BarChart';
import { ChartFrame } from './ChartFrame';
import { ScatterChart } from './ScatterChart';

const TABLE = { caption: 'Cycle time per finished item', columns: ['Item', 'Cycle time (days)'], rows: [['FLOW-1', 5], ['FLOW-2', 1]] };

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
        <BarChart bars={[{ label: '1', value: 1 }, { label: '5', value: 1 }]} yLabel="items" />
      </ChartFrame>
    </main>,
  );
}

describe('a chart frame', () => {
  it('gives every chart its summary and its data as a table', () => {
    frames();
    expect(screen.getByTestId('chart-scatter-summary').textContent).toBe('2 items finished.');
    const table = screen.getByTestId('chart-bars-table');
    expect(table.querySelector('caption')!.textContent).toBe('Cycle time per finished item');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('announces a drawing with keyboard-reachable dots, each by its name, and hides a drawing without', () => {
    frames();
    const scatter = screen.getByRole('group', { name: /2 items from left to right: arrow keys move between them/ });
    expect(scatter.closest('[aria-hidden="true"]')).toBeNull();
    expect(screen.getAllByRole('link')).toEqual([
      screen.getByRole('link', { name: 'FLOW-1 (Story): 5 days' }),
      screen.getByRole('link', { name: 'FLOW-2 (Bug): 1 days' }),
    ]);
    expect(screen.getByTestId('chart-bars').querySelector('svg')!.closest('[aria-hidden="true"]')).not.toBeNull();
  });

  it('passes axe-core’s checks that apply without a layout engine', async () => {
    const { container } = frames();
    // Contrast needs rendering; the end-to-end audit in Chromium checks it.
    const results = await axe.run(container, { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
