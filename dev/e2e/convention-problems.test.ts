import { expect } from '@jest/globals';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { describeViolations, seriousAccessibilityViolations } from '../testing/accessibility-audit';
import { appFrame, appFrameContent, resolverCallsOf, userWithRole } from '../testing/open-host-page';
import { e2eSuite } from './e2e-suite';

// A browser step waits on the built page, the bridge and the simulated sites: on a busy two-core machine a
// test can take well over the default 30 s without anything being wrong.
jest.setTimeout(120_000);

/**
 * The workflow editor's conventions refuse what the engine cannot use, in the page, beside the field, in plain
 * words, before Save: a percentile of 150, an empty percentile (once silently stored as 0), a time zone that is
 * not one, no working day. Save stays off, and what was stored before is still what the settings resolver
 * answers and what the editor shows after a reload.
 */
const SETTINGS = '/settings/flow-metrics';
const PROJECT = 'SPR';
const CONFIG_KEY = `project:${PROJECT}:flow-config`;
const VIEWPORT = { width: 1280, height: 1400 };
const PERCENTILE = '#convention-serviceLevelPercentile';
const TIME_ZONE = '#convention-timeZone';
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const suite = e2eSuite({ site: 'fresh' });

async function openSettings(theme: 'light' | 'dark' = 'light'): Promise<Page> {
  return (await suite.pages.open({ path: SETTINGS, as: 'admin', theme, viewport: VIEWPORT })).page;
}

/** The project's workflow editor, opened from the Projects tab. */
async function openEditor(frame: FrameLocator): Promise<Locator> {
  await frame.getByTestId(`project-settings-${PROJECT}`).getByRole('button', { name: 'Workflow' }).click({ timeout: 20_000 });
  const editor = frame.getByTestId('workflow-editor');
  await editor.getByLabel('Time zone of dates').waitFor({ timeout: 20_000 });
  return editor;
}

/** The project's stored conventions as the settings resolver answers an admin. */
async function storedConventions(): Promise<unknown> {
  const answer = (await suite.site.platform.invokeResolver({
    moduleKey: 'flow-metrics-settings',
    functionKey: 'getProjectWorkflow',
    payload: { projectKey: PROJECT },
    accountId: userWithRole(suite.site, 'admin').accountId,
  })) as { ok: boolean; data?: { conventions: unknown } };
  if (!answer.ok || !answer.data) throw new Error(`getProjectWorkflow answered ${JSON.stringify(answer)}`);
  return answer.data.conventions;
}

/**
 * The problem shown for a convention: it names the field's input (`inputSelector`) as its description and sits
 * in the same field container, beside the input, not only in the summary near Save.
 */
async function problemBeside(editor: Locator, inputSelector: string, field: string): Promise<string> {
  const problem = editor.getByTestId(`convention-${field}-problem`);
  await problem.waitFor({ timeout: 10_000 });
  // A text field names its problem as its description; the working days' problem sits in their fieldset.
  if (field !== 'workingDays') {
    await expect(editor.locator(inputSelector).getAttribute('aria-describedby')).resolves.toBe(`convention-${field}-problem`);
  }
  const container = editor.locator(field === 'workingDays' ? 'fieldset' : '.settings-field', { has: editor.page().locator(inputSelector) });
  await expect(container.getByTestId(`convention-${field}-problem`).count()).resolves.toBe(1);
  return (await problem.textContent()) ?? '';
}

describe("the workflow editor's conventions, as a Jira admin", () => {
  it('says beside each field what is wrong, keeps Save off, and stores nothing of it', async () => {
    const page = await openSettings();
    const frame = appFrame(page);
    let editor = await openEditor(frame);
    const percentile = () => editor.locator(PERCENTILE);
    const timeZone = () => editor.locator(TIME_ZONE);
    const save = () => editor.getByRole('button', { name: 'Save workflow' });

    // Something stored first, so there is something to lose.
    await percentile().fill('90');
    await timeZone().fill('Europe/Berlin');
    await save().click();
    await frame.getByTestId('workflow-saved').waitFor({ timeout: 20_000 });
    const stored = await storedConventions();
    expect(stored).toMatchObject({ serviceLevelPercentile: 90, timeZone: 'Europe/Berlin' });
    const storedValues = JSON.stringify(suite.site.kvs.listPlain(CONFIG_KEY));
    expect(suite.site.kvs.listPlain(CONFIG_KEY)).toHaveLength(1);

    await percentile().fill('150');
    await expect(problemBeside(editor, PERCENTILE, 'serviceLevelPercentile')).resolves.toBe(
      'A percentile is above 0 and below 100; 150 is not.',
    );
    expect(await save().isDisabled()).toBe(true);

    // Emptied, the field is no percentile (not 0) and says so.
    await percentile().fill('');
    await expect(problemBeside(editor, PERCENTILE, 'serviceLevelPercentile')).resolves.toBe('Enter a percentile, such as 85.');
    await expect(percentile().inputValue()).resolves.toBe('');

    await timeZone().fill('Mars/Olympus_Mons');
    await expect(problemBeside(editor, TIME_ZONE, 'timeZone')).resolves.toBe(
      '"Mars/Olympus_Mons" is not a time zone name; use one such as Europe/Berlin or America/New_York.',
    );
    await timeZone().fill('');
    await expect(problemBeside(editor, TIME_ZONE, 'timeZone')).resolves.toBe('Enter a time zone, such as Europe/Berlin.');

    for (const day of WEEKDAYS) {
      const box = editor.getByLabel(day, { exact: true });
      if (await box.isChecked()) await box.uncheck();
    }
    await expect(problemBeside(editor, 'input[type="checkbox"]', 'workingDays')).resolves.toBe('Tick at least one working day.');

    // All three at once, and the summary near Save repeats them.
    const summary = (await frame.getByTestId('workflow-problems').textContent()) ?? '';
    expect(summary).toContain('Enter a percentile, such as 85.');
    expect(summary).toContain('Enter a time zone, such as Europe/Berlin.');
    expect(summary).toContain('Tick at least one working day.');
    expect(await save().isDisabled()).toBe(true);
    // Pressed anyway (a disabled button ignores it): nothing reaches the resolver, nothing is stored.
    const saves = () => resolverCallsOf(page).filter((call) => call === 'saveProjectWorkflow').length;
    const savesBefore = saves();
    await save().click({ force: true });
    await page.waitForTimeout(500);
    expect(saves()).toBe(savesBefore);
    await expect(frame.getByTestId('workflow-saved').count()).resolves.toBe(0);
    expect(JSON.stringify(suite.site.kvs.listPlain(CONFIG_KEY))).toBe(storedValues);
    await expect(storedConventions()).resolves.toEqual(stored);

    // Reloaded, the editor shows what was stored, not the refused draft.
    await page.reload();
    editor = await openEditor(frame);
    await expect(percentile().inputValue()).resolves.toBe('90');
    await expect(timeZone().inputValue()).resolves.toBe('Europe/Berlin');
    const ticked = [];
    for (const day of WEEKDAYS) if (await editor.getByLabel(day, { exact: true }).isChecked()) ticked.push(day.toLowerCase());
    expect(ticked.sort()).toEqual([...(stored as { workingDays: string[] }).workingDays].sort());
    await expect(editor.getByTestId('convention-serviceLevelPercentile-problem').count()).resolves.toBe(0);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('shows a problem beside its field accessibly in %s mode (axe-core)', async (theme) => {
    const page = await openSettings(theme);
    try {
      const editor = await openEditor(appFrame(page));
      await editor.locator('#convention-serviceLevelPercentile').fill('150');
      await editor.getByTestId('convention-serviceLevelPercentile-problem').waitFor({ timeout: 10_000 });
      await editor.locator('#convention-timeZone').fill('Nowhere/Else');
      await editor.getByTestId('convention-timeZone-problem').waitFor({ timeout: 10_000 });
      const content = await appFrameContent(page);
      expect(await content.locator('html').getAttribute('data-color-mode')).toBe(theme);
      const violations = await seriousAccessibilityViolations(content);
      expect(describeViolations(violations)).toBe(describeViolations([]));
    } finally {
      await page.close();
    }
  });
});
