import dark from '@atlaskit/tokens/atlassian-dark';
import light from '@atlaskit/tokens/atlassian-light';
import type { Frame, Page } from 'playwright-core';
import { describeViolations, seriousAccessibilityViolations } from '../testing/accessibility-audit';
import { appFrameContent, bridgeCallOf, openHostPage, resolverCallsOf, userWithRole } from '../testing/open-host-page';
import { MS_PER_DAY } from '../../src/domain';
import { tableColumn, tableRows } from './chart-table';
import { statusVisits, type ExportedIssue } from './jira-export';
import { HISTORY_DECODED } from '../../static/project-page/src/history-load-marks';
import { expectScatterDots, workInProgressAtColumnHeads } from './chart-marks';
import { e2eSuite } from './e2e-suite';
import { screenshotPath } from './screenshots';

// A browser step waits on the built page, the bridge and the simulated sites: on a busy two-core machine a
// test can take well over the default 30 s without anything being wrong.
jest.setTimeout(120_000);

/**
 * The project page end to end, in headless Chromium, through the local host page, on demo projects the admin
 * has measured and the platform has synced. Every figure the page shows is checked against what Jira itself
 * says about the project (its issues, their current status category and resolution date, read through the
 * simulated site's export), never against numbers written here or computed by the page's own code.
 * Screenshots go to test-results/screenshots/ (ignored by git).
 */
const PROJECT = 'FLOW';
/** axe-core takes a few seconds a tab on this shared machine; an audit covers seven tabs. */
const AUDIT_TIMEOUT_MS = 120_000;

const TABS = [
  { label: 'Overview', panel: 'tab-panel-overview', file: 'overview' },
  { label: 'Cycle time', panel: 'tab-panel-cycle-time', file: 'cycle-time' },
  { label: 'Throughput', panel: 'tab-panel-throughput', file: 'throughput' },
  { label: 'Flow', panel: 'tab-panel-flow', file: 'flow' },
  { label: 'Aging', panel: 'tab-panel-aging', file: 'aging' },
  { label: 'Forecast', panel: 'tab-panel-forecast', file: 'forecast' },
  { label: 'Issues', panel: 'tab-panel-issues', file: 'issues' },
] as const;
type TabLabel = (typeof TABS)[number]['label'];

/** One issue as Jira reports it (`jira-export.ts`): what the page's figures must agree with. */
type JiraIssue = ExportedIssue;

// As on a fresh site: the admin measures the demo projects, which queues their first syncs; the hourly trigger
// runs and the queue is worked off, as Forge would in the background. The page opens without epics (and
// sub-tasks, which FLOW has none of): an epic is a container of stories, not an item of their size. The figures
// it shows are checked against the other issues.
const suite = e2eSuite({ site: 'synced', exported: { project: PROJECT, countedByDefault: true } });

/**
 * Issues in progress at the end of a UTC day, by Jira's own history: in a status that is not done then, and
 * already in progress (or done) at some point by then, as the page's default stages count them.
 */
function inProgressAt(day: string, among = suite.issues): JiraIssue[] {
  const end = Date.parse(`${day}T23:59:59.999Z`);
  return among.filter((issue) => {
    const seen = statusVisits(issue).filter((visit) => visit.from <= end);
    if (seen.length === 0) return false;
    return seen.at(-1)!.category !== 'done' && seen.some((visit) => visit.category !== 'new');
  });
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const today = () => isoDay(Date.now());
const daysAgo = (days: number) => isoDay(Date.now() - days * MS_PER_DAY);

/** Issues finished in a window of days (inclusive), by Jira's own account: done now, resolved in the window. */
const finishedIn = (from: string, to: string, among = suite.issues) =>
  among.filter((issue) => issue.category === 'done' && issue.resolvedDay !== null && issue.resolvedDay >= from && issue.resolvedDay <= to);
const inProgress = (among = suite.issues) => among.filter((issue) => issue.category === 'indeterminate');
const firstCreated = (among = suite.issues) => among.map((issue) => isoDay(issue.created)).sort()[0]!;

async function openAs(
  role: string,
  projectKey: string,
  theme: 'light' | 'dark' = 'light',
  width = 1280,
  appQuery = '',
): Promise<{ page: Page; frame: Frame }> {
  // Tall enough for a whole tab in the host's frame, so the screenshots show every chart.
  const page = await openHostPage(suite.browser, suite.site, role, `/projects/${projectKey}/flow-metrics${appQuery}`, {
    theme,
    viewport: { width, height: 1700 },
  });
  return { page, frame: await appFrameContent(page) };
}

async function openReport(theme: 'light' | 'dark' = 'light', width?: number) {
  const opened = await openAs('member', PROJECT, theme, width);
  await opened.frame.getByTestId('flow-report').waitFor({ timeout: 30_000 });
  return opened;
}

async function showTab(frame: Frame, label: TabLabel) {
  const tab = TABS.find((candidate) => candidate.label === label)!;
  await frame.getByRole('tab', { name: label, exact: true }).click();
  await frame.getByTestId(tab.panel).waitFor({ timeout: 10_000 });
}

/** Waits until the selector matches exactly `expected` elements; fails with how many it did match. */
async function expectCount(frame: Frame, selector: string, expected: number) {
  try {
    await frame.waitForFunction(([css, n]) => document.querySelectorAll(css).length === n, [selector, expected] as const, {
      timeout: 10_000,
    });
  } catch {
    expect(await frame.locator(selector).count()).toBe(expected);
  }
}

/** Waits until a chart's data table has exactly `expected` rows; fails with how many it has. */
async function expectTableRows(frame: Frame, chartTestId: string, expected: number) {
  const deadline = Date.now() + 10_000;
  let { rows } = await tableRows(frame, chartTestId);
  while (rows.length !== expected && Date.now() < deadline) {
    await frame.waitForTimeout(200);
    ({ rows } = await tableRows(frame, chartTestId));
  }
  expect(rows).toHaveLength(expected);
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const scatterChart = '[data-testid="chart-cycle-time-scatter"]';

const formatted = (n: number) => n.toLocaleString('en-US');

/** Waits until the element's text contains `text`: answers computed off the page's thread arrive a moment later. */
async function waitForText(frame: Frame, testId: string, text: string) {
  await frame.waitForFunction(
    ([id, wanted]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes(wanted) === true,
    [testId, text] as const,
    {
      timeout: 30_000,
    },
  );
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: screenshotPath(`${name}.png`) });
}

describe('the project page, as a member, on synced demo data', () => {
  let page: Page;
  let frame: Frame;

  beforeAll(async () => {
    ({ page, frame } = await openReport());
  }, 60_000);

  afterAll(async () => {
    await page?.close();
  });

  it('shows the headline numbers Jira agrees with', async () => {
    await showTab(frame, 'Overview');
    await expect(frame.getByTestId('metric-wip').textContent()).resolves.toContain(`${formatted(inProgress().length)} items`);
    await expect(frame.getByTestId('sync-status').textContent()).resolves.toMatch(/up to date/i);
    await screenshot(page, 'project-page-overview-light');
  });

  it("is no taller than what it shows: the charts' hidden data tables take no room", async () => {
    await showTab(frame, 'Overview');
    // Jira sizes the app's frame to the height of the page inside it, so anything hidden that still takes room
    // would show as a long empty area under the charts. A short frame makes the page's own height visible.
    const shrink = (height: string) =>
      page.locator('#app-frame').evaluate((element, value) => {
        const style = (element as HTMLIFrameElement).style;
        const before = style.height;
        style.flex = value ? 'none' : '';
        style.minHeight = value ? '0' : '';
        style.height = value;
        return before;
      }, height);
    // The host page sizes the frame to its content; that height is put back afterwards.
    const fittedHeight = await shrink('300px');
    try {
      const { scrollHeight, contentBottom } = await frame.evaluate(() => ({
        scrollHeight: document.documentElement.scrollHeight,
        contentBottom: document.querySelector('[data-testid="flow-report"]')!.getBoundingClientRect().bottom + window.scrollY,
      }));
      expect(scrollHeight).toBeLessThan(contentBottom + 100);
    } finally {
      await shrink(fittedHeight);
    }
  });

  it('plots one dot per item finished in the window, and a histogram of the same items', async () => {
    await showTab(frame, 'Cycle time');
    const finished = finishedIn(firstCreated(), today());
    expect(finished.length).toBeGreaterThan(50);
    await expectScatterDots(frame, finished.length);
    expect(sum(await tableColumn(frame, 'chart-cycle-time-scatter', 'Items'))).toBe(finished.length);
    expect(sum(await tableColumn(frame, 'chart-cycle-time-histogram', 'Items'))).toBe(finished.length);
    await screenshot(page, 'project-page-cycle-time-light');
  });

  it("computes those figures in the report worker, from the app's own files, off the page's main thread", async () => {
    await showTab(frame, 'Cycle time');
    await expectScatterDots(frame, finishedIn(firstCreated(), today()).length);
    const workers = page.workers().map((worker) => new URL(worker.url()));
    const report = workers.find((url) => /\/report\.worker-[\w-]+\.js$/.test(url.pathname));
    expect(report?.origin).toBe(new URL(frame.url()).origin);
  });

  it('counts the finished items per period', async () => {
    await showTab(frame, 'Throughput');
    const perPeriod = await tableColumn(frame, 'chart-throughput-run', 'Items');
    expect(sum(perPeriod)).toBe(finishedIn(firstCreated(), today()).length);
    await expectCount(frame, '[data-testid="chart-throughput-run"] svg rect', perPeriod.length);
    await screenshot(page, 'project-page-throughput-light');
  });

  it('draws cumulative flow and WIP that end where Jira stands today', async () => {
    await showTab(frame, 'Flow');
    const done = await tableColumn(frame, 'chart-cumulative-flow', 'Done');
    expect(done.at(-1)).toBe(suite.issues.filter((issue) => issue.category === 'done').length);
    const wip = await tableColumn(frame, 'chart-wip-run', 'Items in progress');
    expect(wip.at(-1)).toBe(inProgress().length);
    await screenshot(page, 'project-page-flow-light');
  });

  it('shows the age of every item in progress, counted at the head of its stage', async () => {
    await showTab(frame, 'Aging');
    expect(await workInProgressAtColumnHeads(frame)).toBe(inProgress().length);
    await expectTableRows(frame, 'chart-aging', inProgress().length);
    await screenshot(page, 'project-page-aging-light');
  });

  it('shows the aging as it stood at the end of a past day', async () => {
    await showTab(frame, 'Aging');
    const day = daysAgo(45);
    const then = inProgressAt(day);
    expect(then.length).toBeGreaterThan(0);
    await frame.getByTestId('aging-as-of').fill(day);
    await waitForText(
      frame,
      'chart-aging-summary',
      `${formatted(then.length)} ${then.length === 1 ? 'item' : 'items'} in progress at the end of`,
    );
    expect(await workInProgressAtColumnHeads(frame)).toBe(then.length);
    const keys = (await tableRows(frame, 'chart-aging')).rows.map(([key]) => key!);
    expect(keys.sort()).toEqual(then.map((issue) => issue.key).sort());
    await frame.getByTestId('aging-as-of').fill('');
    await waitForText(frame, 'chart-aging-summary', 'in progress today');
  });

  it('counts the items finished each day, and nets arrivals against departures', async () => {
    await showTab(frame, 'Throughput');
    expect(sum(await tableColumn(frame, 'chart-throughput-daily', 'Items'))).toBe(finishedIn(firstCreated(), today()).length);
    await showTab(frame, 'Flow');
    // Over the whole history every item that arrived (started) either departed or is still in progress.
    expect(sum(await tableColumn(frame, 'chart-net-flow', 'Net'))).toBe(inProgress().length);
  });

  it('writes the departure rate of the days shown, and hides the backlog and done work on request', async () => {
    await showTab(frame, 'Flow');
    const days = (Date.parse(today()) - Date.parse(firstCreated())) / MS_PER_DAY;
    const departed = suite.issues.filter((issue) => issue.category === 'done').length - finishedIn('0000-01-01', firstCreated()).length;
    await expect(frame.getByTestId('cumulative-flow-rates').textContent()).resolves.toContain(
      `departures ${(departed / days).toLocaleString('en-US', { maximumFractionDigits: 1 })} items/day`,
    );
    await frame.getByLabel('Hide backlog').check();
    await frame.getByLabel('Hide done').check();
    await expect(frame.getByTestId('cumulative-flow-legend').textContent()).resolves.toBe('In Progress');
    await frame.getByLabel('Hide backlog').uncheck();
    await frame.getByLabel('Hide done').uncheck();
  });

  it('keeps one dot per finished item on a logarithmic scale, with a rolling percentile over them', async () => {
    await showTab(frame, 'Cycle time');
    await frame.getByLabel('Logarithmic scale').check();
    await frame.getByTestId('scatter-rolling').selectOption('20');
    await expectScatterDots(frame, finishedIn(firstCreated(), today()).length);
    await expectCount(frame, '[data-testid="chart-trend"]', 1);
    await frame.getByLabel('Logarithmic scale').uncheck();
    await frame.getByTestId('scatter-rolling').selectOption('');
  });

  it('measures from the stages chosen: from To Do on, every item not done is in progress', async () => {
    await frame.getByTestId('filter-stage-from').selectOption('To Do');
    await showTab(frame, 'Aging');
    await frame.waitForFunction(() =>
      document.querySelector('[data-testid="filter-stage-range-note"]')?.textContent?.startsWith('Every tab'),
    );
    expect(await workInProgressAtColumnHeads(frame)).toBe(suite.issues.filter((issue) => issue.category !== 'done').length);
    await frame.getByTestId('filter-stage-from').selectOption('In Progress');
  });

  it('forecasts when the work in progress will be done', async () => {
    await showTab(frame, 'Forecast');
    // Dates as the reader's locale writes them ("Mar 26, 2026"), not ISO.
    await expect(frame.getByTestId('forecast-how-many-sentence').textContent()).resolves.toMatch(
      /^\d+% chance of [\d,]+ or more items by [^\d]*\d.*\d{4}\.$/,
    );
    await expect(frame.getByTestId('forecast-how-many-sentence').textContent()).resolves.not.toMatch(/\d{4}-\d\d-\d\d/);
    await expect(frame.getByTestId('forecast-when-sentence').textContent()).resolves.toContain(`${formatted(inProgress().length)} items`);
    await screenshot(page, 'project-page-forecast-light');
  });

  it('leaves epics out by default, which a reader can tick in', async () => {
    const types = frame.getByTestId('filter-issue-types');
    await expect(types.getByRole('checkbox', { name: 'Epic', exact: true }).isChecked()).resolves.toBe(false);
    await expect(types.getByRole('checkbox', { name: 'Story', exact: true }).isChecked()).resolves.toBe(true);
  });

  it('forecasts the date and the number of items the reader chooses', async () => {
    await showTab(frame, 'Forecast');
    const target = isoDay(Date.now() + 60 * MS_PER_DAY);
    await frame.getByTestId('forecast-target-date').fill(target);
    // A date-only ISO string is midnight UTC: the day the reader picked, written as the browser writes it.
    const written = await frame.evaluate(
      (day) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(day)),
      target,
    );
    // The simulations run in a worker: the answer arrives a moment after the question.
    await waitForText(frame, 'forecast-how-many-sentence', `by ${written}.`);
    const items = inProgress().length + 25;
    await frame.getByTestId('forecast-items').fill(String(items));
    await waitForText(frame, 'forecast-when-sentence', `${formatted(items)} items`);
    // A date in the past is refused, and the forecast stays as it was.
    await frame.getByTestId('forecast-target-date').fill(daysAgo(3));
    await expect(frame.getByTestId('forecast-target-date-problem').textContent()).resolves.toMatch(/^Choose a date after today/);
    await expect(frame.getByTestId('forecast-how-many-sentence').textContent()).resolves.toContain(`by ${written}.`);
  });

  it('lists the items behind the charts: those finished in the period and those in progress', async () => {
    await showTab(frame, 'Issues');
    await expect(frame.getByTestId('issues-count').textContent()).resolves.toMatch(
      new RegExp(
        `^${formatted(finishedIn(firstCreated(), today()).length)} finished from .* plus ${formatted(inProgress().length)} in progress now$`,
      ),
    );
    await screenshot(page, 'project-page-issues-light');
  });

  it('asks Jira to open the issue behind a scatter dot, which opens in a new tab on the host', async () => {
    await showTab(frame, 'Cycle time');
    // The host is asked through the bridge, as Forge's `router.open`; it is that request we look for.
    const navigation = page.waitForRequest((request) => bridgeCallOf(request)?.method === 'navigate');
    const newTab = page.context().waitForEvent('page');
    await frame.locator(`${scatterChart} svg[role="application"]`).press('PageDown');
    await frame.locator(`${scatterChart} svg[role="application"]`).press('Enter');
    const payload = bridgeCallOf(await navigation)?.payload;
    const key = /^\/browse\/([A-Z]+-\d+)$/.exec(String(payload?.url))?.[1];
    expect(payload?.type).toBe('new-tab');
    expect(finishedIn(firstCreated(), today()).map((issue) => issue.key)).toContain(key);

    // The host page opened the issue in a new tab, on its own issue page, as the same person.
    const issuePage = await newTab;
    await issuePage.waitForLoadState();
    expect(issuePage.url()).toBe(`${suite.site.hostUrl}/browse/${key}`);
    await expect(issuePage.getByTestId('issue-key').textContent()).resolves.toBe(key);
    await expect(issuePage.getByTestId('issue-type').textContent()).resolves.toBe(suite.issues.find((issue) => issue.key === key)!.type);
    await expect(issuePage.getByTestId('status-history').count()).resolves.toBe(1);
    await expect(issuePage.getByTestId('user-switcher').inputValue()).resolves.toBe(userWithRole(suite.site, 'member').accountId);
    await issuePage.close();
  });

  it('recomputes every chart for a shorter period', async () => {
    await frame.getByTestId('filter-range').selectOption({ label: 'Last 30 days' });
    await showTab(frame, 'Cycle time');
    const finished = finishedIn(daysAgo(29), today());
    expect(finished.length).toBeLessThan(finishedIn(firstCreated(), today()).length);
    await expectScatterDots(frame, finished.length);
    await showTab(frame, 'Flow');
    expect(await tableColumn(frame, 'chart-wip-run', 'Items in progress')).toHaveLength(30);
    await frame.getByTestId('filter-range').selectOption({ label: 'Configured period' });
  });

  it('recomputes every chart for one issue type', async () => {
    const bugs = suite.issues.filter((issue) => issue.type === 'Bug');
    expect(bugs.length).toBeGreaterThan(0);
    const types = frame.getByTestId('filter-issue-types');
    const others = [...new Set(suite.issues.map((issue) => issue.type))].filter((type) => type !== 'Bug');
    for (const type of others) await types.getByRole('checkbox', { name: type, exact: true }).uncheck();
    await showTab(frame, 'Cycle time');
    await expectScatterDots(frame, finishedIn(firstCreated(), today(), bugs).length);
    await showTab(frame, 'Aging');
    expect(await workInProgressAtColumnHeads(frame)).toBe(inProgress(bugs).length);
    await showTab(frame, 'Issues');
    await expect(frame.getByTestId('issues-count').textContent()).resolves.toMatch(
      new RegExp(
        `^${formatted(finishedIn(firstCreated(), today(), bugs).length)} finished from .* plus ${formatted(inProgress(bugs).length)} in progress now$`,
      ),
    );
    for (const type of others) await types.getByRole('checkbox', { name: type, exact: true }).check();
  });

  it(
    'has no serious or critical accessibility violations on any tab',
    async () => {
      const found: string[] = [];
      for (const tab of TABS) {
        await showTab(frame, tab.label);
        const violations = await seriousAccessibilityViolations(frame);
        if (violations.length > 0) found.push(`${tab.label}, light:\n${describeViolations(violations)}`);
      }
      expect(found.join('\n')).toBe('');
    },
    AUDIT_TIMEOUT_MS,
  );
});

describe('the project page in the dark theme', () => {
  it(
    'renders with the dark tokens and stays accessible',
    async () => {
      const { page, frame } = await openReport('dark');
      expect(await frame.locator('html').getAttribute('data-color-mode')).toBe('dark');
      const colours = await frame.evaluate(() => ({
        surface: getComputedStyle(document.querySelector('main')!).backgroundColor,
        text: getComputedStyle(document.querySelector('[data-testid="project-name"]')!).color,
      }));
      expect(colours).toEqual({
        surface: cssColour(tokenValue(dark, 'elevation.surface')),
        text: cssColour(tokenValue(dark, 'color.text')),
      });
      expect(colours.surface).not.toBe(cssColour(tokenValue(light, 'elevation.surface')));

      const found: string[] = [];
      for (const tab of TABS) {
        await showTab(frame, tab.label);
        if (tab.label !== 'Aging' && tab.label !== 'Issues') await screenshot(page, `project-page-${tab.file}-dark`);
        found.push(...(await chartLayoutProblems(frame)).map((problem) => `${tab.label}, dark: ${problem}`));
        const violations = await seriousAccessibilityViolations(frame);
        if (violations.length > 0) found.push(`${tab.label}, dark:\n${describeViolations(violations)}`);
      }
      expect(found.join('\n')).toBe('');
      await page.close();
    },
    AUDIT_TIMEOUT_MS,
  );
});

/**
 * What is wrong with the layout of the charts on the tab shown, as the browser lays them out: chart text not
 * at its CSS size (a drawing scaled to its container scales its text too), a label left of its chart, mark
 * labels over bars or over each other.
 */
async function chartLayoutProblems(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const problems: string[] = [];
    const overlap = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    // The charts of the tab shown: the others are not laid out.
    for (const chart of Array.from(document.querySelectorAll<HTMLElement>('figure.fm-chart')).filter(
      (figure) => figure.getClientRects().length > 0,
    )) {
      const name = chart.dataset['testid'];
      const column = chart.getBoundingClientRect();
      for (const svg of chart.querySelectorAll<SVGSVGElement>('svg.fm-chart-svg')) {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        if (Math.abs(scale - 1) > 0.02) problems.push(`${name}: drawn at ${scale.toFixed(2)} times its size`);
      }
      for (const text of chart.querySelectorAll<SVGTextElement>('svg.fm-chart-svg text')) {
        const size = getComputedStyle(text).fontSize;
        if (size !== '11px') problems.push(`${name}: "${text.textContent}" at ${size}`);
        // A pixel's leeway for the glyphs' side bearings.
        const beyond = column.left - text.getBoundingClientRect().left;
        if (beyond > 1) problems.push(`${name}: "${text.textContent}" pokes ${beyond.toFixed(1)}px left of the chart`);
      }
      const bars = Array.from(chart.querySelectorAll('svg.fm-chart-svg rect'), (bar) => bar.getBoundingClientRect()).filter(
        (box) => box.height > 0,
      );
      const labels = Array.from(chart.querySelectorAll('.fm-chart-mark-label'));
      labels.forEach((label, k) => {
        const box = label.getBoundingClientRect();
        if (bars.some((bar) => overlap(box, bar))) problems.push(`${name}: "${label.textContent}" over a bar`);
        labels.slice(k + 1).forEach((other) => {
          if (overlap(box, other.getBoundingClientRect())) problems.push(`${name}: "${label.textContent}" over "${other.textContent}"`);
        });
      });
    }
    return problems;
  });
}

describe('the project page on a narrow window', () => {
  it.each(['light', 'dark'] as const)(
    'keeps the charts’ text at its size and their labels clear, %s',
    async (theme) => {
      const { page, frame } = await openReport(theme, 800);
      const found: string[] = [];
      for (const label of ['Overview', 'Cycle time', 'Throughput', 'Forecast'] as const) {
        await showTab(frame, label);
        await screenshot(page, `project-page-${TABS.find((tab) => tab.label === label)!.file}-${theme}-800`);
        found.push(...(await chartLayoutProblems(frame)).map((problem) => `${label}: ${problem}`));
      }
      expect(found).toEqual([]);
      await page.close();
    },
    60_000,
  );
});

describe('the project page from a link', () => {
  const appSearch = (page: Page) => new URL(page.url()).search;

  it('opens the view the link names, and a copied address reproduces the view after changes', async () => {
    const { page, frame } = await openAs('member', PROJECT, 'light', 1280, '?period=30&tab=cycle-time');
    await frame.getByTestId('tab-panel-cycle-time').waitFor({ timeout: 30_000 });
    await expect(frame.getByTestId('filter-range').inputValue()).resolves.toBe('30');
    await expectScatterDots(frame, finishedIn(daysAgo(29), today()).length);

    // Each change shows in the host page's address, under the module's own path, as Jira's does.
    await frame.getByTestId('filter-range').selectOption({ label: 'Last 90 days' });
    await showTab(frame, 'Aging');
    await page.waitForFunction(() => window.location.search === '?period=90&tab=aging');
    expect(new URL(page.url()).pathname).toBe(`/projects/${PROJECT}/flow-metrics`);

    const copied = await openHostPage(suite.browser, suite.site, 'member', `/projects/${PROJECT}/flow-metrics${appSearch(page)}`);
    const copiedFrame = await appFrameContent(copied);
    await copiedFrame.getByTestId('tab-panel-aging').waitFor({ timeout: 30_000 });
    await expect(copiedFrame.getByTestId('filter-range').inputValue()).resolves.toBe('90');
    await expectTableRows(copiedFrame, 'chart-aging', inProgress().length);
    await copied.close();
    await page.close();
  });

  it('counts only the items with the label and resolution the link names, as Jira labels and resolves them', async () => {
    const { page, frame } = await openAs('member', PROJECT, 'light', 1280, '?label=frontend&tab=cycle-time');
    await frame.getByTestId('tab-panel-cycle-time').waitFor({ timeout: 30_000 });
    const labelled = suite.issues.filter((issue) => issue.labels.includes('frontend'));
    expect(labelled.length).toBeGreaterThan(0);
    await expectScatterDots(frame, finishedIn(firstCreated(), today(), labelled).length);
    await expect(frame.getByTestId('filter-labels').textContent()).resolves.toContain('Labels: frontend');

    const done = labelled.filter((issue) => issue.resolution === 'Done');
    await frame.getByTestId('filter-resolutions').locator('summary').click();
    await frame
      .getByTestId('filter-resolutions')
      .getByRole('checkbox', { name: /^Done \(/ })
      .check();
    await expectScatterDots(frame, finishedIn(firstCreated(), today(), done).length);
    await page.waitForFunction(() => window.location.search === '?resolution=Done&label=frontend&tab=cycle-time');
    await screenshot(page, 'project-page-facet-filters');
    await page.close();
  });

  it('opens with the stage range the link names: from To Do on, every item not done is in progress', async () => {
    const { page, frame } = await openAs('member', PROJECT, 'light', 1280, '?from-stage=To+Do&tab=aging');
    await frame.getByTestId('tab-panel-aging').waitFor({ timeout: 30_000 });
    await expect(frame.getByTestId('filter-stage-from').inputValue()).resolves.toBe('To Do');
    await expect(frame.getByTestId('filter-stage-range-note').textContent()).resolves.toMatch(/^Every tab/);
    const notDone = suite.issues.filter((issue) => issue.category !== 'done').length;
    await frame.getByTestId('aging-wip').first().waitFor({ timeout: 30_000 });
    expect(await workInProgressAtColumnHeads(frame)).toBe(notDone);
    expect(new URLSearchParams(appSearch(page)).get('from-stage')).toBe('To Do');
    await page.close();
  });

  it('says which part of a bad link it could not use, and shows the rest', async () => {
    const { page, frame } = await openAs('member', PROJECT, 'light', 1280, '?period=45&type=Nothing&from-stage=Nowhere&tab=flow');
    const notice = frame.getByTestId('page-url-notice');
    await notice.waitFor({ timeout: 30_000 });
    await expect(notice.textContent()).resolves.toContain('"45" is not a period the page offers');
    await expect(notice.textContent()).resolves.toContain('This project has no issue type "Nothing"');
    await expect(notice.textContent()).resolves.toContain('The workflow has no stage "Nowhere"');
    await frame.getByTestId('tab-panel-flow').waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => window.location.search === '?tab=flow');
    await screenshot(page, 'project-page-bad-link');
    await page.close();
  });
});

describe('the project page, opened in a browser that holds no history', () => {
  it('loads the history once, in the background with the Overview, and opens a chart tab on it without asking again', async () => {
    const { page, frame } = await openAs('member', PROJECT);
    await frame.getByTestId('tab-panel-overview').waitFor({ timeout: 30_000 });
    // The page marks the history decoded (a User Timing mark) once it has it: here, with no tab clicked.
    await frame.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, HISTORY_DECODED, {
      timeout: 30_000,
    });
    const views = () => resolverCallsOf(page).filter((functionKey) => functionKey === 'getProjectView');
    // The Overview's figures and, in a request of its own, the history: at least one more call, asked by no reader.
    const ahead = views().length;
    expect(ahead).toBeGreaterThanOrEqual(2);
    expect(await frame.getByTestId('tab-panel-overview').isVisible()).toBe(true);

    await showTab(frame, 'Cycle time');
    await expectScatterDots(frame, finishedIn(firstCreated(), today()).length);
    expect(views()).toHaveLength(ahead);
    await page.close();
  });
});

describe('the project page, its Cycle time tab opened before the history has loaded', () => {
  it("draws the chart from the figures kept with the Overview's, and the report's chart that takes its place is the same drawing", async () => {
    // The history's own request is held back until the kept chart has been read: the tab cannot draw it from the history.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 1700 } });
    await page.route('**/__forge/bridge/**', async (route) => {
      const call = bridgeCallOf(route.request());
      const asked = call?.payload?.['payload'] as { overviewFirst?: boolean; historyUpTo?: number } | undefined;
      if (call?.method === 'invoke' && call.payload?.['functionKey'] === 'getProjectView' && !asked?.overviewFirst) await released;
      await route.continue();
    });
    const query = new URLSearchParams({ as: userWithRole(suite.site, 'member').accountId, theme: 'light' });
    await page.goto(`${suite.site.hostUrl}/projects/${PROJECT}/flow-metrics?${query}`);
    const frame = await appFrameContent(page);
    await frame.getByTestId('tab-panel-overview').waitFor({ timeout: 30_000 });
    await showTab(frame, 'Cycle time');
    // The histogram comes a frame after the scatterplot.
    await frame.getByTestId('chart-cycle-time-histogram').waitFor({ timeout: 10_000 });
    const drawing = () =>
      frame.evaluate(() => {
        const chart = document.querySelector('[data-testid="chart-cycle-time-scatter"]')!;
        const dots = chart.querySelector('canvas')!;
        return {
          dots: dots.getAttribute('data-point-count'),
          picture: dots.toDataURL(),
          lines: [...chart.querySelectorAll('.fm-chart-reference-label')].map((label) => label.textContent),
          caption: chart.querySelector('figcaption')?.textContent,
          histogram: document.querySelector('[data-testid="chart-cycle-time-histogram"]')?.textContent,
          opens: chart.querySelector('[role="application"]')?.getAttribute('aria-label')?.includes('Enter opens the item'),
        };
      });
    const kept = await drawing();
    expect(kept.dots).toBe(String(finishedIn(firstCreated(), today()).length));
    // No dot opens an issue before the history has told which it is.
    expect(kept.opens).toBe(false);
    expect(await frame.evaluate((mark) => performance.getEntriesByName(mark).length, HISTORY_DECODED)).toBe(0);

    release();
    await frame.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="chart-cycle-time-scatter"] [role="application"]')
          ?.getAttribute('aria-label')
          ?.includes('Enter opens the item'),
      undefined,
      { timeout: 30_000 },
    );
    // The same picture to the pixel, the same lines and text: only its dots now open their items.
    expect(await drawing()).toEqual({ ...kept, opens: true });
    await page.close();
  });
});

describe('the project page, as an outsider', () => {
  it('says there is no access to a project they cannot browse, and shows none of its data', async () => {
    const { page, frame } = await openAs('outsider', 'BUG');
    await frame
      .getByText(/don.t have access/i)
      .first()
      .waitFor({ timeout: 20_000 });
    const content = await frame.locator('body').innerText();
    expect(content).not.toMatch(/BUG-\d+/);
    await expect(frame.locator('[data-testid="project-name"], [data-testid="flow-report"], [data-testid^="chart-"]').count()).resolves.toBe(
      0,
    );
    await expect(frame.locator('svg circle, table tbody tr').count()).resolves.toBe(0);
    await screenshot(page, 'project-page-outsider');
    await page.close();
  });
});

/** A token's value in a theme, as the tokens package defines it. */
function tokenValue(theme: ReadonlyArray<{ cleanName: string; value: unknown }>, name: string): string {
  const found = theme.find((entry) => entry.cleanName === name);
  if (!found || typeof found.value !== 'string') throw new Error(`No colour token ${name}`);
  return found.value;
}

/** `#RRGGBB` or `#RRGGBBAA` as the browser reports a computed colour. */
function cssColour(hex: string): string {
  const [r, g, b, a] = [1, 3, 5, 7].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return hex.length === 9 ? `rgba(${r}, ${g}, ${b}, ${Number((a! / 255).toFixed(3))})` : `rgb(${r}, ${g}, ${b})`;
}
