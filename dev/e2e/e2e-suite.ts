import { afterAll, beforeAll } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { LocalSite } from '../local-site';
import { countedByDefault } from './default-conventions';
import { exportedIssues, type ExportedIssue } from './jira-export';
import { pageOpener, type PageOpener } from './project-page-opener';
import { demoSiteAndBrowser, syncedDemoSiteAndBrowser, type DemoSiteOptions } from './synced-demo-site';

/**
 * One end-to-end test file's world: the simulated demo site and headless Chromium, started before the file's own
 * `beforeAll` and closed after its teardown, and the pages it opens. Each file once declared its site and
 * browser, started them in a `beforeAll` and closed them in an `afterAll`; now it says only what differs: how the
 * site is found and which project's issues Jira exports for the file to hold the page's figures against.
 *
 * Called once at the top of a test file, it registers its hooks there:
 * - a `beforeAll` that starts the site and the browser (and reads the export), declared before the file's own
 *   `beforeAll`, so those run after it, with the site up (Jest runs one block's hooks in the order declared);
 * - the page opener's `afterEach`, which checks that no page opened broke the Content Security Policy;
 * - an `afterAll` that runs the file's `beforeClosing` teardown in order, then closes the browser and the site.
 *
 * Why teardown goes to `beforeClosing` rather than an `afterAll` of the file's: Jest (jest-circus) runs one
 * block's `afterAll` hooks in the order they were declared, not in reverse as Jasmine did, and a describe block's
 * before the enclosing block's. The suite's `afterAll`, declared first at the top level, is the first of the
 * top-level ones to run, so a top-level `afterAll` the file declares after it would find the browser closed (an
 * `afterAll` inside a describe block still runs before it). `e2e-suite.test.ts` holds the suite to that order.
 */

export interface SuiteOptions {
  /**
   * How the demo site is found: `fresh` as a new installation finds it (the app installed, no project measured,
   * nothing connected), where the settings page's tests start; `synced` after the app's first hourly sync (every
   * demo project measured, its history synced), where the project page's tests start.
   */
  site: 'fresh' | 'synced';
  /** What the site runs beyond the demo projects, and the app's form (`app: 'bundle'` builds the bundle first). */
  local?: DemoSiteOptions;
  /** The project whose issues Jira exports before the file's own `beforeAll`, for `suite.issues`. */
  exported?: {
    project: string;
    /** Read as the member, who sees only the issues their security level admits; read as the app (all) unless said. */
    as?: 'member';
    /** Only the issue types the page counts until an admin says otherwise (it leaves epics out); all unless said. */
    countedByDefault?: boolean;
  };
}

export interface E2eSuite {
  /** The running site; read in a hook or a test, between the suite's start and its closing. */
  readonly site: LocalSite;
  /** The running browser; read in a hook or a test, between the suite's start and its closing. */
  readonly browser: Browser;
  /** The issues of `exported`'s project, as Jira exported them when the suite started. */
  readonly issues: ExportedIssue[];
  /** Opens the app's pages in this suite's browser (see project-page-opener.ts). */
  readonly pages: PageOpener;
  /** Teardown that still needs the site or the browser (a last screenshot): run in the order given, before they close. */
  beforeClosing(teardown: () => unknown): void;
}

/** How long starting may take on a busy two-core machine: building the bundle takes minutes, a sync about one. */
const START_TIMEOUT_MS = { fresh: 120_000, synced: 180_000, bundle: 600_000 };

export function e2eSuite(options: SuiteOptions): E2eSuite {
  let running: { site: LocalSite; browser: Browser; issues: ExportedIssue[] | null } | undefined;
  let closed = false;
  const teardowns: Array<() => unknown> = [];

  const current = () => {
    if (closed) throw new Error('The suite has closed its site and browser: teardown that needs them goes in suite.beforeClosing');
    if (!running)
      throw new Error("The suite starts its site and browser in its beforeAll: read them in a hook or a test, not at a file's top level");
    return running;
  };

  beforeAll(
    async () => {
      const [site, browser] = await (options.site === 'synced' ? syncedDemoSiteAndBrowser : demoSiteAndBrowser)(options.local);
      running = { site, browser, issues: null };
      const { exported } = options;
      if (exported) {
        const issues = await exportedIssues(site, exported.project, exported.as);
        running.issues = exported.countedByDefault ? issues.filter(countedByDefault) : issues;
      }
    },
    options.local?.app === 'bundle' ? START_TIMEOUT_MS.bundle : START_TIMEOUT_MS[options.site],
  );

  const suite: E2eSuite = {
    get site() {
      return current().site;
    },
    get browser() {
      return current().browser;
    },
    get issues() {
      const { issues } = current();
      if (!issues) throw new Error('The suite exports no issues: name the project in its `exported` option');
      return issues;
    },
    pages: pageOpener(() => current()),
    beforeClosing(teardown) {
      teardowns.push(teardown);
    },
  };

  afterAll(async () => {
    try {
      for (const teardown of teardowns) await teardown();
    } finally {
      closed = true;
      await running?.browser.close();
      await running?.site.close();
    }
  });

  return suite;
}
