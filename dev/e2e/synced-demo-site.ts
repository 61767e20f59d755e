import path from 'node:path';
import type { Browser } from 'playwright-core';
import { measureDemoProjects } from '../demo-setup';
import { startLocalSite, type LocalSite, type LocalSiteOptions } from '../local-site';
import { launchChromium } from '../testing/chromium';
import { currentForgeBundle } from '../tooling/forge-bundle';

const rootDir = path.resolve(__dirname, '../..');

/**
 * What a test may ask of the demo site beyond its demo projects: a big project of this many issues beside them,
 * and the app as `forge deploy` uploads it (`app: 'bundle'`, built first if the sources changed since).
 */
export type DemoSiteOptions = Pick<LocalSiteOptions, 'bigProjectIssues' | 'app'>;

/**
 * The simulated demo site as a new installation finds it (the app installed, no project measured yet, nothing
 * connected), and headless Chromium beside it: where end-to-end tests of the settings page start.
 */
export async function demoSiteAndBrowser(options: DemoSiteOptions = {}): Promise<[LocalSite, Browser]> {
  if (options.app === 'bundle') await currentForgeBundle(rootDir);
  return Promise.all([startLocalSite({ rootDir, port: 0, dataDir: null, ...options }), launchChromium()]);
}

/**
 * The simulated demo site as a reader finds it after the app's first hourly sync (every demo project measured,
 * its history synced), and headless Chromium beside it: where most end-to-end tests of the project page start.
 */
export async function syncedDemoSiteAndBrowser(options: DemoSiteOptions = {}): Promise<[LocalSite, Browser]> {
  const [site, browser] = await demoSiteAndBrowser(options);
  await measureDemoProjects(site);
  await site.platform.runScheduledTrigger('hourly-incremental-sync');
  await site.platform.drainQueue();
  return [site, browser];
}
