/** @jest-environment jsdom */
import { fireEvent, render } from '@testing-library/react';
import { axisDateLabel, layOutAtViewBoxSize, tooltipText } from './chart-test-support';
import { DEFAULT_LAYOUT } from './layout';

const PLOT = DEFAULT_LAYOUT.plot;
import { LineChart } from './LineChart';
import { dayToIsoDate, isoDateToDay } from '../../../../src/domain';
import { shortDate } from '../views/format';

const WIP = [
  { label: '1 Mar', value: 3 },
  { label: '2 Mar', value: 5 },
  { label: '3 Mar', value: 4 },
];

describe('the line chart', () => {
  it('draws the series across the plot and tells the value of the day nearest the pointer', () => {
    const { container } = render(<LineChart points={WIP} yLabel="items" />);
    const svg = container.querySelector('svg')!;
    const d = svg.querySelector('path')!.getAttribute('d')!;
    expect(d.startsWith(`M${PLOT.left},`)).toBe(true);
    expect(d).toContain(`L${PLOT.right},`);
    layOutAtViewBoxSize(svg);
    fireEvent.mouseMove(svg, { clientX: (PLOT.left + PLOT.right) / 2 + 20, clientY: 40 });
    expect(tooltipText()).toBe('2 Mar: 5');
    expect(svg.querySelector('circle')).not.toBeNull();
    fireEvent.mouseLeave(svg);
    expect(tooltipText()).toBeNull();
    expect(svg.querySelector('circle')).toBeNull();
  });

  it('draws a series of one value as a dot in the middle, which a line alone would not show', () => {
    const { container } = render(<LineChart points={[{ label: 'Oct ’26', value: 23 }]} yLabel="days" />);
    const dot = container.querySelector('[data-testid="line-chart-single-point"]');
    expect(dot).not.toBeNull();
    expect(Number(dot!.getAttribute('cx'))).toBeCloseTo((PLOT.left + PLOT.right) / 2);
    expect(container.textContent).toContain('Oct ’26');
  });

  it('draws a partial period as a hollow dot off the line, and says so in its tooltip', () => {
    const months = [
      { label: 'Oct', value: 9 },
      { label: 'Nov', value: 8 },
      { label: 'Dec', value: 3, partial: 'partial month: 6 of 31 days' },
    ];
    const { container } = render(<LineChart points={months} yLabel="days" />);
    const svg = container.querySelector('svg')!;
    // The line joins October and November only.
    expect(svg.querySelector('path')!.getAttribute('d')).not.toContain(`L${PLOT.right},`);
    expect(svg.querySelectorAll('[data-partial="true"]')).toHaveLength(1);
    layOutAtViewBoxSize(svg);
    fireEvent.mouseMove(svg, { clientX: PLOT.right - 2, clientY: 40 });
    expect(tooltipText()).toBe('Dec: 3partial month: 6 of 31 days');
  });

  it('labels a run of days across a new year at month starts, with the year on the first label and on January', () => {
    const first = isoDateToDay('2025-06-08')!;
    const days = Array.from({ length: 548 }, (_, k) => first + k);
    const points = days.map((day, k) => ({ label: shortDate(dayToIsoDate(day)), value: k % 5 }));
    const { container } = render(<LineChart points={points} days={days} weekEndsOn="sunday" yLabel="items" />);
    const labels = Array.from(container.querySelectorAll('.visx-axis-bottom text'), (text) => text.textContent);
    const monthOfYear = (iso: string) =>
      new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    expect(labels[0]).toBe(monthOfYear('2025-07-01'));
    expect(labels).toContain(monthOfYear('2026-01-01'));
    expect(labels.filter((label) => /\d{4}/.test(label))).toHaveLength(2);
  });

  it("labels a run of a few weeks' days on the first day of the project's week: Saturdays for weeks ending on Friday", () => {
    // Thirty days from Wednesday 4 November 2026: the Saturdays in them are 7, 14, 21 and 28 November.
    const first = isoDateToDay('2026-11-04')!;
    const days = Array.from({ length: 30 }, (_, k) => first + k);
    const points = days.map((day, k) => ({ label: shortDate(dayToIsoDate(day)), value: k % 4 }));
    const { container } = render(<LineChart points={points} days={days} weekEndsOn="friday" yLabel="items" />);
    const labels = Array.from(container.querySelectorAll('.visx-axis-bottom text'), (text) => text.textContent);
    expect(labels).toEqual([
      axisDateLabel('2026-11-07', true),
      axisDateLabel('2026-11-14'),
      axisDateLabel('2026-11-21'),
      axisDateLabel('2026-11-28'),
    ]);
  });
});
