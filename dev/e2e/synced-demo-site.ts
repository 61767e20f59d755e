import path from 'node:path';
import type { Browser } from 'playwright-core';
import { measureDemoProjects } from '../demo-setup';
import { startLocalSite, type LocalSite } from '../local-site';
import { launchChromium } from '../testing/chromium';

const rootDir = path.resolve(__dirname, '../..');

/**
 * The simulated demo site as a new installation finds it (the app installed, no project measured yet, nothing
 * connected), and headless Chromium beside it: where end-to-end tests of the settings page start.
 */
export async function demoSiteAndBrowser(): Promise<[LocalSite, Browser]> {
  return Promise.all([startLocalSite({ rootDir, port: 0, dataDir: null }), launchChromium()]);
}

/**
 * The simulated demo site as a reader finds it after the app's first hourly sync (every demo project measured,
 * its history synced), and headless Chromium beside it: where most end-to-end tests of the project page start.
 */
export async function syncedDemoSiteAndBrowser(): Promise<[LocalSite, Browser]> {
  const [site, browser] = await demoSiteAndBrowser();
  await measureDemoProjects(site);
  await site.platform.runScheduledTrigger('hourly-incremental-sync');
  await site.platform.drainQueue();
  return [site, browser];
}
