import { expect } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { projectPagePath, showTab } from './project-page-opener';
import { MS_PER_DAY } from '../../src/domain';
import { e2eSuite } from './e2e-suite';

jest.setTimeout(120_000);

/**
 * "How many items by" a date far away, end to end in headless Chromium on the simulated site. A date centuries
 * ahead once kept the page busy for minutes and drew the 85% and 95% labels on top of each other. The page now
 * refuses a date more than a year ahead, beside the field, in words that say why; the furthest date it takes is
 * simulated without blocking the page (a click is handled at once while the futures are drawn); and no two
 * confidence labels of a forecast chart overlap.
 */
const PROJECT = 'FLOW';
/** The days a reader may look ahead (the page's documented bound: a year). */
const DAYS_AHEAD = 365;
/**
 * The longest a click may wait for the page while it forecasts. A frame is 16 ms; the allowance is for a shared
 * two-core machine. A simulation of a far date on the page's main thread took seconds to minutes.
 */
const RESPONSIVE_WITHIN_MS = 1_500;

const suite = e2eSuite({ site: 'synced' });
let frame: Frame;

beforeAll(async () => {
  ({ frame } = await suite.pages.open({ path: projectPagePath(PROJECT), ready: { testId: 'flow-report', timeout: 60_000 } }));
  await showTab(frame, 'Forecast', 'forecast-how-many-sentence');
}, 180_000);

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;

/** A date as the page's locale writes it (the browser's, in UTC: the project's days). */
const written = (iso: string) =>
  frame.evaluate(
    (day) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)),
    iso,
  );

async function waitForText(testId: string, text: string) {
  await frame.waitForFunction(
    ([id, wanted]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes(wanted) === true,
    [testId, text] as const,
    { timeout: 60_000 },
  );
}

/**
 * How long the page takes to handle a date typed into "how many items by" and then a click on the "when"
 * question's field (focus moved to it), in ms: whatever the date sets off, on the page's thread, is in it.
 */
async function typeDateThenClick(date: string): Promise<number> {
  await frame.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const started = Date.now();
  await frame.getByTestId('forecast-target-date').fill(date, { timeout: 60_000 });
  await frame.getByTestId('forecast-items').click({ timeout: 60_000 });
  await frame.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'forecast-items', undefined, {
    timeout: 60_000,
  });
  return Date.now() - started;
}

/** Pairs of confidence labels of the chart whose boxes overlap, by their text. */
async function overlappingMarkLabels(chartTestId: string): Promise<string[]> {
  const boxes = await frame
    .getByTestId(chartTestId)
    .locator('.fm-chart-mark-label')
    .evaluateAll((labels) =>
      labels.map((label) => {
        const box = label.getBoundingClientRect();
        return { text: label.textContent ?? '', left: box.left, right: box.right, top: box.top, bottom: box.bottom };
      }),
    );
  const overlaps: string[] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps.push(`"${a.text}" over "${b.text}"`);
    }
  }
  return overlaps;
}

describe('"How many items by" a far-off date, as a member', () => {
  it('refuses 9999-12-31 beside the field, saying how far ahead it may look and why, and keeps the last answer', async () => {
    const field = frame.getByTestId('forecast-target-date');
    const [earliest, latest] = [await field.getAttribute('min'), await field.getAttribute('max')];
    if (earliest === null || latest === null) throw new Error('The date field has no bounds');
    // From tomorrow to a year from today.
    expect(dayNumber(latest) - dayNumber(earliest)).toBe(DAYS_AHEAD - 1);
    const sentenceBefore = await frame.getByTestId('forecast-how-many-sentence').textContent();

    const latency = await typeDateThenClick('9999-12-31');
    const problem = frame.getByTestId('forecast-target-date-problem');
    await problem.waitFor({ timeout: 10_000 });
    await expect(problem.textContent()).resolves.toBe(
      `Choose a date up to a year ahead (${await written(latest)} at the latest): past throughput says little about work further away.`,
    );
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(field.getAttribute('aria-describedby')).resolves.toBe(await problem.getAttribute('id'));
    // Beside the field: right after the field's label.
    await expect(
      problem.evaluate((element) => element.previousElementSibling?.querySelector('[data-testid="forecast-target-date"]') !== null),
    ).resolves.toBe(true);
    // Refused, not asked: the page is at once free for the next click, and the answer is still the last one.
    expect(latency).toBeLessThan(RESPONSIVE_WITHIN_MS);
    await expect(frame.getByTestId('forecast-how-many-sentence').textContent()).resolves.toBe(sentenceBefore);
    expect(await frame.getByTestId('forecast-how-many-sentence').textContent()).not.toMatch(/9999/);
    await expect(overlappingMarkLabels('chart-forecast-how-many')).resolves.toEqual([]);
  });

  it('forecasts to the furthest date it allows without blocking the page, and no confidence labels overlap', async () => {
    const field = frame.getByTestId('forecast-target-date');
    const latest = (await field.getAttribute('max'))!;
    // While a year of futures is simulated, the page answers a click at once.
    expect(await typeDateThenClick(latest)).toBeLessThan(RESPONSIVE_WITHIN_MS);
    await expect(frame.getByTestId('forecast-target-date-problem').count()).resolves.toBe(0);
    await waitForText('forecast-how-many-sentence', `by ${await written(latest)}.`);
    await frame.getByTestId('chart-forecast-how-many').locator('.fm-chart-mark-label').first().waitFor({ timeout: 30_000 });
    await expect(overlappingMarkLabels('chart-forecast-how-many')).resolves.toEqual([]);
    await expect(overlappingMarkLabels('chart-forecast-when')).resolves.toEqual([]);
    // The 85% and 95% levels are both on the chart, each readable.
    const labels = await frame.getByTestId('chart-forecast-how-many').locator('.fm-chart-mark-label').allTextContents();
    expect(labels.join(' ')).toMatch(/85%/);
    expect(labels.join(' ')).toMatch(/95%/);
  });
});
