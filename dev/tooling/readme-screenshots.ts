import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { measureDemoProjects } from '../demo-setup';
import { DEMO_REPOSITORIES } from '../github/demo-github';
import { startLocalSite } from '../local-site';
import { launchChromium } from '../testing/chromium';
import { appFrameContent, openHostPage, userWithRole } from '../testing/open-host-page';

/**
 * The README's screenshots, taken from the real app on the simulated demo site exactly as `npm start` shows
 * it: the admin measures the demo projects and connects the simulated GitHub, the background jobs run, and
 * each picture is the host page as a member (project page) or admin (settings) sees it.
 *
 *   npm run screenshots            (writes docs/*.png)
 */

const rootDir = path.resolve(__dirname, '../..');
const docs = path.join(rootDir, 'docs');
const PROJECT = 'FLOW';
const WIDTH = 1280;

/** A project page tab and the file its picture goes to. */
const PROJECT_TABS = [
  { tab: 'Overview', file: 'project-page.png' },
  { tab: 'Cycle time', file: 'cycle-time.png' },
  { tab: 'Flow', file: 'flow.png' },
  { tab: 'Aging', file: 'aging.png' },
  { tab: 'Forecast', file: 'forecast.png' },
  { tab: 'Pull requests', file: 'pull-requests.png' },
] as const;

async function settle(frame: Frame): Promise<void> {
  // Charts draw after layout is measured; two animation frames later they are on screen.
  await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The host page cut to the app frame's height, so a picture ends where the tab's content does. */
async function shoot(page: Page, frame: Frame, file: string): Promise<void> {
  await settle(frame);
  const height = await frame.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: WIDTH, height: Math.min(2400, Math.max(900, height + 140)) });
  await settle(frame);
  await page.screenshot({ path: path.join(docs, file) });
  console.log(`docs/${file}`);
}

async function main(): Promise<void> {
  mkdirSync(docs, { recursive: true });
  const [site, browser] = await Promise.all([startLocalSite({ rootDir, port: 0, dataDir: null }), launchChromium()]);
  try {
    await measureDemoProjects(site);
    await site.platform.runScheduledTrigger('hourly-incremental-sync');
    await site.platform.drainQueue();
    await site.platform.invokeResolver({
      moduleKey: 'flow-metrics-settings',
      functionKey: 'connectGitHub',
      payload: { token: site.github.tokens.readOnly.token, repositories: [DEMO_REPOSITORIES.webApp, DEMO_REPOSITORIES.platformApi] },
      accountId: userWithRole(site, 'admin').accountId,
    });
    await site.platform.runScheduledTrigger('hourly-github-sync');
    await site.platform.drainQueue();

    const page = await openHostPage(browser, site, 'member', `/projects/${PROJECT}/flow-metrics`, {
      viewport: { width: WIDTH, height: 1200 },
    });
    const frame = await appFrameContent(page);
    await frame.getByTestId('flow-report').waitFor({ timeout: 60_000 });
    for (const { tab, file } of PROJECT_TABS) {
      await frame.getByRole('tab', { name: tab, exact: true }).click();
      await frame.getByRole('tabpanel').first().waitFor({ timeout: 30_000 });
      await shoot(page, frame, file);
    }
    await page.close();

    const settings = await openHostPage(browser, site, 'admin', '/settings/flow-metrics', { viewport: { width: WIDTH, height: 1000 } });
    const settingsFrame = await appFrameContent(settings);
    await settingsFrame.getByRole('tab', { name: 'Projects', exact: true }).waitFor({ timeout: 60_000 });
    await shoot(settings, settingsFrame, 'settings-page.png');
  } finally {
    await browser.close();
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
