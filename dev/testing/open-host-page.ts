import type { Browser, Frame, FrameLocator, Page, Request } from 'playwright-core';
import type { HostUser } from '../host/demo-users';
import type { LocalSite } from '../local-site';

/**
 * Opening the local host page in Chromium as one of the demo site's people, the way Jira shows an app page to
 * whoever is signed in: the host's `as` parameter picks the account, `theme` Jira's colour mode.
 */

export interface HostPageOptions {
  /** Light unless said otherwise. */
  theme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

const DEFAULT_VIEWPORT = { width: 1280, height: 900 };

/** The demo site's person with this role ("admin", "member", "outsider"). */
export function userWithRole(site: LocalSite, role: string): HostUser {
  const user = site.users.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`The demo site has no ${role}`);
  return user;
}

/** A call the app frame made through the bridge, as `@forge/bridge` posts it to the host: the method and its payload. */
export interface BridgeCall {
  method?: string;
  payload?: Record<string, unknown>;
}

/** The bridge call a request of the page carries, or null when the request is not one. */
export function bridgeCallOf(request: Request): BridgeCall | null {
  if (request.method() !== 'POST' || !new URL(request.url()).pathname.startsWith('/__forge/bridge/')) return null;
  return request.postDataJSON() as BridgeCall | null;
}

/** The function keys of the resolver calls each opened page's app has made, in order. */
const resolverCallsByPage = new WeakMap<Page, string[]>();
/** What the browser reported each opened page (host or app frame) breaking its Content Security Policy with. */
const cspViolationsByPage = new WeakMap<Page, string[]>();

/**
 * Opens `pagePath` on the host as the person with `role`. An error thrown in the page fails the test; every
 * resolver call the app makes through the bridge is recorded from the start, for `resolverCallsOf`, and so is
 * every Content Security Policy violation the browser logs, for `cspViolationsOf`.
 */
export async function openHostPage(
  browser: Browser,
  site: LocalSite,
  role: string,
  pagePath: string,
  options: HostPageOptions = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport: options.viewport ?? DEFAULT_VIEWPORT });
  page.on('pageerror', (error) => {
    throw error;
  });
  const resolverCalls: string[] = [];
  resolverCallsByPage.set(page, resolverCalls);
  const cspViolations: string[] = [];
  cspViolationsByPage.set(page, cspViolations);
  // Chromium reports a blocked style or script as a console error naming the policy, in whichever frame it was.
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
  page.on('request', (request) => {
    const call = bridgeCallOf(request);
    if (call?.method === 'invoke') resolverCalls.push(String(call.payload?.functionKey));
  });
  const query = new URLSearchParams({ as: userWithRole(site, role).accountId, theme: options.theme ?? 'light' });
  await page.goto(`${site.hostUrl}${pagePath}${pagePath.includes('?') ? '&' : '?'}${query}`);
  return page;
}

/** The resolver calls the page's app has made so far (function keys, in order). */
export function resolverCallsOf(page: Page): readonly string[] {
  const calls = resolverCallsByPage.get(page);
  if (!calls) throw new Error('This page was not opened with openHostPage');
  return [...calls];
}

/** The Content Security Policy violations the browser has logged on the page so far (its console text). */
export function cspViolationsOf(page: Page): readonly string[] {
  const violations = cspViolationsByPage.get(page);
  if (!violations) throw new Error('This page was not opened with openHostPage');
  return [...violations];
}

/** The app's Custom UI frame inside the host page. */
export const appFrame = (page: Page): FrameLocator => page.frameLocator('#app-frame');

/** The same frame as a Playwright `Frame`, for what a locator cannot do: run scripts in it, audit it. */
export async function appFrameContent(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('#app-frame')).contentFrame();
  if (!frame) throw new Error('The host page has no app frame');
  return frame;
}
