import { afterEach, expect } from '@jest/globals';
import type { Browser, Frame, Page } from 'playwright-core';
import type { LocalSite } from '../local-site';
import { appFrameContent, cspViolationsOf, openHostPage, type HostPageOptions } from '../testing/open-host-page';

/**
 * Opening the app's pages the way the end-to-end tests read them: as one of the demo site's people, on a screen
 * tall enough to hold the whole report, and only handed to the test once the part it reads has drawn. Every
 * page opened is remembered, so a test file can check that none of them broke the Content Security Policy.
 * Each test file once kept its own copy of this bookkeeping; one copy keeps the viewport and the waits alike.
 */

/** A reader's screen: wide as a laptop's, tall enough that the report's charts need no scrolling. */
const READING_VIEWPORT = { width: 1280, height: 1700 };

/** The project page of `project` on the local host, with the app's own query (`?tab=…`, filters) if any. */
export const projectPagePath = (project: string, search = '') => `/projects/${project}/flow-metrics${search}`;

interface PageToOpen {
  /** The host page's path, with its query: a project page (`projectPagePath`) or the settings page. */
  path: string;
  /** The demo site's person with this role; a member, the project page's reader, unless said otherwise. */
  as?: string;
  theme?: HostPageOptions['theme'];
  /** The reading viewport unless said otherwise (the settings page's tests use a shorter one). */
  viewport?: HostPageOptions['viewport'];
  /**
   * The app's test id that shows the page has drawn what the test reads, and how long it may take to appear;
   * without it, the page is handed over once the host page has loaded, for a test that watches it draw.
   */
  ready?: { testId: string; timeout: number };
}

export interface PageOpener {
  /** Opens the page, waits until it is ready, and answers the host page and the app's frame inside it. */
  open(page: PageToOpen): Promise<{ page: Page; frame: Frame }>;
}

/**
 * The pages one test file opens. `context` answers the file's site and browser, which its `beforeAll` starts
 * after this is made (`e2eSuite` makes one for its file). Made at the top of a test file, it checks after each test that no page opened so far broke
 * the Content Security Policy, so each file need not say so again.
 */
export function pageOpener(context: () => { browser: Browser; site: LocalSite }): PageOpener {
  const opened: Page[] = [];
  afterEach(() => {
    expect(opened.flatMap((page) => cspViolationsOf(page))).toEqual([]);
  });
  return {
    async open({ path, as = 'member', theme, viewport = READING_VIEWPORT, ready }) {
      const { browser, site } = context();
      const page = await openHostPage(browser, site, as, path, { theme, viewport });
      opened.push(page);
      const frame = await appFrameContent(page);
      if (ready) await frame.getByTestId(ready.testId).waitFor({ timeout: ready.timeout });
      return { page, frame };
    },
  };
}

/** The settings page's screen: shorter, as the admin's laptop shows it. */
const SETTINGS_VIEWPORT = { width: 1280, height: 1400 };

/** The settings page as the admin, with `project`'s workflow editor opened from the Projects tab. */
export async function openWorkflowEditor(pages: PageOpener, project: string, theme?: HostPageOptions['theme']) {
  const projectSettings = `project-settings-${project}`;
  const opened = await pages.open({
    path: '/settings/flow-metrics',
    as: 'admin',
    theme,
    viewport: SETTINGS_VIEWPORT,
    ready: { testId: projectSettings, timeout: 30_000 },
  });
  await opened.frame.getByTestId(projectSettings).getByRole('button', { name: 'Workflow' }).click({ timeout: 30_000 });
  await opened.frame.getByTestId('workflow-editor').waitFor({ timeout: 20_000 });
  return opened;
}

/** Shows the report's tab with this label, and waits until its panel (by test id) is drawn. */
export async function showTab(frame: Frame, label: string, panel: string) {
  await frame.getByRole('tab', { name: label, exact: true }).click();
  await frame.getByTestId(panel).waitFor({ timeout: 30_000 });
}

/**
 * Waits until the host page's address names exactly `values` for the filter `parameter` (in any order): the
 * link a reader would copy reproduces the filter they ticked.
 */
export async function waitForLinkNaming(page: Page, parameter: string, values: readonly string[]) {
  await page.waitForFunction(
    ({ name, expected }) => new URLSearchParams(window.location.search).getAll(name).sort().join() === [...expected].sort().join(),
    { name: parameter, expected: [...values] },
  );
}
