import type { Frame, Page } from 'playwright-core';
import { DEMO_REPOSITORIES } from '../github/demo-github';
import type { SimPullRequest } from '../github/pull-request-json';
import { describeViolations, seriousAccessibilityViolations } from '../testing/accessibility-audit';
import { userWithRole } from '../testing/open-host-page';
import { tableRows } from './chart-table';
import { statusVisits, type ExportedIssue, type StatusVisit } from './jira-export';
import { projectPagePath, showTab } from './project-page-opener';
import { e2eSuite } from './e2e-suite';
import { screenshotPath } from './screenshots';

jest.setTimeout(180_000);

/**
 * The Pull requests tab end to end, in headless Chromium, on the demo site: the admin connects the demo's
 * read-only GitHub token, the hourly GitHub sync and its queue jobs read the simulated GitHub through the
 * app's GraphQL adapter, and a member opens the tab. What it shows is checked against the simulated GitHub's
 * own pull requests and Jira's own issues, computed here from the raw data, never by the app's code.
 */
const PROJECT = 'FLOW';
const HOUR = 3_600_000;

const suite = e2eSuite({ site: 'synced', exported: { project: PROJECT } });
let page: Page;
let frame: Frame;
/** Every pull request of the watched repositories whose title names a FLOW issue (the demo writes `FLOW-12 Summary`). */
let pulls: Array<SimPullRequest & { key: string }>;

const time = (iso: string) => Date.parse(iso);

/** An issue's status changes, oldest first: each the stay it began (when, the status entered and its category). */
const moves = (issue: ExportedIssue): StatusVisit[] => statusVisits(issue).slice(1);

beforeAll(async () => {
  const watched = [DEMO_REPOSITORIES.webApp, DEMO_REPOSITORIES.platformApi];
  const answer = (await suite.site.platform.invokeResolver({
    moduleKey: 'flow-metrics-settings',
    functionKey: 'connectGitHub',
    payload: { token: suite.site.github.tokens.readOnly.token, repositories: watched },
    accountId: userWithRole(suite.site, 'admin').accountId,
  })) as { ok: boolean };
  expect(answer.ok).toBe(true);
  await suite.site.platform.runScheduledTrigger('hourly-github-sync');
  await suite.site.platform.drainQueue();
  pulls = watched
    .flatMap((repository) => suite.site.github.github.pullRequests(repository))
    .map((pull) => ({ ...pull, key: /^([A-Z][A-Z0-9]+-\d+) /.exec(pull.title)?.[1] ?? '' }))
    .filter((pull) => pull.key.startsWith(`${PROJECT}-`));
  ({ page, frame } = await suite.pages.open({ path: projectPagePath(PROJECT), ready: { testId: 'flow-report', timeout: 60_000 } }));
  await showTab(frame, 'Pull requests', 'tab-panel-pull-requests');
  await frame.getByTestId('pull-requests-waiting').waitFor({ timeout: 30_000 });
}, 240_000);

suite.beforeClosing(async () => {
  await page?.screenshot({ path: screenshotPath('pull-requests.png') }).catch(() => undefined);
});

/** The page's way of writing a duration: hours below two days, days above. */
function written(ms: number): string {
  const hours = ms / HOUR;
  if (hours < 48) return `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} h`;
  return `${(hours / 24).toFixed(1)} d`;
}

/** Nearest-rank percentile: the value at rank ⌈p·n/100⌉ of the sorted sample. */
function nearestRank(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p * sorted.length) / 100)) - 1]!;
}

describe('the Pull requests tab, on the demo site synced from the simulated GitHub', () => {
  it('lists the open pull requests still waiting for a first review', async () => {
    const waiting = pulls.filter((pull) => pull.closedAt === null && pull.reviews.length === 0 && !pull.isDraft);
    expect(waiting.length).toBeGreaterThan(0);
    const heading = await frame.getByTestId('pull-requests-waiting').locator('p').first().textContent();
    expect(heading).toBe(`Open pull requests waiting for a first review (${waiting.length})`);
    const rows = await frame.getByTestId('pull-requests-waiting-table').locator('tbody tr').allTextContents();
    const expected = [...waiting]
      .sort((a, b) => time(a.draftEvents.at(-1)?.at ?? a.createdAt) - time(b.draftEvents.at(-1)?.at ?? b.createdAt))
      .map((pull) => `${pull.repository.owner.login}/${pull.repository.name}#${pull.number}`);
    expect(rows.map((row) => row.split(PROJECT)[0])).toEqual(expected);
  });

  it('counts the merged pull requests and their pickup time (ready for review → first review)', async () => {
    const merged = pulls.filter((pull) => pull.mergedAt !== null);
    const heading = await frame.getByTestId('pull-requests-phases').locator('p').first().textContent();
    expect(heading).toBe(`Where pull-request time goes (${merged.length} merged in this period)`);
    const pickups = merged
      .filter((pull) => pull.reviews.length > 0)
      .map((pull) => time(pull.reviews[0]!.submittedAt) - time(pull.draftEvents.find((event) => event.ready)?.at ?? pull.createdAt));
    const cells = await frame.getByTestId('phase-pickup').locator('td').allTextContents();
    expect(cells).toEqual([
      String(pickups.length),
      written(nearestRank(pickups, 50)),
      written(nearestRank(pickups, 85)),
      written(nearestRank(pickups, 95)),
    ]);
  });

  it('gives the share of finished items that had a pull request, by Jira and GitHub', async () => {
    const { issues } = suite;
    const done = issues.filter((issue) => issue.category === 'done').map((issue) => issue.key);
    const linked = new Set(pulls.map((pull) => pull.key));
    const withPull = done.filter((key) => linked.has(key)).length;
    const text = await frame.getByTestId('pull-requests-linked-share').textContent();
    expect(text).toContain(`${withPull.toLocaleString('en-US')} of ${done.length.toLocaleString('en-US')} items finished in this period`);
  });

  it('leaves generated files out of the sizes: no merged pull request is sized by its lockfile', async () => {
    const merged = pulls.filter((pull) => pull.mergedAt !== null);
    const handWritten = (pull: SimPullRequest) =>
      pull.files
        .filter((file) => file.path !== 'package-lock.json' && !file.path.startsWith('src/api/generated/'))
        .reduce((sum, file) => sum + file.additions + file.deletions, 0);
    const classes = [10, 50, 250, 1000, Infinity];
    const counts = classes.map(
      (upTo, k) => merged.filter((pull) => handWritten(pull) <= upTo && (k === 0 || handWritten(pull) > classes[k - 1]!)).length,
    );
    const summary = await frame.getByTestId('chart-pull-request-sizes-summary').textContent();
    expect(summary).toBe(
      `${merged.length} pull requests: XS ${counts[0]}, S ${counts[1]}, M ${counts[2]}, L ${counts[3]}, XL ${counts[4]}.`,
    );
  });

  it("charts each phase by reporting period: the pickup table holds the raw pull requests' percentiles", async () => {
    const merged = pulls.filter((pull) => pull.mergedAt !== null && pull.reviews.length > 0);
    const { rows } = await tableRows(frame, 'chart-phase-trend-pickup');
    expect(rows.length).toBeGreaterThan(1);
    const hours = (ms: number) => String(Math.round((ms / HOUR) * 10) / 10);
    let periodsWithPickups = 0;
    for (const [from, to, ...cells] of rows) {
      const start = time(`${from}T00:00:00Z`);
      const end = time(`${to}T00:00:00Z`) + 24 * HOUR;
      const pickups = merged
        .filter((pull) => time(pull.mergedAt!) >= start && time(pull.mergedAt!) < end)
        .map((pull) => time(pull.reviews[0]!.submittedAt) - time(pull.draftEvents.find((event) => event.ready)?.at ?? pull.createdAt));
      if (pickups.length > 0) periodsWithPickups += 1;
      const expected =
        pickups.length === 0 ? ['0', '–', '–', '–'] : [String(pickups.length), ...[50, 85, 95].map((p) => hours(nearestRank(pickups, p)))];
      expect([from, to, ...cells]).toEqual([from, to, ...expected]);
    }
    expect(periodsWithPickups).toBeGreaterThan(0);
    // One line per phase, a point per period with a value.
    const points = await frame.getByTestId('chart-phase-trend-pickup').locator('svg path').count();
    expect(points).toBeGreaterThan(0);
  });

  it("shows where each item's time went in the Issues table: the time after the last merge, from Jira's and GitHub's own times", async () => {
    const { issues } = suite;
    // Items that entered a done status exactly once, and are done now: their done time is that move.
    const doneAt = new Map<string, number>();
    for (const issue of issues) {
      const intoDone = moves(issue).filter((move) => move.category === 'done');
      if (intoDone.length === 1 && issue.category === 'done') doneAt.set(issue.key, intoDone[0]!.from);
    }
    await frame.getByRole('tab', { name: 'Issues', exact: true }).click();
    const table = frame.getByTestId('issues-table--table');
    await table.getByRole('columnheader', { name: 'After last merge (hours)' }).waitFor({ timeout: 30_000 });
    const headers = await table.getByRole('columnheader').allTextContents();
    const afterColumn = headers.indexOf('After last merge (hours)');
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (cell) => cell.textContent ?? '')));
    let checked = 0;
    for (const cells of rows) {
      const key = cells[0]!;
      const done = doneAt.get(key);
      const linked = pulls.filter((pull) => pull.key === key);
      // Every pull request of the item merged before it was done: the time after is from the last merge.
      if (done === undefined || linked.length === 0 || linked.some((pull) => pull.mergedAt === null || time(pull.mergedAt) > done))
        continue;
      const lastMerge = Math.max(...linked.map((pull) => time(pull.mergedAt!)));
      const written = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        (done - lastMerge) / HOUR,
      );
      expect([key, cells[afterColumn]]).toEqual([key, written]);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("stacks where the finished items' time went, period by period, as Jira's and GitHub's own times add up", async () => {
    const { issues } = suite;
    // Each finished item's cycle, by the default workflow's status categories: from its first move into an
    // in-progress status to its one move into a done status (items done twice, or never in progress, are left out).
    const cycles = new Map<string, { start: number; done: number }>();
    for (const issue of issues) {
      if (issue.category !== 'done') continue;
      const intoDone = moves(issue).filter((move) => move.category === 'done');
      const started = moves(issue).find((move) => move.category === 'indeterminate');
      if (intoDone.length === 1 && started !== undefined && started.from < intoDone[0]!.from)
        cycles.set(issue.key, { start: started.from, done: intoDone[0]!.from });
    }
    /**
     * One pull request's hours in each part of the item's cycle, for the plain case only: never a draft, reviewed,
     * approved, merged before the item was done. Its phases: coding from the first commit (or opening) to opening,
     * pickup to the first review, review to the first approval, merge to the merge; before and after are the cycle's
     * rest. Null for any other case: the period is then not checked.
     */
    const plainSplit = (cycle: { start: number; done: number }, pull: SimPullRequest): Record<string, number> | null => {
      const approval = pull.reviews.find((review) => review.state === 'APPROVED');
      if (pull.isDraft || pull.draftEvents.length > 0 || pull.mergedAt === null || pull.reviews.length === 0 || !approval) return null;
      const opened = time(pull.createdAt);
      const firstCommit = Math.min(opened, ...pull.commits.map((commit) => time(commit.authoredAt)));
      const reviewed = Math.min(...pull.reviews.map((review) => time(review.submittedAt)));
      const approved = Math.max(time(approval.submittedAt), reviewed);
      const merged = time(pull.mergedAt);
      if (!(cycle.start <= firstCommit && merged <= cycle.done && approved <= merged)) return null;
      return {
        before: firstCommit - cycle.start,
        coding: opened - firstCommit,
        pickup: reviewed - opened,
        review: approved - reviewed,
        merge: merged - approved,
        between: 0,
        after: cycle.done - merged,
      };
    };
    await showTab(frame, 'Pull requests', 'chart-time-split-trend');
    const chart = frame.getByTestId('chart-time-split-trend');
    const { columns: headers, rows } = await tableRows(frame, 'chart-time-split-trend');
    expect(headers.slice(0, 3)).toEqual(['From', 'To', 'Items']);
    expect(headers).toHaveLength(3 + 7); // before, the four phases, between, after
    expect(rows.length).toBeGreaterThan(1);
    const parts = ['before', 'coding', 'pickup', 'review', 'merge', 'between', 'after'];
    let checked = 0;
    for (const [from, to, items, ...hours] of rows) {
      const start = time(`${from}T00:00:00Z`);
      const end = time(`${to}T00:00:00Z`) + 24 * HOUR;
      // The items finished in the period that a pull request was open for, and their one plain pull request's split.
      const finished = [...cycles].filter(([, cycle]) => cycle.done >= start && cycle.done < end);
      const withPull = finished.filter(([key, cycle]) =>
        pulls.some((pull) => pull.key === key && time(pull.mergedAt ?? pull.closedAt ?? new Date(cycle.done).toISOString()) > cycle.start),
      );
      const splits = withPull.map(([key, cycle]) => {
        const linked = pulls.filter((pull) => pull.key === key);
        return linked.length === 1 ? plainSplit(cycle, linked[0]!) : null;
      });
      if (withPull.length === 0 || String(withPull.length) !== items || splits.some((split) => split === null)) continue;
      const average = parts.map((part) => {
        const sum = splits.reduce((total, split) => total + split![part]!, 0);
        return String(Math.round((sum / splits.length / HOUR) * 10) / 10);
      });
      expect([from, to, items, ...hours]).toEqual([from, to, items, ...average]);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
    // The drawing: one stacked band per part.
    expect(await chart.locator('svg path').count()).toBeGreaterThanOrEqual(parts.length);
  });

  it.each(['light', 'dark'] as const)('keeps the stacked chart accessible in the %s theme (axe-core)', async (theme) => {
    const { page: themed, frame: themedFrame } = await suite.pages.open({
      path: projectPagePath(PROJECT),
      theme,
      ready: { testId: 'flow-report', timeout: 60_000 },
    });
    try {
      await showTab(themedFrame, 'Pull requests', 'chart-time-split-trend');
      expect(await themedFrame.locator('html').getAttribute('data-color-mode')).toBe(theme);
      const violations = await seriousAccessibilityViolations(themedFrame);
      expect(describeViolations(violations)).toBe(describeViolations([]));
    } finally {
      await themed.close();
    }
  });
});
