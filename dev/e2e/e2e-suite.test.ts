import { expect } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { e2eSuite } from './e2e-suite';

/**
 * The order an end-to-end file's hooks run in around the suite's: the site and the browser are up for the file's
 * own `beforeAll`, still up for its `beforeClosing` teardown, and closed after it. A file's `afterAll` declared at
 * the top level after the suite runs after the closing (Jest runs one block's `afterAll` hooks in the order they
 * were declared): that is why teardown that needs the browser goes to `beforeClosing`.
 */
const suite = e2eSuite({ site: 'fresh' });

/** What reading the site before the suite started it does: the reason, where a bare `undefined` would say nothing. */
let readTooEarly: unknown;
try {
  void suite.site;
} catch (error) {
  readTooEarly = error;
}

const seen: string[] = [];
let browser: Browser;

beforeAll(async () => {
  browser = suite.browser;
  const hostPage = await fetch(suite.site.hostUrl);
  seen.push(`own beforeAll: browser ${browser.isConnected() ? 'up' : 'down'}, site answers ${hostPage.status}`);
});

suite.beforeClosing(() => {
  seen.push(`first teardown: browser ${browser.isConnected() ? 'up' : 'down'}`);
});
suite.beforeClosing(async () => {
  const { page } = await suite.pages.open({ path: '/settings/flow-metrics', as: 'admin' });
  seen.push(`second teardown: a page opens at ${new URL(page.url()).pathname}`);
});

afterAll(() => {
  seen.push(`own afterAll: browser ${browser.isConnected() ? 'up' : 'down'}`);
  expect(seen).toEqual([
    'own beforeAll: browser up, site answers 200',
    'test',
    'first teardown: browser up',
    'second teardown: a page opens at /settings/flow-metrics',
    'own afterAll: browser down',
  ]);
  expect(() => suite.site).toThrow('The suite has closed its site and browser: teardown that needs them goes in suite.beforeClosing');
});

it("starts the site and the browser before the file's own beforeAll, and says so when read before that", () => {
  seen.push('test');
  expect(String(readTooEarly)).toContain('The suite starts its site and browser in its beforeAll');
  expect(() => suite.issues).toThrow('The suite exports no issues');
});
