import { expect } from '@jest/globals';
import { expectScatterDots } from './chart-marks';
import { measured } from './default-conventions';
import { openWorkflowEditor, projectPagePath } from './project-page-opener';
import { e2eSuite } from './e2e-suite';

jest.setTimeout(180_000);

/**
 * The issue types a project's page counts by default, end to end in headless Chromium (issue 13, defect 4: "choose
 * which issue types the page counts by default"). The admin leaves bugs out as well as epics on the settings page;
 * the member's page then opens without them, and a reader can tick them back in. The expected dots are FLOW's items
 * Jira says are done, of the types counted.
 */
const PROJECT = 'FLOW';
const LEFT_OUT = ['Epic', 'Bug'];

const suite = e2eSuite({ site: 'synced', exported: { project: PROJECT, as: 'member' } });

/** The items Jira says are done, over the whole history (the page's default period), of the types given. */
const doneOf = (types: readonly string[]) =>
  suite.issues.filter((issue) => types.includes(issue.type)).filter((issue) => measured(issue).done !== null).length;

describe('the issue types an admin leaves out by default', () => {
  it('are unticked when a member opens the page, which counts the other types, and a reader can tick them back in', async () => {
    const types = [...new Set(suite.issues.map((issue) => issue.type))];
    const counted = types.filter((type) => !LEFT_OUT.includes(type));
    expect(counted.length).toBeGreaterThan(0);
    expect(doneOf(['Bug'])).toBeGreaterThan(0);

    const { page: admin, frame: settings } = await openWorkflowEditor(suite.pages, PROJECT);
    await settings.getByLabel('Issue types left out by default').fill(LEFT_OUT.join(', '));
    await settings.getByRole('button', { name: 'Save workflow' }).click();
    await settings.getByTestId('workflow-saved').waitFor({ timeout: 20_000 });
    await admin.close();

    const { page, frame } = await suite.pages.open({
      path: projectPagePath(PROJECT, '?tab=cycle-time'),
      ready: { testId: 'tab-panel-cycle-time', timeout: 60_000 },
    });
    const boxes = frame.getByTestId('filter-issue-types');
    for (const type of types) {
      await expect(boxes.getByRole('checkbox', { name: type, exact: true }).isChecked()).resolves.toBe(!LEFT_OUT.includes(type));
    }
    await expectScatterDots(frame, doneOf(counted));
    await boxes.getByRole('checkbox', { name: 'Bug', exact: true }).check();
    await expectScatterDots(frame, doneOf([...counted, 'Bug']));
    await page.close();
  });
});
