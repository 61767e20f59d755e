/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import type { StageAgingReport } from '../../../../src/domain';
import { stageAgingChart } from '../views/stage-aging-chart';
import { CHART_COLOURS } from './theme';
import { StageAgingChart } from './StageAgingChart';

type Column = StageAgingReport['columns'][number];

const column = (stage: string, ages: number[]): Column => ({
  stage,
  basis: 'stage-exits',
  samples: 30,
  percentiles: { '50': 3, '85': 6, '95': 9 },
  items: ages.map((age, k) => ({ key: `${stage.slice(0, 2).toUpperCase()}-${k + 1}`, age, pace: 50, status: stage })),
});

/** Ten young items in progress, and three far older than the bands: the chart is cut, they sit on its top line. */
const CHART = stageAgingChart(
  {
    asOf: '2026-03-12T12:00:00.000Z',
    asOfDate: '2026-03-12',
    unit: 'days-inclusive',
    minimumExits: 20,
    columns: [column('In Progress', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 300, 380, 400]), column('Review', [2, 2])],
  },
  null,
  ['In Progress', 'Review'],
);

const counts = () => screen.getAllByTestId('aging-cluster-count');

describe('the aging chart by stage', () => {
  it('counts the items drawn on its top line on the dot they share, as the items of one age are counted', () => {
    expect(CHART.top).not.toBeNull();
    render(<StageAgingChart chart={CHART} unit="days" />);
    expect(counts().map((count) => [count.textContent, count.getAttribute('data-beyond-top')])).toEqual([
      ['3', 'true'],
      ['2', null],
    ]);
  });

  it('writes each count haloed in the page colour, so the top line and the bands behind it do not cross its digits', () => {
    render(<StageAgingChart chart={CHART} unit="days" />);
    for (const count of counts()) {
      expect(count.getAttribute('stroke')).toBe(CHART_COLOURS.surface);
      expect(count.getAttribute('paint-order')).toBe('stroke');
    }
  });
});
