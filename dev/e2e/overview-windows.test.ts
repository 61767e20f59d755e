import { expect } from '@jest/globals';
import { dayOf, measured, MS_PER_DAY, today } from './default-conventions';
import { projectPagePath } from './project-page-opener';
import { e2eSuite } from './e2e-suite';

jest.setTimeout(180_000);

/**
 * The Overview's throughput headline and its change, end to end in headless Chromium (issue 13, defect 5: "10.8
 * items" over 18 months stood beside "▲2%" measured on the last 30 days against the 30 before). On the whole
 * history, which has no earlier period of its length, the headline is the history's weekly throughput and its
 * change names its own window and value: the last 30 days' throughput, against the 30 days before, each worked
 * out from Jira's export of FLOW.
 */
const PROJECT = 'FLOW';
const RECENT_DAYS = 30;

// The page opens without epics: the figures are those of the other issues.
const suite = e2eSuite({ site: 'synced', exported: { project: PROJECT, countedByDefault: true } });
let doneDays: number[];
let firstDay: number;

beforeAll(() => {
  const { issues } = suite;
  doneDays = issues.flatMap((issue) => {
    const { done } = measured(issue);
    return done === null ? [] : [dayOf(done)];
  });
  firstDay = Math.min(...issues.map((issue) => dayOf(issue.created)));
});

/** Items finished per week over the days from `from` to `to`, both counted, as the page writes a rate. */
function perWeek(from: number, to: number): string {
  const finished = doneDays.filter((day) => day >= from && day <= to).length;
  const rate = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(finished / ((to - from + 1) / 7));
  return `${rate} ${rate === '1' ? 'item' : 'items'}`;
}

const written = (day: number) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(day * MS_PER_DAY));

describe("the Overview's throughput on the whole history, as a member", () => {
  it("gives the history's weekly throughput, and beside it the last 30 days' own value and change, naming both windows", async () => {
    const { frame } = await suite.pages.open({ path: projectPagePath(PROJECT), ready: { testId: 'metric-throughput', timeout: 60_000 } });
    const now = today();
    await expect(frame.getByTestId('metric-throughput').textContent()).resolves.toContain(perWeek(firstDay, now));
    const recentFrom = now - (RECENT_DAYS - 1);
    const previousFrom = recentFrom - RECENT_DAYS;
    const change = (await frame.getByTestId('metric-throughput-change').textContent()) ?? '';
    expect(change).toMatch(new RegExp(`^Last ${RECENT_DAYS} days: ${perWeek(recentFrom, now).replace('.', '\\.')}, `));
    expect(change).toContain(`vs the ${RECENT_DAYS} before`);
    const [recent, previous] = [perWeek(recentFrom, now), perWeek(previousFrom, recentFrom - 1)].map((text) => parseFloat(text));
    if (recent !== previous) expect(change).toContain(recent! > previous! ? '▲' : '▼');
    await expect(frame.getByTestId('overview-window').textContent()).resolves.toContain(
      `the changes compare the last ${RECENT_DAYS} days (${written(recentFrom)} to ${written(now)}) with the ${RECENT_DAYS} days before (${written(previousFrom)} to ${written(recentFrom - 1)})`,
    );
  });
});
