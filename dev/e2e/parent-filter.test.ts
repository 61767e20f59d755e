import { expect } from '@jest/globals';
import { describeViolations, seriousAccessibilityViolations } from '../testing/accessibility-audit';
import { projectPagePath, waitForLinkNaming } from './project-page-opener';
import { expectScatterDots, workInProgressAtColumnHeads } from './chart-marks';
import { e2eSuite } from './e2e-suite';

jest.setTimeout(180_000);

/**
 * The epic (parent) filter end to end in headless Chromium on the simulated site: a link naming an epic, a second
 * epic ticked in the filter, the URL that reproduces the view. The items counted are those Jira files under the
 * epics chosen, from its export; the page opens on the whole history without epics themselves.
 */
const PROJECT = 'FLOW';

const suite = e2eSuite({ site: 'synced', exported: { project: PROJECT, countedByDefault: true } });
/** The two epics with the most finished children, most first. */
let epics: [string, string];

beforeAll(() => {
  const finishedPerEpic = new Map<string, number>();
  for (const issue of finished()) if (issue.parent) finishedPerEpic.set(issue.parent, (finishedPerEpic.get(issue.parent) ?? 0) + 1);
  const ranked = [...finishedPerEpic].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  epics = [ranked[0]![0], ranked[1]![0]];
});

/** Finished (by Jira's status category, resolved) and in progress now, among the children of `parents`. */
const finished = (parents?: readonly string[]) =>
  suite.issues.filter(
    (issue) => issue.category === 'done' && issue.resolvedDay !== null && (!parents || parents.includes(issue.parent ?? '')),
  );
const inProgress = (parents: readonly string[]) =>
  suite.issues.filter((issue) => issue.category === 'indeterminate' && parents.includes(issue.parent ?? ''));

const openWith = (theme: 'light' | 'dark', query: string) =>
  suite.pages.open({ path: projectPagePath(PROJECT, query), theme, ready: { testId: 'flow-report', timeout: 60_000 } });

describe('the parent filter', () => {
  it('counts only the children of the epic a link names, then of a second epic ticked, as Jira files them', async () => {
    const [first, second] = epics;
    expect(finished([first]).length).toBeGreaterThan(1);
    const { page, frame } = await openWith('light', `?parent=${first}&tab=cycle-time`);
    await frame.getByTestId('tab-panel-cycle-time').waitFor({ timeout: 30_000 });
    await expectScatterDots(frame, finished([first]).length);
    await expect(frame.getByTestId('filter-parents').locator('summary').textContent()).resolves.toContain(first);

    await frame.getByTestId('filter-parents').locator('summary').click();
    await frame
      .getByTestId('filter-parents')
      .getByRole('checkbox', { name: new RegExp(`^${second} \\(`) })
      .check();
    await expectScatterDots(frame, finished([first, second]).length);
    await waitForLinkNaming(page, 'parent', [first, second]);

    expect(inProgress([first, second]).length).toBeGreaterThan(0);
    await frame.getByRole('tab', { name: 'Aging', exact: true }).click();
    await expect(workInProgressAtColumnHeads(frame)).resolves.toBe(inProgress([first, second]).length);
    await page.close();
  });

  it.each(['light', 'dark'] as const)(
    'has no serious or critical accessibility violations with its list open, in %s mode',
    async (theme) => {
      const { page, frame } = await openWith(theme, `?parent=${epics[0]}&tab=cycle-time`);
      await frame.getByTestId('tab-panel-cycle-time').waitFor({ timeout: 30_000 });
      await frame.getByTestId('filter-parents').locator('summary').click();
      await frame.getByTestId('filter-parents').getByRole('checkbox').first().waitFor();
      const violations = await seriousAccessibilityViolations(frame);
      expect(describeViolations(violations)).toBe('');
      await page.close();
    },
  );
});
