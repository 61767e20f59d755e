import { expect } from '@jest/globals';
import type { Frame, Page } from 'playwright-core';
import { describeViolations, seriousAccessibilityViolations } from '../testing/accessibility-audit';
import { tableRows } from './chart-table';
import { projectPagePath } from './project-page-opener';
import { dayOf, measured, MS_PER_DAY, today, type Measured } from './default-conventions';
import { e2eSuite } from './e2e-suite';

jest.setTimeout(180_000);

/**
 * The cumulative flow diagram's options end to end in headless Chromium on the simulated site, over the last 90
 * days: *Hide backlog* and *Hide done* leave out the bands before the start stage and from the done stage on, and
 * the arrival and departure rates written under the chart are the items that reached the start stage and the done
 * stage per day over the days shown. Every figure is worked out here from Jira's export by the page's default
 * conventions (`default-conventions.ts`: stages To Do, In Progress, Done; an item's final dates count), never
 * with the app's code; the bands' values are read where a reader reads them, in the chart's tooltip.
 */
const PROJECT = 'FLOW';
const CFD = '[data-testid="chart-cumulative-flow"]';
const PERIOD_DAYS = 90;

const suite = e2eSuite({ site: 'synced', exported: { project: PROJECT, countedByDefault: true } });
let items: Measured[];
/** The period's days (UTC day numbers), the last 90 up to today. */
let days: number[];

beforeAll(() => {
  items = suite.issues.map(measured);
  days = Array.from({ length: PERIOD_DAYS }, (_, k) => today() - PERIOD_DAYS + 1 + k);
});

/** Items that had reached In Progress (started) and Done by the end of `day`, by their final dates. */
const startedBy = (day: number) => items.filter((item) => item.start !== null && dayOf(item.start) <= day).length;
const doneBy = (day: number) => items.filter((item) => item.done !== null && dayOf(item.done) <= day).length;
const createdBy = (day: number) => items.filter((item) => dayOf(item.issue.created) <= day).length;

const openFlow = (theme: 'light' | 'dark') =>
  suite.pages.open({
    path: projectPagePath(PROJECT, `?period=${PERIOD_DAYS}&tab=flow`),
    theme,
    ready: { testId: 'tab-panel-flow', timeout: 60_000 },
  });

/** Each day as the page writes it in its tables and its tooltips (medium date, with the year), in the browser's locale. */
function written(frame: Frame): Promise<string[]> {
  return frame.evaluate(
    (isoDays) => isoDays.map((iso) => new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' })),
    days.map((day) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10)),
  );
}

/** A rate as the page writes it: one decimal at most, in the browser's locale. */
const rateText = (frame: Frame, value: number) =>
  frame.evaluate((v) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(v), value);

/** The bands the legend names, bottom band (done work) first, as they are stacked. */
async function legend(frame: Frame): Promise<string[]> {
  return frame.getByTestId('cumulative-flow-legend').locator(':scope > *').allTextContents();
}

/**
 * What the tooltip lists when pointing at the chart `fraction` of the way across its drawing: the day it names
 * (an index into `days`) and each band shown with its value, top band first.
 */
async function pointAt(page: Page, frame: Frame, fraction: number): Promise<{ day: number; bands: string[] }> {
  const drawing = frame.locator(`${CFD} .fm-chart-canvas > svg.fm-chart-svg:not(.fm-chart-layer)`).first();
  const box = (await drawing.boundingBox())!;
  await page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
  const tooltip = frame.locator(`${CFD} [data-testid="chart-tooltip"]`);
  await tooltip.waitFor({ timeout: 10_000 });
  const label = (await tooltip.locator('strong').textContent())!;
  const bands = await tooltip.locator('.fm-chart-tooltip-series').allTextContents();
  const day = (await written(frame)).indexOf(label);
  if (day < 0) throw new Error(`The tooltip names "${label}", not a day of the period`);
  return { day, bands };
}

const POINTED_AT = [0.2, 0.5, 0.85];

describe('the cumulative flow options, over the last 90 days', () => {
  it('draws every stage from the export day by day, and writes the arrival and departure rates Jira holds', async () => {
    const { frame } = await openFlow('light');
    const { columns, rows } = await tableRows(frame, 'chart-cumulative-flow');
    expect(columns).toEqual(['Date', 'To Do', 'In Progress', 'Done']);
    const asNumber = (cell: string) => Number(cell.replace(/[^0-9]/g, ''));
    expect(rows.map(([date, ...counts]) => [date, ...counts.map(asNumber)])).toEqual(
      (await written(frame)).map((date, k) => [date, createdBy(days[k]!), startedBy(days[k]!), doneBy(days[k]!)]),
    );
    await expect(legend(frame)).resolves.toEqual(['Done', 'In Progress', 'To Do']);

    const [first, last] = [days[0]!, days.at(-1)!];
    const arrivals = (startedBy(last) - startedBy(first)) / (PERIOD_DAYS - 1);
    const departures = (doneBy(last) - doneBy(first)) / (PERIOD_DAYS - 1);
    expect(arrivals).toBeGreaterThan(0);
    expect(departures).toBeGreaterThan(0);
    const rates = `Arrivals ${await rateText(frame, arrivals)} items/day, departures ${await rateText(frame, departures)} items/day over the ${PERIOD_DAYS} days shown.`;
    await expect(frame.getByTestId('cumulative-flow-rates').textContent()).resolves.toBe(rates);
    await expect(frame.locator(CFD).textContent()).resolves.toContain(rates);
  });

  it('hides the backlog, then done work too, leaving the bands of work in progress (and done) with their values from the export', async () => {
    const { page, frame } = await openFlow('light');
    const ratesBefore = await frame.getByTestId('cumulative-flow-rates').textContent();

    await frame.getByTestId('cumulative-flow-hide-backlog--hidden-checkbox').check();
    await expect(legend(frame)).resolves.toEqual(['Done', 'In Progress']);
    for (const fraction of POINTED_AT) {
      const { day, bands } = await pointAt(page, frame, fraction);
      const on = days[day]!;
      expect(bands).toEqual([`In Progress: ${startedBy(on) - doneBy(on)}`, `Done: ${doneBy(on)}`]);
    }

    await frame.getByTestId('cumulative-flow-hide-done--hidden-checkbox').check();
    await expect(legend(frame)).resolves.toEqual(['In Progress']);
    const seen = new Set<number>();
    for (const fraction of POINTED_AT) {
      const { day, bands } = await pointAt(page, frame, fraction);
      seen.add(day);
      expect(bands).toEqual([`In Progress: ${startedBy(days[day]!) - doneBy(days[day]!)}`]);
    }
    expect(seen.size).toBe(POINTED_AT.length);

    // The rates describe the days shown, whichever bands are: they stay as they were.
    await expect(frame.getByTestId('cumulative-flow-rates').textContent()).resolves.toBe(ratesBefore);
    await frame.getByTestId('cumulative-flow-hide-backlog--hidden-checkbox').uncheck();
    await expect(legend(frame)).resolves.toEqual(['In Progress', 'To Do']);
    const { day, bands } = await pointAt(page, frame, 0.5);
    expect(bands).toEqual([
      `To Do: ${createdBy(days[day]!) - startedBy(days[day]!)}`,
      `In Progress: ${startedBy(days[day]!) - doneBy(days[day]!)}`,
    ]);
  });

  it.each(['light', 'dark'] as const)(
    'has no serious or critical accessibility violations with the backlog and done work hidden, in %s mode',
    async (theme) => {
      const { page, frame } = await openFlow(theme);
      await frame.getByTestId('cumulative-flow-hide-backlog--hidden-checkbox').check();
      await frame.getByTestId('cumulative-flow-hide-done--hidden-checkbox').check();
      await expect(legend(frame)).resolves.toEqual(['In Progress']);
      const violations = await seriousAccessibilityViolations(frame);
      expect(describeViolations(violations)).toBe('');
      await page.close();
    },
  );
});
