import { expect } from '@jest/globals';
import { describeViolations, seriousAccessibilityViolations } from '../testing/accessibility-audit';
import { openWorkflowEditor, projectPagePath } from './project-page-opener';
import { expectScatterDots } from './chart-marks';
import { e2eSuite } from './e2e-suite';

jest.setTimeout(240_000);

/**
 * Discarded work end to end in headless Chromium (issue 13, defect 4): the bug queue closes some bugs as "Won't
 * Fix"; the admin marks that status as discarded on the settings page, and the member's cycle-time chart then
 * holds only the bugs Jira says were delivered. The expectation comes from Jira's export of BUG: the issues done
 * now, less those in Won't Fix, less those at a security level the member may not see.
 */
const PROJECT = 'BUG';
const DISCARDING_STATUS = "Won't Fix";

interface ExportedBug {
  status: string;
  category: string;
  resolved: boolean;
  secured: boolean;
}

const suite = e2eSuite({ site: 'synced' });
let issues: ExportedBug[];

beforeAll(async () => {
  const response = await fetch(`${suite.site.jiraUrl}/__jira/export?project=${PROJECT}&fields=status,resolutiondate,security`);
  const exported = (await response.json()) as Array<{
    fields: { status: { name: string; statusCategory: { key: string } }; resolutiondate: string | null; security: unknown };
  }>;
  issues = exported.map(({ fields }) => ({
    status: fields.status.name,
    category: fields.status.statusCategory.key,
    resolved: fields.resolutiondate !== null,
    secured: fields.security !== null,
  }));
}, 240_000);

/** The items done now that the member may see: by Jira's status category, resolved, at no level closed to them. */
const doneForMember = () => issues.filter((issue) => issue.category === 'done' && issue.resolved && !issue.secured);

const openCycleTime = (theme: 'light' | 'dark') =>
  suite.pages.open({
    path: projectPagePath(PROJECT, '?tab=cycle-time'),
    theme,
    ready: { testId: 'tab-panel-cycle-time', timeout: 60_000 },
  });

describe("work closed as Won't Fix", () => {
  it('counts as delivered until the admin marks its status discarded, then is left out of cycle time and shown apart', async () => {
    const discarded = doneForMember().filter((issue) => issue.status === DISCARDING_STATUS).length;
    expect(discarded).toBeGreaterThan(0);
    const before = await openCycleTime('light');
    await expectScatterDots(before.frame, doneForMember().length);
    await before.page.close();

    const { page: admin, frame: settings } = await openWorkflowEditor(suite.pages, PROJECT);
    await settings.getByLabel(`${DISCARDING_STATUS} means discarded, not delivered`).check();
    await settings.getByRole('button', { name: 'Save workflow' }).click();
    await settings.getByTestId('workflow-saved').waitFor({ timeout: 20_000 });
    await admin.close();
    await suite.site.platform.drainQueue();

    const after = await openCycleTime('light');
    await expectScatterDots(after.frame, doneForMember().length - discarded);
    // Shown apart, on the Overview.
    await after.frame.getByRole('tab', { name: 'Overview', exact: true }).click();
    await expect(after.frame.getByTestId('overview-discarded').textContent()).resolves.toMatch(
      new RegExp(
        `^${discarded.toLocaleString('en-US')} items were discarded in the period \\(${discarded.toLocaleString('en-US')} Won't Fix\\)`,
      ),
    );
    await after.page.close();
  });

  it.each(['light', 'dark'] as const)('leaves the page free of serious accessibility violations in %s mode', async (theme) => {
    const { page, frame } = await openCycleTime(theme);
    const violations = await seriousAccessibilityViolations(frame);
    expect(describeViolations(violations)).toBe('');
    await page.close();
  });
});
