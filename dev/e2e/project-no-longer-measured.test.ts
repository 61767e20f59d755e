import { expect } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { describeViolations, seriousAccessibilityViolations } from '../testing/accessibility-audit';
import { projectPagePath } from './project-page-opener';
import { e2eSuite } from './e2e-suite';

jest.setTimeout(180_000);

/**
 * A project an admin stops measuring, end to end in headless Chromium (issue 13, defect 8: "a project that was
 * measured says its metrics are 'not collected yet' while its data is kept"). The admin unticks it on the settings
 * page; a member then reads that it is no longer measured, since the last sync the page showed before, and that
 * its history is kept; not that nothing was ever collected, and no chart of it.
 */
const PROJECT = 'SPR';

const suite = e2eSuite({ site: 'synced' });

const openAsMember = (theme: 'light' | 'dark' = 'light') =>
  suite.pages.open({ path: projectPagePath(PROJECT), theme, ready: { testId: 'project-name', timeout: 60_000 } });

/** The last sync's time as the measured project's page writes it ("Data as of …"). */
async function lastSyncWritten(frame: Frame): Promise<string> {
  const asOf = frame.getByTestId('sync-data-as-of').locator('time');
  await asOf.waitFor({ timeout: 30_000 });
  return (await asOf.textContent()) ?? '';
}

describe('a project the admin stopped measuring', () => {
  let lastSync: string;

  beforeAll(async () => {
    const measured = await openAsMember();
    lastSync = await lastSyncWritten(measured.frame);
    await measured.page.close();

    const settings = await suite.pages.open({
      path: '/settings/flow-metrics',
      as: 'admin',
      viewport: { width: 1280, height: 1400 },
      ready: { testId: `project-settings-${PROJECT}`, timeout: 60_000 },
    });
    const box = settings.frame.getByTestId(`project-settings-${PROJECT}`).getByLabel(`Measure ${PROJECT}`);
    await expect(box.isChecked()).resolves.toBe(true);
    await box.click({ timeout: 20_000 });
    // The box shows what is stored: it is unticked once the resolver has answered.
    for (const deadline = Date.now() + 20_000; (await box.isChecked()) && Date.now() < deadline;) await settings.page.waitForTimeout(200);
    await expect(box.isChecked()).resolves.toBe(false);
    await settings.page.close();
  }, 180_000);

  it('says to a member that it is no longer measured, since its last sync, and that its history is kept; no chart', async () => {
    const { page, frame } = await openAsMember();
    const notice = frame.getByTestId('project-no-longer-measured');
    await notice.waitFor({ timeout: 30_000 });
    await expect(notice.textContent()).resolves.toContain(
      `Flow metrics are no longer collected for this project. Its history, collected until ${lastSync}, is kept until the app's retention period removes it`,
    );
    for (const absent of ['project-not-measured', 'flow-report', 'sync-state'])
      await expect(frame.getByTestId(absent).count()).resolves.toBe(0);
    await expect(frame.getByText(/not collected for .* yet/).count()).resolves.toBe(0);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('says so without serious accessibility violations in %s mode', async (theme) => {
    const { page, frame } = await openAsMember(theme);
    await frame.getByTestId('project-no-longer-measured').waitFor({ timeout: 30_000 });
    expect(describeViolations(await seriousAccessibilityViolations(frame))).toBe('');
    await page.close();
  });
});
