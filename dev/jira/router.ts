import type { Principal } from './principal';
import type { SiteContext } from './site-context';
import type { SimResponse } from './sim-http';

/**
 * Maps `METHOD /path/{param}` templates to handlers. The template doubles as the endpoint's name in the
 * request statistics, so counts read like the API reference (`GET /rest/api/3/issue/{issueIdOrKey}/changelog`).
 */
export interface RouteRequest {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: string | undefined;
  principal: Principal;
}

type RouteHandler = (site: SiteContext, request: RouteRequest) => SimResponse | Promise<SimResponse>;

export interface Route {
  method: string;
  template: string;
  handler: RouteHandler;
  /** Served without credentials (Jira's removed endpoints answer 410 to anyone). */
  anonymous?: boolean;
}

export type RouteMatch =
  { kind: 'found'; route: Route; params: Record<string, string> } | { kind: 'wrong-method'; template: string } | { kind: 'none' };

function matchTemplate(template: string, pathname: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i] as string;
    const actual = got[i] as string;
    if (segment.startsWith('{') && segment.endsWith('}')) {
      if (actual === '') return undefined;
      try {
        params[segment.slice(1, -1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (segment !== actual) {
      return undefined;
    }
  }
  return params;
}

export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  const trimmed = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  let wrongMethod: string | undefined;
  for (const route of routes) {
    const params = matchTemplate(route.template, trimmed);
    if (!params) continue;
    if (route.method === method) return { kind: 'found', route, params };
    wrongMethod = route.template;
  }
  return wrongMethod ? { kind: 'wrong-method', template: wrongMethod } : { kind: 'none' };
}
