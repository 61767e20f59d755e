import type { Frame, Page } from 'playwright-core';
import { describeViolations, seriousAccessibilityViolations } from '../testing/accessibility-audit';
import { MS_PER_DAY } from '../../src/domain';
import { exportedIssues, type ExportedIssue } from './jira-export';
import { projectPagePath, showTab } from './project-page-opener';
import { e2eSuite } from './e2e-suite';
import { screenshotPath } from './screenshots';

jest.setTimeout(120_000);

/**
 * The Forecast tab's own settings end to end, in headless Chromium on the simulated site: the sampling window,
 * the start date, and the remaining work counted by Jira from a JQL query. Every expectation comes from what
 * Jira says about the project (the simulated site's export), never from the page's own code.
 */
const PROJECT = 'FLOW';

const suite = e2eSuite({ site: 'synced', exported: { project: PROJECT } });

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const daysFromToday = (days: number) => isoDay(Date.now() + days * MS_PER_DAY);

/** The most items Jira says were finished on one day from `from` to `to` (epics left out, as the page counts). */
function busiestDay(from: string, to: string): number {
  const perDay = new Map<string, number>();
  for (const issue of suite.issues) {
    if (issue.type === 'Epic' || issue.category !== 'done' || issue.resolvedDay === null) continue;
    if (issue.resolvedDay < from || issue.resolvedDay > to) continue;
    perDay.set(issue.resolvedDay, (perDay.get(issue.resolvedDay) ?? 0) + 1);
  }
  return Math.max(0, ...perDay.values());
}

async function openForecast(theme: 'light' | 'dark'): Promise<{ page: Page; frame: Frame }> {
  const { page, frame } = await suite.pages.open({
    path: projectPagePath(PROJECT),
    theme,
    ready: { testId: 'flow-report', timeout: 30_000 },
  });
  await showTab(frame, 'Forecast', 'forecast-how-many-sentence');
  return { page, frame };
}

/** A date as the page's locale writes it (the browser's, in UTC: the project's days). */
const written = (frame: Frame, iso: string) =>
  frame.evaluate(
    (day) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)),
    iso,
  );

async function waitForText(frame: Frame, testId: string, text: string) {
  await frame.waitForFunction(
    ([id, wanted]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes(wanted) === true,
    [testId, text] as const,
    { timeout: 30_000 },
  );
}

/** The "at least N items" of each confidence level, as the how-many table shows them. */
async function howManyRows(frame: Frame): Promise<number[]> {
  const cells = await frame.getByTestId('forecast-how-many-table').locator('tbody tr td:nth-child(2)').allTextContents();
  return cells.map((cell) => Number(cell.replace(/[^\d]/g, '')));
}

describe('the Forecast tab, as a member, on synced demo data', () => {
  let page: Page;
  let frame: Frame;

  beforeAll(async () => {
    ({ page, frame } = await openForecast('light'));
  }, 120_000);
  afterAll(async () => {
    await page?.close();
  });

  it('samples the days the reader chooses, says which on the chart, and starts on the day chosen', async () => {
    // The last 28 days: four weeks ending yesterday.
    await frame.getByTestId('forecast-sampling-mode').selectOption('days');
    await frame.getByTestId('forecast-sampling-days').fill('28');
    const [from, to] = [daysFromToday(-28), daysFromToday(-1)];
    await waitForText(
      frame,
      'chart-forecast-how-many',
      `sampled from 4 weeks, ${await written(frame, from)} – ${await written(frame, to)}`,
    );

    // A week's work starting in a week: 7 simulated days, none of which can finish more than Jira's busiest
    // day of the window did, seven times over.
    const [start, target] = [daysFromToday(7), daysFromToday(13)];
    await frame.getByTestId('forecast-start-date').fill(start);
    await frame.getByTestId('forecast-target-date').fill(target);
    await waitForText(frame, 'forecast-how-many-sentence', `by ${await written(frame, target)}.`);
    await waitForText(frame, 'tab-panel-forecast', `starting ${await written(frame, start)}`);
    const rows = await howManyRows(frame);
    expect(rows).toHaveLength(4);
    const most = 7 * busiestDay(from, to);
    expect(most).toBeGreaterThan(0);
    for (const items of rows) expect(items).toBeLessThanOrEqual(most);
    // Higher confidence, fewer items.
    expect([...rows].sort((a, b) => b - a)).toEqual(rows);
  });

  it('refuses a window that starts before the history, beside the field', async () => {
    await frame.getByTestId('forecast-sampling-mode').selectOption('range');
    await frame.getByTestId('forecast-sampling-from').fill('2000-01-03');
    await expect(frame.getByTestId('forecast-sampling-problem').textContent()).resolves.toMatch(
      /^The history starts on .+: choose a start on or after it\.$/,
    );
    await expect(frame.getByTestId('forecast-sampling-from').getAttribute('aria-invalid')).resolves.toBe('true');
  });

  it('counts the remaining work from a JQL query, as Jira counts it for the reader', async () => {
    const unfinishedBugs = suite.issues.filter((issue) => issue.type === 'Bug' && issue.category !== 'done').length;
    expect(unfinishedBugs).toBeGreaterThan(0);
    await frame.getByTestId('forecast-remaining-source').selectOption('jql');
    await frame.getByTestId('forecast-remaining-jql').fill('issuetype = Bug');
    await frame.getByTestId('forecast-remaining-count').click();
    await waitForText(frame, 'forecast-remaining-outcome', `Jira counts ${unfinishedBugs.toLocaleString('en-US')} unfinished`);
    await expect(frame.getByTestId('forecast-items').inputValue()).resolves.toBe(String(unfinishedBugs));
    await waitForText(frame, 'forecast-when-sentence', `${unfinishedBugs.toLocaleString('en-US')} items`);
    await page.screenshot({ path: screenshotPath('project-page-forecast-settings-light.png') });
  });

  it("counts an epic's unfinished children, as Jira counts them for the reader", async () => {
    const unfinishedByEpic = new Map<string, number>();
    for (const issue of suite.issues) {
      if (issue.parent !== null && issue.category !== 'done')
        unfinishedByEpic.set(issue.parent, (unfinishedByEpic.get(issue.parent) ?? 0) + 1);
    }
    const [epic, unfinished] = [...unfinishedByEpic].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    expect(unfinished).toBeGreaterThan(1);
    await frame.getByTestId('forecast-remaining-source').selectOption('epic');
    await frame.getByTestId('forecast-remaining-epic').fill(epic);
    await frame.getByTestId('forecast-remaining-count').click();
    await waitForText(frame, 'forecast-remaining-outcome', `Jira counts ${unfinished.toLocaleString('en-US')} unfinished`);
    await expect(frame.getByTestId('forecast-items').inputValue()).resolves.toBe(String(unfinished));
    await frame.getByTestId('forecast-remaining-source').selectOption('jql');
  });

  it("shows Jira's reason for a query it cannot run beside the field", async () => {
    await frame.getByTestId('forecast-remaining-jql').fill('colour = blue');
    await frame.getByTestId('forecast-remaining-count').click();
    await waitForText(frame, 'forecast-remaining-problem', "Jira could not run this query: Field 'colour' does not exist");
  });

  it('has no serious or critical accessibility violations with its settings open, light', async () => {
    const violations = await seriousAccessibilityViolations(frame);
    expect(describeViolations(violations)).toBe('');
  });
});

describe('the Forecast tab in the dark theme', () => {
  it('has no serious or critical accessibility violations with its settings open', async () => {
    const { page, frame } = await openForecast('dark');
    await frame.getByTestId('forecast-sampling-mode').selectOption('range');
    await frame.getByTestId('forecast-sampling-from').fill('2000-01-03');
    await frame.getByTestId('forecast-remaining-source').selectOption('jql');
    await frame.getByTestId('forecast-remaining-jql').fill('colour = blue');
    await frame.getByTestId('forecast-remaining-count').click();
    await frame.getByTestId('forecast-remaining-problem').waitFor({ timeout: 30_000 });
    const violations = await seriousAccessibilityViolations(frame);
    expect(describeViolations(violations)).toBe('');
    await page.close();
  });
});

describe('the remaining work of a project with issue security', () => {
  /**
   * BUG's unfinished bugs, as Jira's export has them for the app (which sees every level), and how many of them
   * are at a level that does not admit the member.
   */
  async function unfinishedBugs(): Promise<{ all: number; secured: number }> {
    const unfinished = (exported: ExportedIssue[]) => exported.filter((issue) => issue.type === 'Bug' && issue.category !== 'done').length;
    const all = unfinished(await exportedIssues(suite.site, 'BUG'));
    return { all, secured: all - unfinished(await exportedIssues(suite.site, 'BUG', 'member')) };
  }

  async function countedFor(role: string): Promise<string> {
    const { page, frame } = await suite.pages.open({
      path: projectPagePath('BUG'),
      as: role,
      ready: { testId: 'flow-report', timeout: 60_000 },
    });
    await frame.getByRole('tab', { name: 'Forecast', exact: true }).click();
    await frame.getByTestId('forecast-remaining-source').selectOption('jql');
    await frame.getByTestId('forecast-remaining-jql').fill('issuetype = Bug');
    await frame.getByTestId('forecast-remaining-count').click();
    await frame.getByTestId('forecast-remaining-outcome').waitFor({ timeout: 30_000 });
    const outcome = (await frame.getByTestId('forecast-remaining-outcome').textContent()) ?? '';
    await page.close();
    return outcome;
  }

  it('counts for the member none of the unfinished bugs at a level that does not admit them, and for the admin all', async () => {
    const { all, secured } = await unfinishedBugs();
    expect(secured).toBeGreaterThan(0);
    await expect(countedFor('member')).resolves.toContain(`Jira counts ${(all - secured).toLocaleString('en-US')} unfinished`);
    await expect(countedFor('admin')).resolves.toContain(`Jira counts ${all.toLocaleString('en-US')} unfinished`);
  });
});
