import { expect } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { DEMO_REPOSITORIES } from '../github/demo-github';
import { userWithRole } from '../testing/open-host-page';
import { e2eSuite } from './e2e-suite';
import { ascending, dayOf, inclusiveDays, measured, MS_PER_DAY, nearestRank, today, type Measured } from './default-conventions';
import { projectPagePath, showTab } from './project-page-opener';

jest.setTimeout(240_000);

/**
 * What a flow coach reads off the charts' marks and labels, end to end in headless Chromium on the simulated
 * site: the aging chart counts the items that share a dot on its top line (those older than its top), and the
 * table under it colours each item's pace with the band its dot sits in, named in words; the daily throughput
 * chart labels its weeks on their first days (Mondays by default, Saturdays in a project whose weeks end on
 * Friday); the pull request trends write the year on their dates. Expectations come from Jira's export (by the
 * page's default conventions, `default-conventions.ts`), the simulated GitHub, the week convention an admin
 * saved and the calendar, never from the app's code.
 */
const PROJECT = 'FLOW';
/** A project whose admin says its weeks end on Friday (as a team with Friday sprint reviews would). */
const FRIDAY_PROJECT = 'SPR';

// The types the page counts until an admin says otherwise (no epics).
const suite = e2eSuite({ site: 'synced', exported: { project: PROJECT, countedByDefault: true } });
let items: Measured[];

beforeAll(async () => {
  const { site } = suite;
  items = suite.issues.map(measured);
  const answer = (await site.platform.invokeResolver({
    moduleKey: 'flow-metrics-settings',
    functionKey: 'connectGitHub',
    payload: { token: site.github.tokens.readOnly.token, repositories: [DEMO_REPOSITORIES.webApp, DEMO_REPOSITORIES.platformApi] },
    accountId: userWithRole(site, 'admin').accountId,
  })) as { ok: boolean };
  expect(answer.ok).toBe(true);
  await site.platform.runScheduledTrigger('hourly-github-sync');
  await site.platform.drainQueue();
}, 240_000);

const iso = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** Items in progress today, with their status and age (days counted inclusively). */
const inProgress = () =>
  items
    .filter((item) => item.start !== null && item.done === null)
    .map((item) => ({ key: item.issue.key, status: item.issue.status, age: today() - dayOf(item.start!) + 1 }));

/** The ages at which the finished items left In Progress for Done: the sample behind every column's bands. */
const exitAges = () =>
  ascending(items.filter((item) => item.start !== null && item.done !== null).map((item) => inclusiveDays(item.start!, item.done!)));

/** The band an age falls in, as the legend names it: between two of the 50th, 70th, 85th and 95th percentiles. */
function bandOf(age: number, sample: readonly number[]): string {
  const edges = [50, 70, 85, 95].map((p) => ({ p, value: nearestRank(sample, p) }));
  if (age < edges[0]!.value) return `below ${edges[0]!.p}%`;
  for (let k = 1; k < edges.length; k++) if (age < edges[k]!.value) return `${edges[k - 1]!.p}–${edges[k]!.p}%`;
  return `above ${edges.at(-1)!.p}%`;
}

const openAging = async (search = '') => {
  const opened = await suite.pages.open({
    path: projectPagePath(PROJECT, `?tab=aging${search}`),
    ready: { testId: 'chart-aging', timeout: 60_000 },
  });
  await opened.frame.getByTestId('aging-wip').first().waitFor({ timeout: 30_000 });
  return opened;
};

/** A date as the browser's locale writes an axis label: day and month, with the year if asked. */
const axisDate = (frame: Frame, day: string, withYear: boolean) =>
  frame.evaluate(
    ([d, year]) =>
      new Date(`${d}T00:00:00Z`).toLocaleDateString(undefined, {
        day: 'numeric',
        month: 'short',
        ...(year ? { year: 'numeric' } : {}),
        timeZone: 'UTC',
      }),
    [day, withYear] as const,
  );

const axisLabels = (frame: Frame, chart: string) => frame.locator(`[data-testid="${chart}"] .visx-axis-bottom text`).allTextContents();

describe('the aging chart and its table', () => {
  it("counts the items of a status drawn on the chart's top line on their shared dot, clear of the line's label", async () => {
    const { frame } = await openAging();
    const summary = (await frame.getByTestId('chart-aging-summary').textContent()) ?? '';
    const cut = /older than ([\d,]+) days? (?:is|are) drawn on the line at the top/.exec(summary);
    // What this test is about: items far older than the bands, drawn on the top line instead of at their age.
    expect(cut).not.toBeNull();
    expect(summary).toContain('A number beside a dot counts the items of that age (on the top line, the items older than it).');
    const top = Number(cut![1]!.replace(/,/g, ''));
    const beyond = new Map<string, number>();
    for (const item of inProgress()) if (item.age > top) beyond.set(item.status, (beyond.get(item.status) ?? 0) + 1);
    const shared = ascending([...beyond.values()].filter((size) => size > 1));
    expect(shared.length).toBeGreaterThan(0);
    const counts = frame.locator('[data-testid="aging-cluster-count"][data-beyond-top="true"]');
    expect(ascending((await counts.allTextContents()).map(Number))).toEqual(shared);
    const older = [...beyond.values()].reduce((sum, size) => sum + size, 0);
    await expect(frame.getByTestId('aging-cap-label').textContent()).resolves.toBe(`▲ ${older} older`);
    // Each count is drawn apart from the top line's label, so neither hides the other.
    const label = (await frame.getByTestId('aging-cap-label').boundingBox())!;
    for (const count of await counts.all()) {
      const box = (await count.boundingBox())!;
      const apart =
        box.x + box.width <= label.x || label.x + label.width <= box.x || box.y + box.height <= label.y || label.y + label.height <= box.y;
      expect(apart).toBe(true);
    }
  });

  it('writes no count over another, however close their dots', async () => {
    const { frame } = await openAging();
    const boxes = await frame.getByTestId('aging-cluster-count').evaluateAll((counts) =>
      counts.map((count) => {
        const box = count.getBoundingClientRect();
        return { left: box.left, right: box.right, top: box.top, bottom: box.bottom };
      }),
    );
    expect(boxes.length).toBeGreaterThan(1);
    for (const [k, a] of boxes.entries())
      for (const b of boxes.slice(k + 1))
        expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
  });

  it("colours each item's pace band as the legend colours that band, and names it, from the ages Jira gives", async () => {
    const { frame } = await openAging();
    const sample = exitAges();
    const legend = new Map(
      await frame
        .getByTestId('aging-legend')
        .locator(':scope > *')
        .evaluateAll((entries) =>
          entries.map((entry) => [entry.textContent ?? '', getComputedStyle(entry.querySelector('rect')!).fill] as const),
        ),
    );
    const rows = await frame
      .getByTestId('aging-table')
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => {
          const chip = tr.querySelector<HTMLElement>('[data-testid="aging-pace-band"]')!;
          return {
            key: tr.querySelector('a')!.textContent ?? '',
            band: chip.textContent ?? '',
            colour: getComputedStyle(chip).backgroundColor,
          };
        }),
      );
    const ageOf = new Map(inProgress().map((item) => [item.key, item.age]));
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((row) => row.band)).size).toBeGreaterThan(1);
    for (const row of rows) {
      expect(row.band).toBe(bandOf(ageOf.get(row.key)!, sample));
      expect(row.colour).toBe(legend.get(row.band));
    }
  });
});

describe('dates on the axes', () => {
  it("labels the daily throughput chart's weeks on their Mondays, not from the period's first day", async () => {
    const { frame } = await suite.pages.open({
      path: projectPagePath(PROJECT, '?tab=throughput&period=30'),
      ready: { testId: 'chart-throughput-daily', timeout: 60_000 },
    });
    const first = today() - 29;
    const mondays = Array.from({ length: 30 }, (_, k) => first + k).filter((day) => new Date(day * MS_PER_DAY).getUTCDay() === 1);
    const written = new Set<string>();
    for (const monday of mondays) for (const withYear of [false, true]) written.add(await axisDate(frame, iso(monday), withYear));
    const labels = await axisLabels(frame, 'chart-throughput-daily');
    expect(labels.length).toBeGreaterThan(1);
    for (const label of labels) expect(written.has(label)).toBe(true);
  });

  it("labels weeks on the day after the project's last day of the week: Saturdays when its weeks end on Friday", async () => {
    const admin = userWithRole(suite.site, 'admin').accountId;
    const settings = (functionKey: string, payload: object) =>
      suite.site.platform.invokeResolver({ moduleKey: 'flow-metrics-settings', functionKey, payload, accountId: admin }) as Promise<{
        ok: boolean;
        data?: { workflow: unknown; conventions: Record<string, unknown>; excludedIssueTypes?: string[] };
      }>;
    const stored = await settings('getProjectWorkflow', { projectKey: FRIDAY_PROJECT });
    expect(stored.ok).toBe(true);
    const { workflow, conventions, excludedIssueTypes } = stored.data!;
    const saved = await settings('saveProjectWorkflow', {
      projectKey: FRIDAY_PROJECT,
      workflow,
      conventions: { ...conventions, weekEndsOn: 'friday' },
      ...(excludedIssueTypes === undefined ? {} : { excludedIssueTypes }),
    });
    expect(saved.ok).toBe(true);

    const { frame } = await suite.pages.open({
      path: projectPagePath(FRIDAY_PROJECT, '?tab=throughput&period=30'),
      ready: { testId: 'chart-throughput-daily', timeout: 60_000 },
    });
    // The period's days (UTC, the project's zone), and the first day of each week ending on Friday in it.
    const first = today() - 29;
    const saturdays = Array.from({ length: 30 }, (_, k) => first + k).filter((day) => new Date(day * MS_PER_DAY).getUTCDay() === 6);
    const writtenOf = async (days: readonly number[]) => {
      const written = new Set<string>();
      for (const day of days) for (const withYear of [false, true]) written.add(await axisDate(frame, iso(day), withYear));
      return written;
    };
    const onSaturdays = await writtenOf(saturdays);
    const daily = await axisLabels(frame, 'chart-throughput-daily');
    expect(daily.length).toBeGreaterThan(1);
    for (const label of daily) expect(onSaturdays.has(label)).toBe(true);
    // The weekly bars start on those Saturdays (the first may be cut short by the period, starting on its first day).
    const weekly = await axisLabels(frame, 'chart-throughput-run');
    expect(weekly.length).toBeGreaterThan(1);
    const onWeekStarts = await writtenOf([first, ...saturdays]);
    for (const label of weekly) expect(onWeekStarts.has(label)).toBe(true);
  });

  it('writes the year on the pull request trends’ first date, as on the run charts', async () => {
    const { frame } = await suite.pages.open({ path: projectPagePath(PROJECT), ready: { testId: 'flow-report', timeout: 60_000 } });
    await showTab(frame, 'Pull requests', 'tab-panel-pull-requests');
    await frame.getByTestId('chart-time-split-trend').waitFor({ timeout: 30_000 });
    const charts = ['chart-time-split-trend', ...['coding', 'pickup', 'review', 'merge'].map((phase) => `chart-phase-trend-${phase}`)];
    for (const chart of charts) {
      const labels = await axisLabels(frame, chart);
      expect(labels.length).toBeGreaterThan(0);
      expect(labels[0]).toMatch(/\b(19|20)\d\d\b/);
    }
  });
});
