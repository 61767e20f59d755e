import { STATUSES } from '../catalogue';
import { DEMO_USERS, userIndex } from '../demo-data/demo-users';
import { identify } from '../principal';
import { integerParam, listParam } from '../request-params';
import type { SiteContext } from '../site-context';
import { asText, JiraHttpError, isRecord, jiraError, json, noContent, type SimResponse } from '../sim-http';
import { readChaosSettings, type Chaos } from './chaos';
import { exportProject } from './project-export';
import type { RequestStats } from './request-stats';

/**
 * The site's control API under `/__jira/`, for tests and scripts (these paths are a contract):
 *
 * - `GET /__jira/stats`, `DELETE /__jira/stats`: request statistics, and resetting them;
 * - `GET|POST|DELETE /__jira/chaos`: read, set, or calm the fault injection;
 * - `GET /__jira/export?project=KEY[&fields=…][&as=user:<accountId>][&startAt=&maxResults=]`: the project's issues,
 *   ordered by key, in `search/jql` shape with all fields and complete changelogs;
 * - `GET /__jira/users`: the demo users with their roles and API tokens;
 * - `POST /__jira/issues/{key}/status {status}`, `/move {project}`, `/flag {flagged}`, `DELETE /__jira/issues/{key}`:
 *   change an issue as a person would (the project lead unless `accountId` is given), with changelog and event.
 *
 * No credentials are needed: this is the simulation's back door, not part of Jira.
 */
export interface ControlDependencies {
  site: SiteContext;
  stats: RequestStats;
  chaos: Chaos;
}

function parseBody(body: string | undefined): Record<string, unknown> | undefined {
  if (body === undefined || body.trim() === '') return {};
  try {
    const parsed = JSON.parse(body) as unknown;
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const badRequest = (message: string) => jiraError(400, [message]);

export function handleControl(
  deps: ControlDependencies,
  method: string,
  pathname: string,
  query: URLSearchParams,
  body: string | undefined,
): SimResponse {
  const { site, stats, chaos } = deps;
  const route = `${method} ${pathname.replace(/\/$/, '')}`;
  if (route === 'GET /__jira/stats') return json(200, stats.snapshot());
  if (route === 'DELETE /__jira/stats') {
    stats.reset();
    return noContent();
  }
  if (route === 'GET /__jira/chaos') return json(200, chaos.settings);
  if (route === 'DELETE /__jira/chaos') {
    const calm = readChaosSettings({});
    if (typeof calm !== 'string') chaos.configure(calm);
    return noContent();
  }
  if (route === 'POST /__jira/chaos') {
    const settings = readChaosSettings(parseBody(body) ?? null);
    if (typeof settings === 'string') return badRequest(settings);
    chaos.configure(settings);
    return json(200, settings);
  }
  if (route === 'GET /__jira/users') {
    return json(
      200,
      DEMO_USERS.map((u) => ({
        accountId: u.accountId,
        displayName: u.displayName,
        emailAddress: u.emailAddress,
        role: u.role,
        apiToken: u.apiToken,
      })),
    );
  }
  if (route === 'GET /__jira/export') return exportRoute(site, query);

  const issueMatch = /^\/__jira\/issues\/([^/]+)(?:\/(status|move|flag))?$/.exec(pathname);
  if (issueMatch) return issueControl(site, method, decodeURIComponent(issueMatch[1] ?? ''), issueMatch[2], body);
  return jiraError(404, [`No control endpoint ${method} ${pathname}.`]);
}

function exportRoute(site: SiteContext, query: URLSearchParams): SimResponse {
  const key = query.get('project');
  if (!key) return badRequest('The project parameter is required.');
  const projectIndex = site.store.projectIndex(key);
  if (projectIndex < 0) return jiraError(404, [`No project could be found with key '${key}'.`]);
  // `as=user:<accountId>` exports what that person could see: nothing of a project they cannot browse.
  const as = query.get('as');
  if (as) {
    const identity = identify({ 'x-forge-sim-principal': as });
    if (!identity.ok) return badRequest(`Unknown principal '${as}'.`);
    if (!site.permissions.canBrowse(identity.principal, projectIndex)) {
      return jiraError(404, [`No project could be found with key '${key}'.`]);
    }
  }
  let slice: { startAt: number; maxResults: number };
  try {
    slice = {
      startAt: Math.max(0, integerParam(query, 'startAt', 0)),
      maxResults: integerParam(query, 'maxResults', Number.MAX_SAFE_INTEGER),
    };
  } catch (error) {
    if (error instanceof JiraHttpError) return error.toResponse();
    throw error;
  }
  const text = exportProject(site, projectIndex, listParam(query, 'fields'), slice);
  return { status: 200, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: text };
}

function issueControl(site: SiteContext, method: string, key: string, action: string | undefined, body: string | undefined): SimResponse {
  const row = site.store.find(key);
  if (row < 0) return jiraError(404, [`Issue ${key} does not exist.`]);
  const input = parseBody(body);
  if (!input) return badRequest('The body must be a JSON object.');
  const project = site.store.projects[site.store.project.get(row)];
  let actor = userIndex(project?.leadAccountId ?? '');
  if (input['accountId'] !== undefined) {
    actor = typeof input['accountId'] === 'string' ? userIndex(input['accountId']) : -1;
    if (actor < 0) return badRequest(`Unknown accountId '${asText(input['accountId'])}'.`);
  }

  if (method === 'DELETE' && action === undefined) {
    site.changes.delete(row, actor);
    return noContent();
  }
  if (method !== 'POST' || action === undefined) return jiraError(405, [`${method} is not supported here.`]);

  if (action === 'status') {
    const wanted = input['status'];
    const status = STATUSES.findIndex((s) => s.name === wanted || s.id === wanted);
    if (typeof wanted !== 'string' || status < 0 || !project?.statuses.includes(status)) {
      const names = (project?.statuses ?? []).map((s) => STATUSES[s]?.name).join(', ');
      return badRequest(`Status '${String(wanted)}' is not in the workflow of ${project?.key ?? 'the project'} (${names}).`);
    }
    if (site.store.status.get(row) !== status) site.changes.transition(row, status, actor);
    return json(200, {
      id: site.store.idOf(row),
      key: site.store.keyOf(row),
      status: { id: STATUSES[status]?.id, name: STATUSES[status]?.name },
    });
  }
  if (action === 'move') {
    const target = typeof input['project'] === 'string' ? site.store.projectIndex(input['project']) : -1;
    if (target < 0) return badRequest(`Unknown project '${String(input['project'])}'.`);
    const previousKey = site.store.keyOf(row);
    if (target !== site.store.project.get(row)) site.changes.move(row, target, actor);
    return json(200, { id: site.store.idOf(row), key: site.store.keyOf(row), previousKey });
  }
  if (typeof input['flagged'] !== 'boolean') return badRequest('flagged must be true or false.');
  site.changes.setFlagged(row, input['flagged'], actor);
  return json(200, { id: site.store.idOf(row), key: site.store.keyOf(row), flagged: input['flagged'] });
}
