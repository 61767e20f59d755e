import { expect } from '@jest/globals';
import { userWithRole } from '../testing/open-host-page';
import { countedByDefault, measured } from './default-conventions';
import { exportedIssues, type ExportedIssue } from './jira-export';
import { projectPagePath } from './project-page-opener';
import { e2eSuite } from './e2e-suite';

jest.setTimeout(180_000);

/**
 * The aging chart of a workflow with one in-progress stage, end to end in headless Chromium (issue 13, defect 6:
 * "with the default workflow everything sits in one column"). The bug queue keeps the default workflow, and one
 * of its bugs in progress was sent back to triage: it sits in the To Do stage, still in progress. The chart must
 * still give each status its own column, the moved-back bug's status first, as Jira's export of BUG says where
 * the member's bugs in progress are; never all the work in one In Progress column.
 */
const PROJECT = 'BUG';

// As the member reads the project (issue security), with the types the page counts by default.
const suite = e2eSuite({ site: 'synced', exported: { project: PROJECT, as: 'member', countedByDefault: true } });
let inProgress: ExportedIssue[];

const unfinished = (issues: readonly ExportedIssue[]) =>
  issues.map(measured).flatMap((item) => (item.start !== null && item.done === null ? [item.issue] : []));

/**
 * The demo data, drawn up to today, holds a started bug back in triage on some days only: one being fixed is sent
 * back, as a triager would, through the simulated Jira, and the app learns of it from Jira's event. The page is
 * then held against Jira's export after that change.
 */
beforeAll(async () => {
  const { site } = suite;
  const fixing = unfinished(suite.issues).find((issue) => issue.category === 'indeterminate');
  expect(fixing).toBeDefined();
  const logged = () =>
    site.platform.logs.all().filter((entry) => entry.message.startsWith(`[issue-changed] avi:jira:updated:issue in ${PROJECT}`));
  const before = logged().length;
  const answer = await fetch(`${site.jiraUrl}/__jira/issues/${fixing!.key}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'Open', accountId: userWithRole(site, 'admin').accountId }),
  });
  expect(answer.status).toBe(200);
  for (const until = Date.now() + 30_000; logged().length === before;) {
    if (Date.now() > until) throw new Error(`The app did not apply ${fixing!.key}'s move back to triage within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  inProgress = unfinished((await exportedIssues(site, PROJECT, 'member')).filter(countedByDefault));
});

describe('the aging of a workflow with one in-progress stage, as a member', () => {
  it('gives each status a column with the work in progress Jira says is in it, a bug sent back to triage in its own', async () => {
    const movedBack = inProgress.filter((issue) => issue.category === 'new');
    // What this test is about: a bug started, then moved back to a status of the To Do stage (at least the one sent back).
    expect(movedBack.length).toBeGreaterThan(0);
    const byStatus = new Map<string, number>();
    for (const issue of inProgress) byStatus.set(issue.status, (byStatus.get(issue.status) ?? 0) + 1);

    const { frame } = await suite.pages.open({
      path: projectPagePath(PROJECT, '?tab=aging'),
      ready: { testId: 'chart-aging', timeout: 60_000 },
    });
    await frame.getByTestId('aging-wip').first().waitFor({ timeout: 30_000 });
    const names = await frame.locator('[data-testid="chart-aging"] .visx-axis-bottom text').allTextContents();
    const heads = await frame.getByTestId('aging-wip').allTextContents();
    const columns = new Map(names.map((name, k) => [name, Number(heads[k]!.replace(/^WIP /, '').replace(/,/g, ''))]));
    expect(columns).toEqual(byStatus);
    // The To Do stage comes before In Progress: its statuses' columns are on the left.
    const firstInProgress = names.findIndex((name) => inProgress.some((issue) => issue.status === name && issue.category !== 'new'));
    for (const issue of movedBack) expect(names.indexOf(issue.status)).toBeLessThan(firstInProgress);
    await expect(
      frame
        .getByTestId('chart-aging')
        .getByText(/^Age of unfinished items by status, today$/)
        .count(),
    ).resolves.toBe(1);
    // Nothing leaves To Do on the clock: its bands are the cycle times, and the summary says why without claiming few left it.
    await expect(frame.getByTestId('chart-aging-summary').textContent()).resolves.toContain(
      "To Do: before the clock starts (its items were moved back to it), so its bands are the period's cycle times",
    );
  });
});
