/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import type { StageAgingReport } from '../../../../src/domain';
import { stageAgingChart } from '../views/stage-aging-chart';
import { CHARACTER_WIDTH } from './layout';
import { CHART_COLOURS } from './theme';
import { StageAgingChart } from './StageAgingChart';

type Column = StageAgingReport['columns'][number];

const column = (stage: string, ages: number[], percentiles: Column['percentiles'] = { '50': 3, '85': 6, '95': 9 }): Column => ({
  stage,
  basis: 'stage-exits',
  samples: 30,
  percentiles,
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

/** The height Chromium gives a line of the charts' 11px text, in a wide sans-serif font. */
const BROWSER_LINE_BOX = 14;

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

  // Ages 4, 5 and 6 days on a chart up to 150 days lie a pixel or two apart; 4, 13 and 22 days 13 pixels apart: more
  // than the 11px text's own size, less than the box a browser gives a line of it (Chromium measured 12 to 15 pixels
  // by font, and a count 11.84 pixels above another covered it).
  it.each([
    ['nearly touch', [4, 4, 5, 5, 6, 6, 140]],
    ['lie a line apart', [4, 4, 13, 13, 22, 22, 140]],
  ])('writes the counts of dots that %s side by side or a whole line apart, so neither count covers the other', (_, ages) => {
    const crowded = stageAgingChart(
      {
        asOf: '2026-03-12T12:00:00.000Z',
        asOfDate: '2026-03-12',
        unit: 'days-inclusive',
        minimumExits: 20,
        columns: [column('In Progress', ages, { '50': 30, '85': 80, '95': 120 }), column('Review', [])],
      },
      null,
      ['In Progress', 'Review'],
    );
    expect(crowded.top).toBeNull();
    render(<StageAgingChart chart={crowded} unit="days" />);
    const boxes = counts().map((count) => {
      const x = Number(count.getAttribute('x'));
      const y = Number(count.getAttribute('y'));
      return { left: x, right: x + (count.textContent ?? '').length * CHARACTER_WIDTH, top: y - BROWSER_LINE_BOX, bottom: y };
    });
    expect(boxes).toHaveLength(3);
    for (const [k, a] of boxes.entries())
      for (const b of boxes.slice(k + 1)) {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart).toBe(true);
      }
  });
});
