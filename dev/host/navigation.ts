import { stringOr } from './http-kit';

/**
 * Where an app may send the person using it. `router.open` and `router.navigate` of `@forge/bridge` ask the
 * host (bridge method `navigate`) to go to a location: a path of the site such as `/browse/FLOW-7`, an
 * absolute URL, or one of Forge's named targets (the local site has pages for issues and the app's admin
 * page). Jira resolves paths against the site, turns named targets into the site's own pages, and leaves the
 * site only for addresses it trusts; the local host trusts only its own origin. `open` opens a new tab, `navigate` replaces the host page.
 */
export type NavigationType = 'new-tab' | 'same-tab';

export interface ResolvedNavigation {
  type: NavigationType;
  /** Absolute, on an allowed origin. */
  url: string;
}

/** A location the host will not go to; the bridge call rejects with this message. */
export class NavigationRefused extends Error {
  override readonly name = 'NavigationRefused';
}

const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-[1-9]\d*$/;

/**
 * The absolute URL behind what the app asked for, or `NavigationRefused`. `allowedOrigins` is the allow-list
 * for absolute URLs; its first entry is the site the relative paths belong to.
 */
export function resolveNavigation(
  payload: unknown,
  allowedOrigins: readonly string[],
  modulePages: ReadonlyMap<string, string> = new Map(),
): ResolvedNavigation {
  const site = allowedOrigins[0];
  if (!site) throw new Error('The host needs at least its own origin on the navigation allow-list');
  if (typeof payload !== 'object' || payload === null) throw new NavigationRefused('navigate needs a location');
  const { type, url, target } = payload as { type?: unknown; url?: unknown; target?: unknown };
  if (type !== 'new-tab' && type !== 'same-tab') throw new NavigationRefused(`Unknown navigation type ${JSON.stringify(type)}`);
  const location = typeof url === 'string' ? url : pathOfTarget(payload as Record<string, unknown>, target, modulePages);
  return { type, url: onAllowedOrigin(location, site, allowedOrigins) };
}

/** Resolves a path against the site (absolute URLs stay as they are) and checks the result's origin. */
function onAllowedOrigin(location: string, site: string, allowedOrigins: readonly string[]): string {
  if (location.trim() === '') throw new NavigationRefused('Cannot navigate to an empty location');
  let resolved: URL;
  try {
    resolved = new URL(location, `${site}/`);
  } catch {
    throw new NavigationRefused(`Cannot navigate to ${location}: it is not a URL or a path of this site`);
  }
  // `//elsewhere.example/x` and `javascript:` URLs resolve off the site; the origin check catches both.
  if (!allowedOrigins.includes(resolved.origin)) {
    throw new NavigationRefused(
      `Navigation to ${resolved.origin === 'null' ? location : resolved.origin} is not allowed; only ${allowedOrigins.join(', ')}`,
    );
  }
  return resolved.href;
}

/**
 * The site path of one of Forge's named targets the local site has a page for. `modulePages` holds the site's
 * pages of the app's own full-page modules by manifest key (see admin-pages.ts), for the `module` target: on
 * Jira the sidebar admin page lives at `/jira/settings/apps/{appId}/{envId}`, and an app names it by key.
 */
function pathOfTarget(location: Record<string, unknown>, target: unknown, modulePages: ReadonlyMap<string, string>): string {
  if (target === 'module') {
    const moduleKey = typeof location['moduleKey'] === 'string' ? location['moduleKey'] : '';
    const page = modulePages.get(moduleKey);
    if (!page) throw new NavigationRefused(`The app has no page module "${moduleKey}" the local site can open`);
    return page;
  }
  if (target !== 'issue') throw new NavigationRefused(`The local site has no page for the navigation target ${JSON.stringify(target)}`);
  const key = stringOr(location['issueKey'], '');
  if (!ISSUE_KEY.test(key)) throw new NavigationRefused(`"${key}" is not an issue key`);
  return `/browse/${key}`;
}
