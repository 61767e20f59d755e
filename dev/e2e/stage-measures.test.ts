import { expect } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { describeViolations, seriousAccessibilityViolations } from '../testing/accessibility-audit';
import { chartTable, tableRows } from './chart-table';
import { projectPagePath, showTab } from './project-page-opener';
import { ascending, dayOf, inclusiveDays, measured, MS_PER_DAY, nearestRank, today, type Measured } from './default-conventions';
import { flaggedIntervals, statusVisits, type ExportedIssue } from './jira-export';
import { e2eSuite } from './e2e-suite';

jest.setTimeout(180_000);

/**
 * The service-level expectation, aging by stage, time in stage, flow efficiency and blocked time, end to end in
 * headless Chromium on the simulated site. Every expectation is worked out here from Jira's export of the
 * project (statuses, their changes, the Flagged field) by the page's default conventions (`default-conventions.ts`),
 * never with the app's code. The SLE is the 85th percentile of the cycle times of the items done in the period; the
 * page opens without epics, on the whole history.
 */
const PROJECT = 'FLOW';

const suite = e2eSuite({ site: 'synced', exported: { project: PROJECT, countedByDefault: true } });

// ---- The measures, from Jira's history ----

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** The items done in the whole history (the page's default period), with their start. */
function doneItems(): Array<Measured & { start: number; done: number }> {
  return suite.issues
    .map(measured)
    .filter((item): item is Measured & { start: number; done: number } => item.done !== null && item.start !== null);
}

/** The SLE in days: the 85th percentile of the cycle times of the items done. */
const serviceLevel = () => nearestRank(ascending(doneItems().map((item) => inclusiveDays(item.start, item.done))), 85);

/** The items in progress now: started and not done, with their age today. */
function agingItems(): Array<{ key: string; status: string; age: number }> {
  return suite.issues
    .map(measured)
    .filter((item) => item.start !== null && item.done === null)
    .map((item) => ({ key: item.issue.key, status: item.issue.status, age: today() - dayOf(item.start!) + 1 }));
}

/** How old each item was when it left In Progress for Done (the entry that counts), in the period: the bands' sample. */
const inProgressExitAges = () => ascending(doneItems().map((item) => inclusiveDays(item.start, item.done)));

/** The share (rounded down) of the sample younger than `age`, as the page reads it out. */
function paceText(age: number, sample: readonly number[]): string {
  const younger = sample.filter((exitAge) => exitAge < age).length;
  return `older than ${Math.floor((younger * 100) / sample.length)}% of items that left In Progress`;
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** Whether an item of this age has passed the SLE, in the tooltip's words. */
function breachText(age: number, sle: number): string {
  return age > sle
    ? `past the SLE (85%: ${days(sle)}) by ${days(round(age - sle, 1))}`
    : `${days(round(sle - age, 1))} left before the SLE (85%: ${days(sle)})`;
}

/** Milliseconds of the visits to In Progress statuses from `from` to `to`. */
function inProgressSpans(issue: ExportedIssue, from: number, to: number): Array<{ from: number; to: number }> {
  return statusVisits(issue)
    .filter((visit) => visit.category === 'indeterminate')
    .map((visit) => ({ from: Math.max(visit.from, from), to: Math.min(visit.until, to) }))
    .filter((span) => span.to > span.from);
}

const length = (spans: ReadonlyArray<{ from: number; to: number }>) => spans.reduce((total, span) => total + span.to - span.from, 0);

/** The overlap of two lists of intervals, in milliseconds. */
function overlap(a: ReadonlyArray<{ from: number; to: number }>, b: ReadonlyArray<{ from: number; to: number }>): number {
  let total = 0;
  for (const x of a) for (const y of b) total += Math.max(0, Math.min(x.to, y.to) - Math.max(x.from, y.from));
  return total;
}

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

// ---- The page ----

const SCATTER = '[data-testid="chart-cycle-time-scatter"]';
const AGING = '[data-testid="chart-aging"]';

const openReport = (theme: 'light' | 'dark') =>
  suite.pages.open({ path: projectPagePath(PROJECT), theme, ready: { testId: 'flow-report', timeout: 60_000 } });

async function showAging(frame: Frame) {
  await showTab(frame, 'Aging', 'tab-panel-aging');
  // The aging is computed off the page's thread: the chart comes a moment after the tab.
  await frame.getByTestId('chart-aging').waitFor({ timeout: 30_000 });
}

/** What the tooltip of the aging chart's dot under the keyboard says, after pressing `key` on the chart. */
async function agingTooltipAfter(frame: Frame, key: string): Promise<string> {
  await frame.locator(`${AGING} svg[role="application"]`).press(key);
  const tooltip = frame.locator(`${AGING} [data-testid="chart-tooltip"]`);
  await tooltip.waitFor({ timeout: 10_000 });
  return (await tooltip.textContent()) ?? '';
}

describe('the service-level expectation and aging by stage, as a member', () => {
  let frame: Frame;

  beforeAll(async () => {
    ({ frame } = await openReport('light'));
  }, 120_000);

  it("draws the SLE on the scatterplot with its percentile and days, as Jira's history gives them", async () => {
    await showTab(frame, 'Cycle time', 'tab-panel-cycle-time');
    const labels = await frame.locator(`${SCATTER} text.fm-chart-reference-label`).allTextContents();
    expect(labels).toContain(`SLE 85%: ${days(serviceLevel())}`);
  });

  it('draws the same SLE across the aging chart', async () => {
    await showAging(frame);
    await expect(frame.getByTestId('aging-sle-label').textContent()).resolves.toBe(`SLE 85%: ${days(serviceLevel())}`);
  });

  it('ages each item in progress from the day Jira says it started, with its pace against the items that left In Progress', async () => {
    await showAging(frame);
    const sample = inProgressExitAges();
    expect(sample.length).toBeGreaterThanOrEqual(20);
    await expect(frame.getByTestId('chart-aging-summary').textContent()).resolves.toContain(
      `In Progress: bands from the ages at which ${sample.length.toLocaleString('en-US')} items left it`,
    );
    const { columns, rows } = await tableRows(frame, 'chart-aging');
    expect(columns).toEqual(['Item', 'Stage', 'Status', 'Age (days)', 'Pace']);
    const expected = agingItems().map((item) => [item.key, 'In Progress', item.status, String(item.age), paceText(item.age, sample)]);
    expect(expected.length).toBeGreaterThan(10);
    const byKey = (a: string[], b: string[]) => a[0]!.localeCompare(b[0]!);
    expect([...rows].sort(byKey)).toEqual(expected.sort(byKey));
  });

  it('counts the items of one status and age beside their shared dot', async () => {
    await showAging(frame);
    // Items older than the chart's top share one dot on its top line whatever their ages (aging-counts-and-date-labels.test.ts).
    const cut = /older than ([\d,]+) days? (?:is|are) drawn on the line at the top/.exec(
      (await frame.getByTestId('chart-aging-summary').textContent()) ?? '',
    );
    const top = cut === null ? Infinity : Number(cut[1]!.replace(/,/g, ''));
    const groups = new Map<string, number>();
    for (const item of agingItems().filter((aged) => aged.age <= top))
      groups.set(`${item.status}/${item.age}`, (groups.get(`${item.status}/${item.age}`) ?? 0) + 1);
    const shared = ascending([...groups.values()].filter((size) => size > 1));
    expect(shared.length).toBeGreaterThan(0);
    const counts = await frame.locator('[data-testid="aging-cluster-count"]:not([data-beyond-top])').allTextContents();
    expect(ascending(counts.map(Number))).toEqual(shared);
  });

  it("says in a dot's tooltip how old its items are, their pace and whether they will breach the SLE", async () => {
    await showAging(frame);
    const sle = serviceLevel();
    const sample = inProgressExitAges();
    const ageOf = new Map(agingItems().map((item) => [item.key, item.age]));
    // The first dot (the youngest of the first column) and the last (the oldest of the last): one on each side of the SLE.
    const seen: boolean[] = [];
    for (const key of ['Home', 'End']) {
      const tooltip = await agingTooltipAfter(frame, key);
      const keys = [...tooltip.matchAll(/FLOW-\d+/g)].map((match) => match[0]);
      expect(keys.length).toBeGreaterThan(0);
      const age = ageOf.get(keys[0]!)!;
      if (/^\d+ items older than/.test(tooltip)) {
        // The dot on the chart's top line: each of its items named with its age, oldest first, all past the SLE.
        for (const other of keys) expect(tooltip).toContain(`${other}: ${days(ageOf.get(other)!)}`);
        expect(tooltip).toContain(`all past the SLE (85%: ${days(sle)})`);
        seen.push(age > sle);
        continue;
      }
      for (const other of keys) expect(ageOf.get(other)).toBe(age);
      expect(tooltip).toContain(`, ${days(age)}; ${paceText(age, sample)}; ${breachText(age, sle)}`);
      seen.push(age > sle);
    }
    expect(seen).toEqual([false, true]);
  });
});

describe('time in stage, flow efficiency and blocked time, as a member', () => {
  let frame: Frame;

  beforeAll(async () => {
    ({ frame } = await openReport('light'));
    await showTab(frame, 'Flow', 'tab-panel-flow');
    await frame.getByTestId('chart-time-in-stage').waitFor({ timeout: 30_000 });
  }, 120_000);

  it("gives the median and 85th percentile of the finished items' time in In Progress, from Jira's status changes", async () => {
    // From creation to done: every stay in an In Progress status, in days to two decimals per item.
    const perItem = ascending(
      doneItems().map((item) => round(length(inProgressSpans(item.issue, item.issue.created, item.done)) / MS_PER_DAY, 2)),
    );
    const { columns, rows } = await tableRows(frame, 'chart-time-in-stage');
    expect(columns).toEqual(['Stage', 'Median (days)', '85th percentile (days)']);
    expect(rows).toEqual([['In Progress', String(round(nearestRank(perItem, 50), 1)), String(round(nearestRank(perItem, 85), 1))]]);
  });

  it("gives the flow efficiency and blocked time of the finished items, from Jira's status changes and Flagged field", async () => {
    let cycleMs = 0;
    let activeMs = 0;
    let blockedMs = 0;
    let itemsBlocked = 0;
    const done = doneItems();
    for (const item of done) {
      // Between the start and done only: a flag on waiting work blocks nobody, and nor is it active time.
      const active = inProgressSpans(item.issue, item.start, item.done);
      const flagged = flaggedIntervals(item.issue)
        .map((span) => ({ from: Math.max(span.from, item.start), to: Math.min(span.to, item.done) }))
        .filter((span) => span.to > span.from);
      cycleMs += item.done - item.start;
      activeMs += length(active) - overlap(active, flagged);
      blockedMs += length(flagged);
      if (length(flagged) > 0) itemsBlocked++;
    }
    expect(itemsBlocked).toBeGreaterThan(0);
    const efficiency = percent.format(round(activeMs / cycleMs, 3));
    const blockedDays = oneDecimal.format(round(blockedMs / MS_PER_DAY, 2));
    await expect(frame.getByTestId('chart-time-in-stage-summary').textContent()).resolves.toContain(
      `Flow efficiency ${efficiency} over ${done.length.toLocaleString('en-US')} items (time in active stages against cycle time); ` +
        `${itemsBlocked.toLocaleString('en-US')} items flagged as blocked for ${blockedDays} days in all, ${percent.format(round(blockedMs / cycleMs, 3))} of their cycle time.`,
    );
  });
});

describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
  it('has no serious or critical accessibility violations on the aging of a past day, its tooltip and data table shown, nor on the Flow tab', async () => {
    const { page, frame } = await openReport(theme);
    await showAging(frame);
    await frame.getByTestId('aging-as-of').fill(new Date((today() - 30) * MS_PER_DAY).toISOString().slice(0, 10));
    await frame.getByTestId('chart-aging-summary').filter({ hasText: 'at the end of' }).waitFor({ timeout: 30_000 });
    await chartTable(frame, 'chart-aging');
    await agingTooltipAfter(frame, 'End');
    const found: string[] = [];
    found.push(describeViolations(await seriousAccessibilityViolations(frame)));
    await showTab(frame, 'Flow', 'tab-panel-flow');
    // The Flow tab's tables hidden (their buttons only), and one shown.
    found.push(describeViolations(await seriousAccessibilityViolations(frame)));
    await chartTable(frame, 'chart-time-in-stage');
    found.push(describeViolations(await seriousAccessibilityViolations(frame)));
    expect(found.filter((text) => text !== '').join('\n')).toBe('');
    await page.close();
  });
});
