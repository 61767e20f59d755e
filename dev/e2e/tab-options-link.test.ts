import { expect } from '@jest/globals';
import type { Frame, Page } from 'playwright-core';
import { describeViolations, seriousAccessibilityViolations } from '../testing/accessibility-audit';
import { e2eSuite } from './e2e-suite';
import { expectScatterDots } from './chart-marks';
import { projectPagePath } from './project-page-opener';
import { dayOf, measured, MS_PER_DAY, today, type Measured } from './default-conventions';
import { exportedIssues } from './jira-export';

jest.setTimeout(180_000);

/**
 * The tabs' options in the page's link, end to end in headless Chromium on the simulated site: a reader sets up
 * a tab (the scatterplot's scale, rolling line and zoom; what the cumulative flow diagram hides; the aging's day;
 * the forecast's window, start and questions), copies the address, and whoever opens it sees the same view. What
 * the view shows is worked out here from Jira's export of the project by the page's default conventions
 * (`default-conventions.ts`), never with the app's code. The page opens without epics, on the whole history.
 */
const PROJECT = 'FLOW';

// The types the page counts until an admin says otherwise (no epics).
const suite = e2eSuite({ site: 'synced', exported: { project: PROJECT, countedByDefault: true } });
let items: Measured[];

beforeAll(() => {
  items = suite.issues.map(measured);
});

const iso = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** The host page's address as a reader copies it: its path and query. */
const copiedLink = (page: Page) => page.evaluate(() => `${window.location.pathname}${window.location.search}`);

/** Opens an address copied from the host page, as whoever follows the link. */
const follow = (link: string, ready: string, theme: 'light' | 'dark' = 'light') =>
  suite.pages.open({ path: link, theme, ready: { testId: ready, timeout: 60_000 } });

const checked = (frame: Frame, testId: string) => frame.getByTestId(`${testId}--hidden-checkbox`).isChecked();

describe('a link to a tab set up by the reader', () => {
  it('reproduces the scatterplot: its logarithmic scale, rolling line and zoom, with the dots Jira says finished in the zoom', async () => {
    const { page, frame } = await suite.pages.open({
      path: projectPagePath(PROJECT, '?tab=cycle-time'),
      ready: { testId: 'tab-panel-cycle-time', timeout: 60_000 },
    });
    await frame.getByTestId('scatter-log-scale--hidden-checkbox').check();
    await frame.getByTestId('scatter-rolling').selectOption('20');
    // Zoomed in twice by button: a quarter of the period, around its middle.
    await frame.getByRole('button', { name: 'Zoom in' }).click();
    await frame.getByRole('button', { name: 'Zoom in' }).click();
    const range = frame.getByTestId('scatter-zoom-range');
    const zoom = { from: (await range.getAttribute('data-from'))!, to: (await range.getAttribute('data-to'))! };
    await page.waitForFunction(() => new URLSearchParams(window.location.search).has('zoom'));
    const link = await copiedLink(page);
    expect(new URLSearchParams(link.split('?')[1]).get('log-scale')).toBe('on');

    const followed = await follow(link, 'tab-panel-cycle-time');
    await expect(checked(followed.frame, 'scatter-log-scale')).resolves.toBe(true);
    await expect(followed.frame.getByTestId('scatter-rolling').inputValue()).resolves.toBe('20');
    const shown = followed.frame.getByTestId('scatter-zoom-range');
    await expect(shown.getAttribute('data-from')).resolves.toBe(zoom.from);
    await expect(shown.getAttribute('data-to')).resolves.toBe(zoom.to);
    const [from, to] = [dayOf(Date.parse(`${zoom.from}T00:00:00Z`)), dayOf(Date.parse(`${zoom.to}T00:00:00Z`))];
    const finished = items.filter(
      (item) => item.start !== null && item.done !== null && dayOf(item.done) >= from && dayOf(item.done) <= to,
    );
    expect(finished.length).toBeGreaterThan(0);
    await expectScatterDots(followed.frame, finished.length);
  });

  it('reproduces what the cumulative flow diagram hides', async () => {
    const { page, frame } = await suite.pages.open({
      path: projectPagePath(PROJECT, '?tab=flow'),
      ready: { testId: 'tab-panel-flow', timeout: 60_000 },
    });
    await frame.getByTestId('cumulative-flow-hide-backlog--hidden-checkbox').check();
    await page.waitForFunction(() => new URLSearchParams(window.location.search).get('hide-backlog') === 'on');

    const followed = await follow(await copiedLink(page), 'tab-panel-flow');
    await expect(checked(followed.frame, 'cumulative-flow-hide-backlog')).resolves.toBe(true);
    await expect(checked(followed.frame, 'cumulative-flow-hide-done')).resolves.toBe(false);
    await expect(followed.frame.getByTestId('cumulative-flow-legend').locator(':scope > *').allTextContents()).resolves.toEqual([
      'Done',
      'In Progress',
    ]);
  });

  it('reproduces the aging as it stood on a past day', async () => {
    const day = iso(today() - 10);
    const { page, frame } = await suite.pages.open({
      path: projectPagePath(PROJECT, '?tab=aging'),
      ready: { testId: 'tab-panel-aging', timeout: 60_000 },
    });
    await frame.getByTestId('aging-as-of').fill(day);
    await page.waitForFunction((asked) => new URLSearchParams(window.location.search).get('aging-day') === asked, day);

    const followed = await follow(await copiedLink(page), 'chart-aging');
    await expect(followed.frame.getByTestId('aging-as-of').inputValue()).resolves.toBe(day);
    const written = await followed.frame.evaluate(
      (asked) => new Date(`${asked}T00:00:00Z`).toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' }),
      day,
    );
    await expect(followed.frame.getByTestId('chart-aging-summary').textContent()).resolves.toContain(
      `in progress at the end of ${written}`,
    );
  });

  it("reproduces the forecast's sampling window, start and questions", async () => {
    const start = iso(today() + 7);
    const by = iso(today() + 42);
    const { page, frame } = await suite.pages.open({
      path: projectPagePath(PROJECT, '?tab=forecast'),
      ready: { testId: 'tab-panel-forecast', timeout: 90_000 },
    });
    await frame.getByTestId('forecast-sampling-mode').selectOption('last-180');
    await frame.getByTestId('forecast-start-date').fill(start);
    await frame.getByTestId('forecast-target-date').fill(by);
    await frame.getByTestId('forecast-items').fill('25');
    await page.waitForFunction(() => new URLSearchParams(window.location.search).get('items') === '25');

    const followed = await follow(await copiedLink(page), 'tab-panel-forecast');
    await expect(followed.frame.getByTestId('forecast-sampling-mode').inputValue()).resolves.toBe('last-180');
    await expect(followed.frame.getByTestId('forecast-start-date').inputValue()).resolves.toBe(start);
    await expect(followed.frame.getByTestId('forecast-target-date').inputValue()).resolves.toBe(by);
    await expect(followed.frame.getByTestId('forecast-items').inputValue()).resolves.toBe('25');
    await followed.frame.getByTestId('forecast-when-sentence').waitFor({ timeout: 60_000 });
    await expect(followed.frame.getByTestId('forecast-when-sentence').textContent()).resolves.toContain('25 items');
    await expect(followed.frame.getByTestId('tab-panel-forecast').textContent()).resolves.toContain('sampled from 180 days');
  });

  it('reproduces the remaining work counted from a JQL query, counted again by Jira for whoever follows the link', async () => {
    const unfinishedBugs = (await exportedIssues(suite.site, PROJECT, 'member')).filter(
      (issue) => issue.type === 'Bug' && issue.category !== 'done',
    );
    expect(unfinishedBugs.length).toBeGreaterThan(0);
    const counted = `Jira counts ${unfinishedBugs.length.toLocaleString('en-US')} unfinished`;
    const { page, frame } = await suite.pages.open({
      path: projectPagePath(PROJECT, '?tab=forecast'),
      ready: { testId: 'tab-panel-forecast', timeout: 90_000 },
    });
    await frame.getByTestId('forecast-remaining-source').selectOption('jql');
    await frame.getByTestId('forecast-remaining-jql').fill('issuetype = Bug');
    await frame.getByTestId('forecast-remaining-count').click();
    await page.waitForFunction(() => new URLSearchParams(window.location.search).get('jql') === 'issuetype = Bug');
    await expect(frame.getByTestId('forecast-remaining-outcome').textContent()).resolves.toContain(counted);

    const followed = await follow(await copiedLink(page), 'tab-panel-forecast');
    await expect(followed.frame.getByTestId('forecast-remaining-jql').inputValue()).resolves.toBe('issuetype = Bug');
    await followed.frame.getByTestId('forecast-remaining-outcome').waitFor({ timeout: 30_000 });
    await expect(followed.frame.getByTestId('forecast-remaining-outcome').textContent()).resolves.toContain(counted);
    await expect(followed.frame.getByTestId('forecast-items').inputValue()).resolves.toBe(String(unfinishedBugs.length));
  });

  it('shows the defaults for the values it cannot use, and says which, without failing', async () => {
    const { frame } = await follow(
      projectPagePath(PROJECT, '?tab=flow&hide-done=perhaps&rolling=7&zoom=soon&hide-backlog=on'),
      'tab-panel-flow',
    );
    const notice = (await frame.getByTestId('page-url-notice').textContent()) ?? '';
    for (const parameter of ['hide-done=perhaps', 'rolling=7', 'zoom=soon']) expect(notice).toContain(`"${parameter}" was left out`);
    await expect(checked(frame, 'cumulative-flow-hide-backlog')).resolves.toBe(true);
    await expect(checked(frame, 'cumulative-flow-hide-done')).resolves.toBe(false);
  });

  it.each(['light', 'dark'] as const)(
    'has no serious or critical accessibility violations on a linked aging view and its notice, in %s mode',
    async (theme) => {
      const { page, frame } = await follow(
        projectPagePath(PROJECT, `?tab=aging&aging-day=${iso(today() - 10)}&rolling=7`),
        'chart-aging',
        theme,
      );
      await frame.getByTestId('page-url-notice').waitFor();
      await frame.getByTestId('aging-pace-band').first().waitFor();
      expect(describeViolations(await seriousAccessibilityViolations(frame))).toBe('');
      await page.close();
    },
  );
});
