import { fieldDefinition, selectFields } from '../issue-fields';
import { issueJson } from '../issue-json';
import { JqlError } from '../jql/jql-error';
import { DEFAULT_MAX_RESULTS, PAGE_SIZE_IDS_ONLY, pageSizeLimit } from '../page-size';
import { decodePageToken, encodePageToken, fingerprint } from '../page-token';
import { expandSet, integerParam, listParam } from '../request-params';
import type { Route, RouteRequest } from '../router';
import type { SiteContext } from '../site-context';
import { INVALID_PAYLOAD, JiraHttpError, isRecord, jiraError, json, parseJsonBody, type SimResponse } from '../sim-http';

/**
 * Enhanced JQL search (`/rest/api/3/search/jql`, GET and POST) and the approximate count. Pages follow
 * Jira's contract: no `total`, a `nextPageToken` on every page but the last, `isLast`, fields only when
 * asked for (ids by default), and a page size that shrinks as more is asked for (see `page-size.ts`).
 */
interface SearchRequest {
  jql: string;
  nextPageToken?: string;
  maxResults: number;
  fields: string[];
  expand: Set<string>;
}

const BODY_KEYS = new Set(['expand', 'fields', 'fieldsByKeys', 'jql', 'maxResults', 'nextPageToken', 'properties', 'reconcileIssues']);

function fromQuery(query: URLSearchParams): SearchRequest {
  const token = query.get('nextPageToken');
  return {
    jql: query.get('jql') ?? '',
    ...(token ? { nextPageToken: token } : {}),
    maxResults: integerParam(query, 'maxResults', DEFAULT_MAX_RESULTS),
    fields: listParam(query, 'fields'),
    expand: expandSet(query.get('expand')),
  };
}

function fromBody(body: string | undefined): SearchRequest {
  const parsed = parseJsonBody(body) ?? {};
  if (!isRecord(parsed)) throw new JiraHttpError(400, [INVALID_PAYLOAD]);
  const unknown = Object.keys(parsed).filter((k) => !BODY_KEYS.has(k));
  const { jql, nextPageToken, maxResults, fields, expand } = parsed;
  const valid =
    unknown.length === 0 &&
    (jql === undefined || typeof jql === 'string') &&
    (nextPageToken === undefined || nextPageToken === null || typeof nextPageToken === 'string') &&
    (maxResults === undefined || Number.isInteger(maxResults)) &&
    (fields === undefined || (Array.isArray(fields) && fields.every((f) => typeof f === 'string'))) &&
    (expand === undefined || typeof expand === 'string');
  if (!valid) throw new JiraHttpError(400, [INVALID_PAYLOAD]);
  return {
    jql: jql ?? '',
    ...(typeof nextPageToken === 'string' && nextPageToken !== '' ? { nextPageToken } : {}),
    maxResults: (maxResults as number | undefined) ?? DEFAULT_MAX_RESULTS,
    fields: fields ?? [],
    expand: expandSet(expand),
  };
}

function search(site: SiteContext, route: RouteRequest, request: SearchRequest): SimResponse {
  if (request.maxResults < 0) {
    throw new JiraHttpError(400, [`The value '${request.maxResults}' of the 'maxResults' parameter must not be negative.`]);
  }
  const selection = selectFields(request.fields);
  const limit = Math.min(pageSizeLimit(selection, request.expand), Math.max(1, request.maxResults), PAGE_SIZE_IDS_ONLY);
  const requestFingerprint = fingerprint(request.jql);
  const [offset = 0] = decodePageToken(request.nextPageToken, requestFingerprint);
  let rows: Int32Array;
  try {
    rows = site.search.run(route.principal, request.jql);
  } catch (error) {
    if (error instanceof JqlError) return jiraError(400, error.messages);
    throw error;
  }
  const page = rows.subarray(offset, offset + limit);
  const issues = Array.from(page, (row) => issueJson(site, row, { selection, expand: request.expand }));
  const isLast = offset + page.length >= rows.length;
  const names = request.expand.has('names')
    ? Object.fromEntries(selection.fields.map((id) => [id, fieldDefinition(id)?.name ?? id]))
    : undefined;
  return json(200, {
    issues,
    ...(names ? { names } : {}),
    ...(isLast ? {} : { nextPageToken: encodePageToken(requestFingerprint, offset + page.length) }),
    isLast,
  });
}

function approximateCount(site: SiteContext, request: RouteRequest): SimResponse {
  const body = parseJsonBody(request.body);
  if (!isRecord(body) || typeof body['jql'] !== 'string' || Object.keys(body).some((k) => k !== 'jql')) {
    throw new JiraHttpError(400, [INVALID_PAYLOAD]);
  }
  try {
    return json(200, { count: site.search.count(request.principal, body['jql']) });
  } catch (error) {
    if (error instanceof JqlError) return jiraError(400, error.messages);
    throw error;
  }
}

/** Jira's answer since the old search was switched off (CHANGE-2046). */
const REMOVED =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';
const gone = () => jiraError(410, [REMOVED]);

export const searchRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/search/jql', handler: (site, r) => search(site, r, fromQuery(r.query)) },
  { method: 'POST', template: '/rest/api/3/search/jql', handler: (site, r) => search(site, r, fromBody(r.body)) },
  { method: 'POST', template: '/rest/api/3/search/approximate-count', handler: approximateCount },
  { method: 'GET', template: '/rest/api/3/search', handler: gone, anonymous: true },
  { method: 'POST', template: '/rest/api/3/search', handler: gone, anonymous: true },
  { method: 'GET', template: '/rest/api/2/search', handler: gone, anonymous: true },
  { method: 'POST', template: '/rest/api/2/search', handler: gone, anonymous: true },
];
