import { ISSUE_TYPES, PRIORITIES, STATUSES } from '../catalogue';
import { statusJson } from '../catalogue-json';
import { findUserByAccountId, userIndex } from '../demo-data/demo-users';
import { selectFields } from '../issue-fields';
import { issueJson } from '../issue-json';
import { admits, securityLevel } from '../issue-security';
import { APP_AUTHOR } from '../issue-store';
import type { Principal } from '../principal';
import { expandSet, listParam } from '../request-params';
import type { Route, RouteRequest } from '../router';
import type { SiteContext } from '../site-context';
import { asText, INVALID_PAYLOAD, JiraHttpError, isRecord, json, noContent, parseJsonBody, type SimResponse } from '../sim-http';
import { visibleIssue } from './issue-changelog';

/**
 * Reading and changing single issues: get, create, delete, and workflow transitions. Tests and demos use
 * these to make the site change under a running app; every change is recorded and raises an event.
 */

/** Who a change is attributed to in the changelog. */
function actorOf(principal: Principal): number {
  return principal.kind === 'app' ? APP_AUTHOR : principal.index;
}

function getIssue(site: SiteContext, request: RouteRequest): SimResponse {
  const row = visibleIssue(site, request, request.params['issueIdOrKey'] ?? '');
  const selection = selectFields(listParam(request.query, 'fields'), ['*all']);
  return json(200, issueJson(site, row, { selection, expand: expandSet(request.query.get('expand')) }));
}

/**
 * Every status of the project's workflow is reachable from every other (Jira's "any status" transitions),
 * each transition named after its target and numbered 11, 21, 31... in board order.
 */
function transitionsOf(site: SiteContext, row: number) {
  const project = site.store.projects[site.store.project.get(row)];
  const current = site.store.status.get(row);
  return (project?.statuses ?? []).flatMap((status, position) =>
    status === current
      ? []
      : [
          {
            id: String(11 + position * 10),
            name: STATUSES[status]?.name ?? '',
            to: statusJson(site.siteUrl, status),
            hasScreen: false,
            isGlobal: true,
            isInitial: false,
            isAvailable: true,
            isConditional: false,
            looped: false,
          },
        ],
  );
}

function listTransitions(site: SiteContext, request: RouteRequest): SimResponse {
  const row = visibleIssue(site, request, request.params['issueIdOrKey'] ?? '');
  return json(200, { expand: 'transitions', transitions: transitionsOf(site, row) });
}

function doTransition(site: SiteContext, request: RouteRequest): SimResponse {
  const row = visibleIssue(site, request, request.params['issueIdOrKey'] ?? '');
  const body = parseJsonBody(request.body);
  if (!isRecord(body)) throw new JiraHttpError(400, [INVALID_PAYLOAD]);
  const transition = body['transition'];
  const id = isRecord(transition) ? transition['id'] : undefined;
  if (typeof id !== 'string' && typeof id !== 'number') {
    throw new JiraHttpError(400, [], { transition: "Missing 'transition' identifier" });
  }
  if (!site.permissions.hasProjectPermission(request.principal, site.store.project.get(row), 'TRANSITION_ISSUES')) {
    throw new JiraHttpError(400, ['You do not have permission to transition this issue.']);
  }
  const target = transitionsOf(site, row).find((t) => t.id === String(id));
  if (!target) throw new JiraHttpError(400, [`Transition id '${id}' is not valid for this issue.`]);
  const status = STATUSES.findIndex((s) => s.id === target.to.id);
  site.changes.transition(row, status, actorOf(request.principal));
  return noContent();
}

function reference(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

function createIssue(site: SiteContext, request: RouteRequest): SimResponse {
  const body = parseJsonBody(request.body);
  const fields = isRecord(body) ? reference(body['fields']) : undefined;
  if (!fields) throw new JiraHttpError(400, [INVALID_PAYLOAD]);
  const errors: Record<string, string> = {};

  const projectRef = reference(fields['project']);
  const projectKeyOrId = asText(projectRef?.['key'] ?? projectRef?.['id'] ?? '');
  const projectIndex = site.store.projects.findIndex((p) => p.key === projectKeyOrId || p.id === projectKeyOrId);
  const canCreate = projectIndex >= 0 && site.permissions.hasProjectPermission(request.principal, projectIndex, 'CREATE_ISSUES');
  if (!canCreate) errors['project'] = 'Specify a valid project ID or key';

  const typeRef = reference(fields['issuetype']);
  const typeIndex = ISSUE_TYPES.findIndex((t) => t.id === asText(typeRef?.['id'] ?? '') || t.name === typeRef?.['name']);
  const project = site.store.projects[projectIndex];
  if (!typeRef) errors['issuetype'] = 'Specify an issue type';
  else if (typeIndex < 0 || (project && !project.issueTypes.includes(typeIndex)))
    errors['issuetype'] = 'The issue type selected is invalid.';

  const summary = fields['summary'];
  if (typeof summary !== 'string' || summary.trim() === '') errors['summary'] = 'You must specify a summary of the issue.';
  else if (summary.length > 255) errors['summary'] = 'Summary must be less than 255 characters.';

  const priorityRef = reference(fields['priority']);
  const priority = priorityRef
    ? PRIORITIES.findIndex((p) => p.id === asText(priorityRef['id'] ?? '') || p.name === priorityRef['name'])
    : 2;
  if (priority < 0) errors['priority'] = 'The priority selected is invalid.';

  const assigneeRef = reference(fields['assignee']);
  const assigneeId = assigneeRef?.['accountId'];
  const assignee = typeof assigneeId === 'string' ? userIndex(assigneeId) : -1;
  if (typeof assigneeId === 'string' && (!findUserByAccountId(assigneeId) || assignee < 0)) {
    errors['assignee'] = `User '${assigneeId}' cannot be assigned issues.`;
  }

  if (Object.keys(errors).length > 0) throw new JiraHttpError(400, [], errors);
  const actor = actorOf(request.principal);
  const row = site.changes.create(
    {
      project: projectIndex,
      type: typeIndex,
      summary: (summary as string).trim(),
      priority,
      reporter: actor === APP_AUTHOR ? (project ? userIndex(project.leadAccountId) : 0) : actor,
      assignee,
    },
    actor,
  );
  const id = site.store.idOf(row);
  return json(201, { id, key: site.store.keyOf(row), self: `${site.siteUrl}/rest/api/3/issue/${id}` });
}

/**
 * `PUT /rest/api/3/issue/{issueIdOrKey}` (edit issue), for the one field the simulation lets you edit: the
 * security level, `{"fields": {"security": {"id": "10100"}}}` or `{"fields": {"security": null}}`. A level can
 * be set only by someone it admits, in a project that uses the scheme.
 */
function editIssue(site: SiteContext, request: RouteRequest): SimResponse {
  const row = visibleIssue(site, request, request.params['issueIdOrKey'] ?? '');
  const body = parseJsonBody(request.body);
  const fields = isRecord(body) ? body['fields'] : undefined;
  if (!isRecord(fields) || Object.keys(fields).some((name) => name !== 'security') || !('security' in fields)) {
    throw new JiraHttpError(400, ['Only the security level can be edited on the simulated Jira site.']);
  }
  const projectIndex = site.store.project.get(row);
  if (!site.permissions.hasProjectPermission(request.principal, projectIndex, 'EDIT_ISSUES')) {
    throw new JiraHttpError(403, ['You do not have permission to edit issues in this project.']);
  }
  const value = fields['security'];
  const id = isRecord(value) ? asText(value['id']) : value === null ? null : undefined;
  const level = id === null || id === undefined ? undefined : securityLevel(id);
  if (
    id === undefined ||
    (id !== null && (!level || !site.store.projects[projectIndex]?.issueSecurity || !admits(request.principal, Number(id))))
  ) {
    throw new JiraHttpError(400, [], { security: `Security level '${String(id)}' is not valid.` });
  }
  site.changes.setSecurityLevel(row, id === null ? null : Number(id), actorOf(request.principal));
  return noContent();
}

function deleteIssue(site: SiteContext, request: RouteRequest): SimResponse {
  const row = visibleIssue(site, request, request.params['issueIdOrKey'] ?? '');
  if (!site.permissions.hasProjectPermission(request.principal, site.store.project.get(row), 'DELETE_ISSUES')) {
    throw new JiraHttpError(403, ['You do not have permission to delete issues in this project.']);
  }
  site.changes.delete(row, actorOf(request.principal));
  return noContent();
}

export const issueRoutes: Route[] = [
  { method: 'POST', template: '/rest/api/3/issue', handler: createIssue },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}', handler: getIssue },
  { method: 'PUT', template: '/rest/api/3/issue/{issueIdOrKey}', handler: editIssue },
  { method: 'DELETE', template: '/rest/api/3/issue/{issueIdOrKey}', handler: deleteIssue },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/transitions', handler: listTransitions },
  { method: 'POST', template: '/rest/api/3/issue/{issueIdOrKey}/transitions', handler: doTransition },
];
