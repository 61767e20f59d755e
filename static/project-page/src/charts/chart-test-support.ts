import { fireEvent, screen } from '@testing-library/react';
import { DEFAULT_LAYOUT } from './layout';

/** The text of the chart tooltip on screen, or null when none is shown. */
export function tooltipText(): string | null {
  return screen.queryByTestId('chart-tooltip')?.textContent ?? null;
}

/** Lays a drawing out at exactly its viewBox size (jsdom lays out nothing), so client coordinates are viewBox coordinates. */
export function layOutAtViewBoxSize(svg: Element): void {
  jest
    .spyOn(svg, 'getBoundingClientRect')
    .mockReturnValue({ left: 0, top: 0, width: DEFAULT_LAYOUT.width, height: DEFAULT_LAYOUT.height } as DOMRect);
}

/** A chart's data table, shown as a reader shows it: by pressing the chart's "Data table" button. */
export function openChartTable(chartTestId: string): HTMLTableElement {
  const toggle = screen.getByTestId(`${chartTestId}-table-toggle`);
  if (toggle.getAttribute('aria-expanded') !== 'true') fireEvent.click(toggle);
  return screen.getByTestId<HTMLTableElement>(`${chartTestId}-table`);
}

/** A date as the reader's locale writes it on an axis: day and month ("Dec 20" in en-US, "20. Dez." in de-DE), with the year if asked. */
export const axisDateLabel = (iso: string, withYear = false) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
