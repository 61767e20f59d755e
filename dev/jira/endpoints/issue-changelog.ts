import { historyJson } from '../changelog-json';
import { integerParam } from '../request-params';
import type { Route, RouteRequest } from '../router';
import type { SiteContext } from '../site-context';
import { JiraHttpError, json, type SimResponse } from '../sim-http';

/**
 * `GET /rest/api/3/issue/{issueIdOrKey}/changelog`: one issue's full history, oldest first, with offset
 * paging of at most 100 per page. This is how an app gets past the 100 histories embedded in a search.
 */
const ISSUE_CHANGELOG_PAGE_LIMIT = 100;

const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

/** A live issue the caller may browse, or Jira's 404. */
export function visibleIssue(site: SiteContext, request: RouteRequest, idOrKey: string): number {
  const row = site.store.find(idOrKey);
  if (row < 0 || !site.permissions.canSeeIssue(request.principal, row)) {
    throw new JiraHttpError(404, [ISSUE_NOT_FOUND]);
  }
  return row;
}

function changelog(site: SiteContext, request: RouteRequest): SimResponse {
  const idOrKey = request.params['issueIdOrKey'] ?? '';
  const row = visibleIssue(site, request, idOrKey);
  const startAt = Math.max(0, integerParam(request.query, 'startAt', 0));
  const maxResults = Math.min(
    ISSUE_CHANGELOG_PAGE_LIMIT,
    Math.max(1, integerParam(request.query, 'maxResults', ISSUE_CHANGELOG_PAGE_LIMIT)),
  );
  const total = site.store.historyCount(row);
  const values = site.store.histories(row, startAt, maxResults).map((h) => historyJson(site.siteUrl, h));
  const isLast = startAt + values.length >= total;
  const base = `${site.siteUrl}/rest/api/3/issue/${encodeURIComponent(idOrKey)}/changelog`;
  return json(200, {
    self: `${base}?startAt=${startAt}&maxResults=${maxResults}`,
    ...(isLast ? {} : { nextPage: `${base}?startAt=${startAt + values.length}&maxResults=${maxResults}` }),
    maxResults,
    startAt,
    total,
    isLast,
    values,
  });
}

export const issueChangelogRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/changelog', handler: changelog },
];
