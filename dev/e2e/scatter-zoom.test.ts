import { expect } from '@jest/globals';
import type { Frame, Page } from 'playwright-core';
import { describeViolations, seriousAccessibilityViolations } from '../testing/accessibility-audit';
import { projectPagePath, showTab } from './project-page-opener';
import { expectScatterDots } from './chart-marks';
import { e2eSuite } from './e2e-suite';

jest.setTimeout(180_000);

/**
 * Zooming the cycle-time scatterplot into dates, end to end in headless Chromium on the simulated site: by
 * the keyboard (the zoom buttons) and by dragging across the chart. After each zoom the chart holds exactly
 * the items Jira's own export says were resolved in the dates shown.
 */
const PROJECT = 'FLOW';
const SCATTER = '[data-testid="chart-cycle-time-scatter"]';

const suite = e2eSuite({ site: 'synced', exported: { project: PROJECT, countedByDefault: true } });
/** UTC days on which each of the project's done items was resolved, as Jira exports them (epics left out, as the page opens). */
let resolvedDays: string[];

beforeAll(() => {
  resolvedDays = suite.issues.flatMap(({ category, resolvedDay }) => (category === 'done' && resolvedDay ? [resolvedDay] : []));
});

async function openCycleTime(theme: 'light' | 'dark'): Promise<{ page: Page; frame: Frame }> {
  const { page, frame } = await suite.pages.open({
    path: projectPagePath(PROJECT),
    theme,
    ready: { testId: 'flow-report', timeout: 60_000 },
  });
  await showTab(frame, 'Cycle time', 'scatter-zoom');
  return { page, frame };
}

/** The dates shown (ISO), and the items Jira resolved in them. */
async function shownRange(frame: Frame) {
  const range = frame.getByTestId('scatter-zoom-range');
  const [from, to] = [await range.getAttribute('data-from'), await range.getAttribute('data-to')];
  return { from: from!, to: to!, expected: resolvedDays.filter((day) => day >= from! && day <= to!).length };
}

describe('zooming the scatterplot into dates', () => {
  it('zooms by the keyboard and by a drag, each time to the items Jira resolved in the dates shown, and resets', async () => {
    const { page, frame } = await openCycleTime('light');
    const whole = await shownRange(frame);
    await expectScatterDots(frame, whole.expected);

    // Keyboard only: focus the button and press Enter, twice, then move later.
    const zoomIn = frame.getByRole('button', { name: 'Zoom in' });
    await zoomIn.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const quarter = await shownRange(frame);
    expect(quarter.from > whole.from && quarter.to < whole.to).toBe(true);
    await expectScatterDots(frame, quarter.expected);
    await frame.getByRole('button', { name: 'Later' }).focus();
    await page.keyboard.press('Enter');
    const later = await shownRange(frame);
    expect(later.from > quarter.from).toBe(true);
    await expectScatterDots(frame, later.expected);

    await frame.getByRole('button', { name: 'Reset zoom' }).click();
    await expectScatterDots(frame, whole.expected);

    // A drag across the middle third of the plot.
    const box = (await frame.locator(`${SCATTER} svg[role="application"]`).boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.35, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, y, { steps: 5 });
    await frame.getByTestId('chart-selection').waitFor();
    await page.mouse.move(box.x + box.width * 0.65, y, { steps: 5 });
    await page.mouse.up();
    const dragged = await shownRange(frame);
    expect(dragged.from > whole.from && dragged.to < whole.to).toBe(true);
    await expectScatterDots(frame, dragged.expected);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('has no serious or critical accessibility violations while zoomed, in %s mode', async (theme) => {
    const { page, frame } = await openCycleTime(theme);
    await frame.getByRole('button', { name: 'Zoom in' }).click();
    await frame.getByRole('button', { name: 'Reset zoom' }).waitFor();
    const violations = await seriousAccessibilityViolations(frame);
    expect(describeViolations(violations)).toBe('');
    await page.close();
  });
});
