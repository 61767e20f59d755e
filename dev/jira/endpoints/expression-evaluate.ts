import { ExpressionError } from '../expressions/expression-error';
import { evaluateExpression } from '../expressions/expression-evaluator';
import { parseExpression } from '../expressions/expression-parser';
import { issueEntity, userEntity, type ExpressionValue } from '../expressions/expression-values';
import { JqlError } from '../jql/jql-error';
import { UNBOUNDED } from '../jql/jql-compiler';
import { decodePageToken, encodePageToken, fingerprint } from '../page-token';
import type { Route, RouteRequest } from '../router';
import type { SiteContext } from '../site-context';
import { asText, INVALID_PAYLOAD, JiraHttpError, isRecord, jiraError, json, parseJsonBody, type SimResponse } from '../sim-http';

/**
 * `POST /rest/api/3/expression/evaluate`: a Jira expression evaluated over the issues of a JQL query (the
 * `issues` context, backed by the enhanced search and paged by `nextPageToken`), or over one issue (the
 * `issue` context). Issues are those the caller may browse, exactly as the search shows them. One evaluation
 * loads at most 1000 issues (fewer when `maxResults` asks for fewer); `meta.issues.jql` says whether there
 * is a next page.
 *
 * The expression language is the subset described in `../expressions/expression-parser.ts`; anything else
 * is a 400 in Jira's error shape. `expand=meta.complexity` is not reported by the simulation.
 */
const EXPRESSION_ISSUES_PER_PAGE = 1000;

const CONTEXT_KEYS = new Set(['board', 'custom', 'customerRequest', 'issue', 'issues', 'project', 'serviceDesk', 'sprint']);
const SUPPORTED_CONTEXT = new Set(['issue', 'issues']);
const JQL_KEYS = new Set(['maxResults', 'nextPageToken', 'query']);

interface IssuesPage {
  rows: ArrayLike<number>;
  meta: { nextPageToken?: string; isLast: boolean };
}

function evaluate(site: SiteContext, request: RouteRequest): SimResponse {
  const body = parseJsonBody(request.body);
  if (!isRecord(body) || typeof body['expression'] !== 'string' || Object.keys(body).some((k) => k !== 'expression' && k !== 'context')) {
    throw new JiraHttpError(400, [INVALID_PAYLOAD]);
  }
  const context = body['context'] ?? {};
  if (!isRecord(context) || Object.keys(context).some((k) => !CONTEXT_KEYS.has(k))) throw new JiraHttpError(400, [INVALID_PAYLOAD]);
  const unsupported = Object.keys(context).filter((k) => !SUPPORTED_CONTEXT.has(k));
  if (unsupported.length > 0) {
    return jiraError(400, [
      `The simulated Jira site evaluates expressions in the 'issue' and 'issues' contexts only, not '${unsupported.join("', '")}'.`,
    ]);
  }

  try {
    const expression = parseExpression(body['expression']);
    const variables = new Map<string, ExpressionValue>();
    const { principal } = request;
    variables.set('user', principal.kind === 'user' ? userEntity(site, principal.user) : null);
    if (context['issue'] !== undefined) variables.set('issue', issueEntity(site, contextIssue(site, request, context['issue'])));
    let page: IssuesPage | null = null;
    if (context['issues'] !== undefined) {
      page = issuesPage(site, request, context['issues']);
      variables.set(
        'issues',
        Array.from(page.rows, (row) => issueEntity(site, row)),
      );
    }
    const value = evaluateExpression(body['expression'], expression, variables);
    return json(200, { value, ...(page ? { meta: { issues: { jql: page.meta } } } : {}) });
  } catch (error) {
    if (error instanceof ExpressionError) return jiraError(400, [error.message]);
    if (error instanceof JqlError) return jiraError(400, error.messages);
    throw error;
  }
}

/** The `issue` context: by id or key, visible to the caller, or Jira's 404. */
function contextIssue(site: SiteContext, request: RouteRequest, reference: unknown): number {
  if (!isRecord(reference) || Object.keys(reference).some((k) => k !== 'id' && k !== 'key'))
    throw new JiraHttpError(400, [INVALID_PAYLOAD]);
  const { id, key } = reference;
  if (
    (id === undefined) === (key === undefined) ||
    (id !== undefined && !Number.isInteger(id)) ||
    (key !== undefined && typeof key !== 'string')
  ) {
    throw new JiraHttpError(400, ['Provide either the id or the key of the issue, not both.']);
  }
  const row = site.store.find(asText(id ?? key));
  if (row < 0 || !site.permissions.canSeeIssue(request.principal, row)) {
    throw new JiraHttpError(404, ['Issue does not exist or you do not have permission to see it.']);
  }
  return row;
}

/** The `issues` context: one page of a bounded JQL query's results, as the caller sees them. */
function issuesPage(site: SiteContext, request: RouteRequest, issues: unknown): IssuesPage {
  if (!isRecord(issues) || Object.keys(issues).some((k) => k !== 'jql') || !isRecord(issues['jql']))
    throw new JiraHttpError(400, [INVALID_PAYLOAD]);
  const jql = issues['jql'];
  const { query, maxResults, nextPageToken } = jql;
  const valid =
    Object.keys(jql).every((k) => JQL_KEYS.has(k)) &&
    (query === undefined || typeof query === 'string') &&
    (maxResults === undefined || Number.isInteger(maxResults)) &&
    (nextPageToken === undefined || nextPageToken === null || typeof nextPageToken === 'string');
  if (!valid) throw new JiraHttpError(400, [INVALID_PAYLOAD]);
  if (typeof query !== 'string' || query.trim() === '') throw new JiraHttpError(400, [UNBOUNDED]);
  if (maxResults !== undefined && (maxResults as number) < 1) {
    throw new JiraHttpError(400, [`The value '${asText(maxResults)}' of 'maxResults' must be a positive number.`]);
  }
  const limit = Math.min((maxResults as number | undefined) ?? EXPRESSION_ISSUES_PER_PAGE, EXPRESSION_ISSUES_PER_PAGE);
  const requestFingerprint = fingerprint(`expression:${query}`);
  const [offset = 0] = decodePageToken(typeof nextPageToken === 'string' ? nextPageToken : undefined, requestFingerprint);
  const rows = site.search.run(request.principal, query);
  const page = rows.subarray(offset, offset + limit);
  const isLast = offset + page.length >= rows.length;
  return {
    rows: page,
    meta: isLast ? { isLast } : { nextPageToken: encodePageToken(requestFingerprint, offset + page.length), isLast },
  };
}

export const expressionRoutes: Route[] = [{ method: 'POST', template: '/rest/api/3/expression/evaluate', handler: evaluate }];
