import { expect } from '@jest/globals';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { bundledFile } from '../tooling/forge-bundle';
import { appFrame, openHostPage, resolverCallsOf, userWithRole } from '../testing/open-host-page';
import { e2eSuite } from './e2e-suite';
import { screenshotPath } from './screenshots';

// A browser step waits on the built page, the bridge and the simulated sites: on a busy two-core machine a
// test can take well over the default 30 s without anything being wrong.
jest.setTimeout(120_000);

/**
 * End to end, in headless Chromium, through the local host page: the built Custom UI, the bridge, the
 * simulated Jira site, and the app as `forge deploy` uploads it: the bundle @forge/bundler builds
 * (`npm run build:forge`), with the @forge/* SDKs inside it. Screenshots go to test-results/ (ignored by git).
 */
const rootDir = path.resolve(__dirname, '../..');

// A small BIG project beside the demo projects; on this fresh site no admin has enabled any of them yet.
const suite = e2eSuite({ site: 'fresh', local: { bigProjectIssues: 200, app: 'bundle' } });

it('runs the deployable bundle, not the TypeScript sources', () => {
  expect(suite.site.platform.appForm).toBe('bundle');
  expect(suite.site.platform.appFile('index')).toBe(bundledFile(rootDir, 'index'));
});

const openAs = (role: string, pagePath: string, theme: 'light' | 'dark' = 'light') =>
  openHostPage(suite.browser, suite.site, role, pagePath, { theme });

describe('the project page', () => {
  /** A project no admin has enabled: one empty state, and nothing of a measured project's page. */
  async function expectNotMeasured(page: Page, projectName: string) {
    const frame = appFrame(page);
    const empty = frame.getByTestId('project-not-measured');
    await expect(empty.getByRole('heading', { level: 2 }).textContent({ timeout: 20_000 })).resolves.toBe(
      `Flow metrics are not collected for ${projectName} yet`,
    );
    await expect(empty.textContent()).resolves.toContain(
      'A Jira administrator can turn them on in Jira settings → Apps → Flow metrics settings → Projects.',
    );
    await expect(frame.getByTestId('project-name').textContent()).resolves.toBe(projectName);
    for (const absent of ['sync-state', 'first-sync', 'flow-report', 'metrics-empty'])
      await expect(frame.getByTestId(absent).count()).resolves.toBe(0);
    await expect(frame.getByRole('button', { name: 'Sync now' }).count()).resolves.toBe(0);
    await expect(frame.getByRole('tab').count()).resolves.toBe(0);
    return empty;
  }
  const bigProjectName = async () =>
    (
      (await (await fetch(`${suite.site.jiraUrl}/rest/api/3/project/BIG`, { headers: { 'x-forge-sim-principal': 'app' } })).json()) as {
        name: string;
      }
    ).name;

  it('tells a member that a project is not measured and who can turn it on', async () => {
    const page = await openAs('member', '/projects/BIG/flow-metrics');
    const empty = await expectNotMeasured(page, await bigProjectName());
    await expect(empty.getByRole('button').count()).resolves.toBe(0);
    await page.screenshot({ path: screenshotPath('project-page-not-measured-member.png') });
    // The page asks for the project once, and nothing of a sync that does not exist. The view's first requests
    // leave as the page's script starts, before it knows the project is not measured (see the README's "The
    // history loaded ahead"): they are answered without a history, and not asked again.
    const calls = resolverCallsOf(page);
    expect(calls.filter((functionKey) => functionKey !== 'getProjectView')).toEqual(['getProjectPage']);
    expect(calls.filter((functionKey) => functionKey === 'getProjectView').length).toBeLessThanOrEqual(2);
    await page.close();
  });

  it("takes a Jira admin from a project that is not measured to the app's settings, where it can be turned on", async () => {
    const page = await openAs('admin', '/projects/BIG/flow-metrics');
    const empty = await expectNotMeasured(page, await bigProjectName());
    await page.screenshot({ path: screenshotPath('project-page-not-measured-admin.png') });
    await empty.getByRole('button', { name: 'Open Flow metrics settings' }).click();
    await page.waitForURL(/\/settings\/flow-metrics$/, { timeout: 20_000 });
    const list = appFrame(page).getByTestId('project-settings-list');
    await list.getByText('BIG', { exact: true }).first().waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('tells the outsider they have no access to a project they cannot browse, and shows no data', async () => {
    const page = await openAs('outsider', '/projects/BUG/flow-metrics');
    const frame = appFrame(page);
    await expect(
      frame
        .getByText(/don.t have access/i)
        .first()
        .textContent({ timeout: 20_000 }),
    ).resolves.toBeTruthy();
    await expect(frame.getByTestId('project-name').count()).resolves.toBe(0);
    await page.screenshot({ path: screenshotPath('project-page-outsider.png') });
    await page.close();
  });

  it('renders in the dark theme', async () => {
    const page = await openAs('member', '/projects/SPR/flow-metrics', 'dark');
    const frame = appFrame(page);
    await frame.getByTestId('project-name').waitFor({ timeout: 20_000 });
    const colorMode = await frame.locator('html').getAttribute('data-color-mode');
    expect(colorMode).toBe('dark');
    await page.screenshot({ path: screenshotPath('project-page-dark.png') });
    await page.close();
  });
});

describe('the settings page', () => {
  it('lists the site projects for an admin', async () => {
    const page = await openAs('admin', '/settings/flow-metrics');
    const list = appFrame(page).getByTestId('project-settings-list');
    await list.waitFor({ timeout: 20_000 });
    await expect(appFrame(page).getByRole('tab').allTextContents()).resolves.toEqual([
      'Projects',
      'GitHub',
      'Slack',
      'Data and privacy',
      'Audit log',
    ]);
    await expect(appFrame(page).getByTestId('access-denied').count()).resolves.toBe(0);
    for (const key of ['FLOW', 'SPR', 'BUG']) await expect(list.getByText(key, { exact: true }).count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('settings-admin.png') });
    await page.close();
  });

  it("is reached as in Jira: from the settings sidebar's Apps section, and from Manage apps' Configure and Get started", async () => {
    const page = await openAs('admin', '/');
    const apps = page.getByRole('navigation');
    await apps.getByRole('link', { name: 'Flow metrics settings' }).click();
    await page.waitForURL(/\/settings\/flow-metrics$/);
    await appFrame(page).getByTestId('project-settings-list').waitFor({ timeout: 20_000 });
    await expect(page.locator('.crumbs').textContent()).resolves.toBe('Jira settings / Apps / Flow metrics settings');
    for (const button of ['Configure', 'Get started']) {
      await apps.getByRole('link', { name: 'Manage apps' }).click();
      await page.getByTestId('managed-app').getByRole('link', { name: button }).click();
      await appFrame(page).getByTestId('project-settings-list').waitFor({ timeout: 20_000 });
      await expect(page.locator('.crumbs').textContent()).resolves.toBe(
        `Jira settings / Apps / Manage apps / Flow Metrics for Jira / ${button}`,
      );
    }
    await page.close();
  });

  it('shows a member only that the settings are for Jira administrators', async () => {
    const page = await openAs('member', '/settings/flow-metrics');
    const frame = appFrame(page);
    const denied = frame.getByTestId('access-denied');
    await expect(denied.textContent({ timeout: 20_000 })).resolves.toMatch(/only jira administrators can change flow metrics settings/i);
    await expect(frame.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^Only Jira administrators/);
    await expect(frame.getByRole('tablist').count()).resolves.toBe(0);
    await expect(frame.getByRole('tab').count()).resolves.toBe(0);
    await expect(frame.getByTestId('project-settings-list').count()).resolves.toBe(0);
    await page.screenshot({ path: screenshotPath('settings-member.png') });
    // Asked once, refused once: the page calls nothing more.
    expect(resolverCallsOf(page)).toEqual(['listProjectSettings']);
    await page.close();
  });
});

describe('a measured project, synced by the bundled queue consumer', () => {
  it('is turned on in the settings, synced through the queue and shown with its metrics', async () => {
    const admin = userWithRole(suite.site, 'admin');
    const answer = await suite.site.platform.invokeResolver({
      moduleKey: 'flow-metrics-settings',
      functionKey: 'setProjectMeasured',
      payload: { projectKey: 'SPR', measured: true },
      accountId: admin.accountId,
    });
    expect(answer).toMatchObject({ ok: true });
    // The first sync was queued by the bundled resolver and runs in the bundled consumer.
    await expect(suite.site.platform.drainQueue()).resolves.toEqual({ processed: expect.any(Number) });
    expect(suite.site.platform.queue.failed).toEqual([]);
    const page = await openAs('member', '/projects/SPR/flow-metrics');
    await appFrame(page).getByTestId('flow-report').waitFor({ timeout: 30_000 });
    await page.close();
  });
});

describe('a site whose licence is inactive', () => {
  const setLicence = (license: unknown) =>
    fetch(`${suite.site.hostUrl}/__forge/licence`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ license }),
    });
  afterAll(async () => {
    await setLicence(null);
  });

  it('says so on the project page and the settings page, set through the control API', async () => {
    expect((await setLicence({ isActive: 'no' })).status).toBe(400);
    expect(await (await setLicence({ isActive: false })).json()).toEqual({ license: { isActive: false } });
    const projectPage = await openAs('member', '/projects/SPR/flow-metrics');
    const notice = appFrame(projectPage).getByTestId('licence-inactive');
    await expect(notice.textContent({ timeout: 20_000 })).resolves.toContain("This site's licence for Flow Metrics for Jira is not active");
    await projectPage.screenshot({ path: screenshotPath('project-page-licence-inactive.png') });
    await projectPage.close();
    const settingsPage = await openAs('admin', '/settings/flow-metrics');
    await expect(appFrame(settingsPage).getByTestId('licence-inactive').textContent({ timeout: 20_000 })).resolves.toContain(
      'Reporting and erasing personal data continues',
    );
    await settingsPage.close();
  });
});

describe('the page around the app', () => {
  /** The app frame's height, and where the lowest element of the page inside it ends. */
  const heights = (page: Page) =>
    page.evaluate(() => {
      const frame = document.getElementById('app-frame') as HTMLIFrameElement;
      const children = Array.from(frame.contentDocument?.body.children ?? []);
      const content = Math.max(0, ...children.map((child) => child.getBoundingClientRect().bottom));
      return { frame: frame.getBoundingClientRect().height, content };
    });

  it('sizes the app frame to the page inside it, as Jira does, and has an icon of its own', async () => {
    const page = await openAs('member', '/settings/flow-metrics');
    await appFrame(page).getByTestId('access-denied').waitFor({ timeout: 20_000 });
    const fitted = async () => {
      for (let tries = 0; tries < 100; tries++) {
        const now = await heights(page);
        if (now.content > 0 && Math.abs(now.frame - now.content) <= 1) return now;
        await page.waitForTimeout(200);
      }
      throw new Error(`the frame never fitted its page: ${JSON.stringify(await heights(page))}`);
    };
    // The short "administrators only" page: a frame that fills the window would leave a blank area under it.
    const short = await fitted();
    expect(short.frame).toBeLessThan(0.5 * page.viewportSize()!.height);
    // Content that grows makes the frame grow with it.
    await appFrame(page)
      .locator('body')
      .evaluate((body) => {
        const filler = body.ownerDocument.createElement('div');
        filler.style.height = '2000px';
        body.append(filler);
      });
    await page.waitForFunction(
      (before) => (document.getElementById('app-frame') as HTMLIFrameElement).getBoundingClientRect().height > before + 1900,
      short.frame,
      {
        timeout: 20_000,
      },
    );
    await fitted();
    // An inline icon: the browser asks the server for no /favicon.ico, which it does not have.
    await expect(page.locator('link[rel="icon"]').getAttribute('href')).resolves.toMatch(/^data:image\/svg\+xml,/);
    await page.close();
  });
});
