import { statusJson } from '../catalogue-json';
import { ISSUE_TYPES } from '../catalogue';
import { admits, SECURITY_LEVELS, securityLevelJson } from '../issue-security';
import type { Principal } from '../principal';
import { projectJson } from '../project-json';
import { expandSet, integerParam, listParam } from '../request-params';
import type { Route, RouteRequest } from '../router';
import type { SiteContext } from '../site-context';
import { JiraHttpError, json, type SimResponse } from '../sim-http';

/**
 * Projects: one by id or key, the paged search, and a project's statuses per issue type. Projects the
 * caller may not browse are invisible: 404 on direct access, absent from the search.
 */
const PROJECT_SEARCH_MAX_RESULTS = 100;

/** The project index for a visible project, or Jira's 404 (same answer whether absent or hidden). */
export function findVisibleProject(site: SiteContext, principal: Principal, idOrKey: string): number {
  const index = site.store.projects.findIndex((p) => p.key === idOrKey || p.id === idOrKey);
  if (index < 0 || !site.permissions.canBrowse(principal, index)) {
    const what = /^\d+$/.test(idOrKey) ? 'id' : 'key';
    throw new JiraHttpError(404, [`No project could be found with ${what} '${idOrKey}'.`]);
  }
  return index;
}

function getProject(site: SiteContext, request: RouteRequest): SimResponse {
  const index = findVisibleProject(site, request.principal, request.params['projectIdOrKey'] ?? '');
  return json(200, projectJson(site.siteUrl, site.store, index, { expand: expandSet(request.query.get('expand')), full: true }));
}

type OrderField = 'key' | 'name' | 'issueCount' | 'lastIssueUpdatedDate';

function searchProjects(site: SiteContext, request: RouteRequest): SimResponse {
  const { query, principal } = request;
  const startAt = Math.max(0, integerParam(query, 'startAt', 0));
  const requested = integerParam(query, 'maxResults', 50);
  const maxResults = requested > PROJECT_SEARCH_MAX_RESULTS || requested < 1 ? PROJECT_SEARCH_MAX_RESULTS : requested;
  const keys = new Set(listParam(query, 'keys'));
  const ids = new Set(listParam(query, 'id'));
  const text = (query.get('query') ?? '').toLowerCase();
  const orderBy = (query.get('orderBy') ?? 'key').replace(/^\+/, '');
  const descending = orderBy.startsWith('-');
  const field = (descending ? orderBy.slice(1) : orderBy) as OrderField;
  if (!['key', 'name', 'issueCount', 'lastIssueUpdatedDate', 'category', 'owner', 'archivedDate', 'deletedDate'].includes(field)) {
    throw new JiraHttpError(400, [`The value '${orderBy}' of the 'orderBy' parameter is not valid.`]);
  }
  const expand = expandSet(query.get('expand'));

  const visible = site.store.projects
    .map((project, index) => ({ project, index }))
    .filter(({ index }) => site.permissions.canBrowse(principal, index))
    .filter(({ project }) => keys.size === 0 || keys.has(project.key))
    .filter(({ project }) => ids.size === 0 || ids.has(project.id))
    .filter(({ project }) => text === '' || project.key.toLowerCase().includes(text) || project.name.toLowerCase().includes(text));
  const sortValue = (p: (typeof visible)[number]) => (field === 'name' ? p.project.name.toLowerCase() : p.project.key);
  visible.sort((a, b) => {
    const x = sortValue(a);
    const y = sortValue(b);
    return (x < y ? -1 : x > y ? 1 : 0) * (descending ? -1 : 1);
  });
  const page = visible.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= visible.length;
  const base = `${site.siteUrl}/rest/api/3/project/search`;
  return json(200, {
    self: `${base}?startAt=${startAt}&maxResults=${maxResults}`,
    ...(isLast ? {} : { nextPage: `${base}?startAt=${startAt + page.length}&maxResults=${maxResults}` }),
    maxResults,
    startAt,
    total: visible.length,
    isLast,
    values: page.map(({ index }) => projectJson(site.siteUrl, site.store, index, { expand, full: false })),
  });
}

function projectStatuses(site: SiteContext, request: RouteRequest): SimResponse {
  const index = findVisibleProject(site, request.principal, request.params['projectIdOrKey'] ?? '');
  const project = site.store.projects[index];
  if (!project) throw new JiraHttpError(404, ['No project could be found.']);
  return json(
    200,
    project.issueTypes.map((typeIndex) => {
      const type = ISSUE_TYPES[typeIndex];
      return {
        self: `${site.siteUrl}/rest/api/3/issueType/${type?.id ?? ''}`,
        id: type?.id ?? '',
        name: type?.name ?? '',
        subtask: type?.subtask ?? false,
        statuses: project.statuses.map((s) => statusJson(site.siteUrl, s)),
      };
    }),
  );
}

/**
 * `GET /rest/api/3/project/{projectKeyOrId}/securitylevel`: the issue security levels of the project's scheme
 * that the caller may see (the app sees them all); `{"levels": []}` for a project without a scheme.
 */
function projectSecurityLevels(site: SiteContext, request: RouteRequest): SimResponse {
  const index = findVisibleProject(site, request.principal, request.params['projectIdOrKey'] ?? '');
  const levels = site.store.projects[index]!.issueSecurity
    ? SECURITY_LEVELS.filter((level) => admits(request.principal, Number(level.id))).map((level) => securityLevelJson(site.siteUrl, level))
    : [];
  return json(200, { levels });
}

export const projectRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/project/search', handler: searchProjects },
  { method: 'GET', template: '/rest/api/3/project/{projectIdOrKey}', handler: getProject },
  { method: 'GET', template: '/rest/api/3/project/{projectIdOrKey}/statuses', handler: projectStatuses },
  { method: 'GET', template: '/rest/api/3/project/{projectIdOrKey}/securitylevel', handler: projectSecurityLevels },
];
