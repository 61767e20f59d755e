import { findUserByAccountId } from '../demo-data/demo-users';
import { expandSet, integerParam } from '../request-params';
import type { Route, RouteRequest } from '../router';
import type { SiteContext } from '../site-context';
import { JiraHttpError, json, type SimResponse } from '../sim-http';
import { appUserBean, userBean } from '../user-json';

/** The caller (`/myself`) and look-ups by account id (`/user/bulk`). */

function myself(site: SiteContext, request: RouteRequest): SimResponse {
  const { principal } = request;
  if (principal.kind === 'app') return json(200, appUserBean(site.siteUrl));
  return json(200, userBean(site.siteUrl, principal.user, expandSet(request.query.get('expand'))));
}

const USER_BULK_MAX_RESULTS = 200;

function bulkUsers(site: SiteContext, request: RouteRequest): SimResponse {
  const accountIds = request.query.getAll('accountId').filter((id) => id !== '');
  if (accountIds.length === 0) {
    throw new JiraHttpError(400, ['You must specify at least one accountId.'], { accountId: 'You must specify at least one accountId.' });
  }
  const startAt = Math.max(0, integerParam(request.query, 'startAt', 0));
  const maxResults = Math.min(USER_BULK_MAX_RESULTS, Math.max(1, integerParam(request.query, 'maxResults', 10)));
  const found = [...new Set(accountIds)].map(findUserByAccountId).filter((u) => u !== undefined);
  const page = found.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= found.length;
  const base = `${site.siteUrl}/rest/api/3/user/bulk`;
  const ids = accountIds.map((id) => `accountId=${encodeURIComponent(id)}`).join('&');
  return json(200, {
    self: `${base}?${ids}&startAt=${startAt}&maxResults=${maxResults}`,
    ...(isLast ? {} : { nextPage: `${base}?${ids}&startAt=${startAt + page.length}&maxResults=${maxResults}` }),
    maxResults,
    startAt,
    total: found.length,
    isLast,
    values: page.map((user) => userBean(site.siteUrl, user)),
  });
}

export const userRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/myself', handler: myself },
  { method: 'GET', template: '/rest/api/3/user/bulk', handler: bulkUsers },
];
