import { expect } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { tableColumn } from './chart-table';
import { countedByDefault, dayOf, measured, today, type Measured } from './default-conventions';
import { projectPagePath, showTab } from './project-page-opener';
import { e2eSuite } from './e2e-suite';

jest.setTimeout(180_000);

/**
 * The day-by-day and week-by-week series of the Throughput and Flow tabs end to end in headless Chromium on the
 * simulated site, each value against Jira's export worked out by the page's default conventions
 * (`default-conventions.ts`): items finished per day (the daily run chart) and per week, arrivals and departures
 * per week (net flow), work in progress at the end of each day, and where cumulative flow ends. Weeks end on
 * Sunday, and the first and last are cut to the period. The page opens without epics, on the whole history.
 * (The accessibility of these tabs, in both themes, is audited by project-page.test.ts.)
 */
const PROJECT = 'FLOW';

const suite = e2eSuite({ site: 'synced', exported: { project: PROJECT } });
let frame: Frame;
let items: Measured[];
/** The first day of the project's history: the day its first issue (of any type) was created. */
let historyStart: number;

beforeAll(async () => {
  historyStart = Math.min(...suite.issues.map((issue) => dayOf(issue.created)));
  items = suite.issues.filter(countedByDefault).map(measured);
  ({ frame } = await suite.pages.open({ path: projectPagePath(PROJECT), ready: { testId: 'flow-report', timeout: 60_000 } }));
}, 180_000);

/** How many of `days` (UTC day numbers) fall on each day from `from` to today. */
function perDay(from: number, days: ReadonlyArray<number | null>): number[] {
  const counts = new Array<number>(today() - from + 1).fill(0);
  for (const day of days) if (day !== null && day >= from && day <= today()) counts[day - from]!++;
  return counts;
}

/** Daily counts summed per week ending on Sunday (day 0 of the epoch was a Thursday), cut to the days given. */
function perWeek(from: number, daily: readonly number[]): number[] {
  const weeks: number[] = [];
  daily.forEach((count, k) => {
    const day = from + k;
    if (k === 0 || (day + 4) % 7 === 1) weeks.push(0); // Monday starts a week
    weeks[weeks.length - 1]! += count;
  });
  return weeks;
}

const startDays = () => items.map((item) => (item.start === null ? null : dayOf(item.start)));
const doneDays = () => items.map((item) => (item.done === null ? null : dayOf(item.done)));

describe('the series behind the Throughput and Flow tabs, as a member', () => {
  /** The period's first day: the daily run chart has a row per day of it, up to today. */
  let from: number;

  beforeAll(async () => {
    await showTab(frame, 'Throughput', 'tab-panel-throughput');
    from = today() - (await tableColumn(frame, 'chart-throughput-daily', 'Items')).length + 1;
  });

  it("opens on the whole history: from the day Jira created the project's first issue", () => {
    expect(from).toBe(historyStart);
  });

  it('counts the items finished on each day, and in each week', async () => {
    await showTab(frame, 'Throughput', 'tab-panel-throughput');
    const daily = perDay(from, doneDays());
    expect(await tableColumn(frame, 'chart-throughput-daily', 'Items')).toEqual(daily);
    expect(await tableColumn(frame, 'chart-throughput-run', 'Items')).toEqual(perWeek(from, daily));
  });

  it('counts the arrivals (started) and departures (finished) of each week', async () => {
    await showTab(frame, 'Flow', 'tab-panel-flow');
    expect(await tableColumn(frame, 'chart-net-flow', 'Arrived')).toEqual(perWeek(from, perDay(from, startDays())));
    expect(await tableColumn(frame, 'chart-net-flow', 'Departed')).toEqual(perWeek(from, perDay(from, doneDays())));
  });

  it('counts the work in progress at the end of each day', async () => {
    await showTab(frame, 'Flow', 'tab-panel-flow');
    const wip = perDay(from, []).map((_, k) =>
      items.reduce((count, item) => {
        const started = item.start !== null && dayOf(item.start) <= from + k;
        const finished = item.done !== null && dayOf(item.done) <= from + k;
        return count + (started && !finished ? 1 : 0);
      }, 0),
    );
    expect(await tableColumn(frame, 'chart-wip-run', 'Items in progress')).toEqual(wip);
  });

  it('ends cumulative flow with every item in To Do or later, those started, and those done', async () => {
    await showTab(frame, 'Flow', 'tab-panel-flow');
    const last = async (stage: string) => (await tableColumn(frame, 'chart-cumulative-flow', stage)).at(-1);
    await expect(last('To Do')).resolves.toBe(items.length);
    await expect(last('In Progress')).resolves.toBe(items.filter((item) => item.start !== null).length);
    await expect(last('Done')).resolves.toBe(items.filter((item) => item.done !== null).length);
  });
});

describe('a period that starts before the history', () => {
  const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
  /** A date as the page's locale writes it (the browser's, in UTC: the project's days). */
  const written = (on: Frame, iso: string) =>
    on.evaluate(
      (day) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)),
      iso,
    );

  it('starts on the first day of the history Jira holds, says so, and counts every day of it once', async () => {
    const { page: linked, frame: linkedFrame } = await suite.pages.open({
      path: projectPagePath(PROJECT, `?from=1970-01-01&to=${isoDay(today())}&tab=throughput`),
      ready: { testId: 'tab-panel-throughput', timeout: 60_000 },
    });
    await expect(linkedFrame.getByTestId('period-note').textContent()).resolves.toBe(
      `The history starts on ${await written(linkedFrame, isoDay(historyStart))}, so the period starts there rather than on ${await written(linkedFrame, '1970-01-01')}.`,
    );
    expect(await tableColumn(linkedFrame, 'chart-throughput-daily', 'Items')).toEqual(perDay(historyStart, doneDays()));
    await linked.close();
  });
});
