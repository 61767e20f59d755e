import { APP_USER, findUserByAccountId, userIndex } from '../demo-data/demo-users';
import { permissionInfo, type PermissionInfo } from '../permissions';
import type { Principal } from '../principal';
import type { Route, RouteRequest } from '../router';
import type { SiteContext } from '../site-context';
import { INVALID_PAYLOAD, JiraHttpError, isRecord, json, parseJsonBody, type SimResponse } from '../sim-http';
import { visibleIssue } from './issue-changelog';
import { findVisibleProject } from './projects';

/**
 * `GET /rest/api/3/mypermissions` (one caller, one project or issue, or site-wide) and
 * `POST /rest/api/3/permissions/check` (many at once). A project or issue the caller cannot browse is a
 * 404, exactly as Jira keeps its existence secret.
 */
function unknownKeys(keys: readonly string[]): string[] {
  return keys.filter((k) => !permissionInfo(k));
}

function myPermissions(site: SiteContext, request: RouteRequest): SimResponse {
  const raw = request.query.get('permissions');
  if (raw === null || raw.trim() === '') {
    throw new JiraHttpError(400, ['The permissions parameter is required.'], { permissions: 'The permissions parameter is required.' });
  }
  const keys = raw
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  const unknown = unknownKeys(keys);
  if (unknown.length > 0) throw new JiraHttpError(400, [`Invalid permission key(s): ${unknown.join(', ')}.`]);

  const { query, principal } = request;
  let projectIndex: number | undefined;
  const issueRef = query.get('issueId') ?? query.get('issueKey');
  const projectRef = query.get('projectId') ?? query.get('projectKey');
  if (issueRef) projectIndex = site.store.project.get(visibleIssue(site, request, issueRef));
  else if (projectRef) projectIndex = findVisibleProject(site, principal, projectRef);

  const permissions: Record<string, PermissionInfo & { havePermission: boolean }> = {};
  for (const key of keys) {
    const info = permissionInfo(key) as PermissionInfo;
    const havePermission =
      info.type === 'GLOBAL'
        ? site.permissions.hasGlobalPermission(principal, key)
        : projectIndex === undefined
          ? site.permissions.hasAnywhere(principal, key)
          : site.permissions.hasProjectPermission(principal, projectIndex, key);
    permissions[key] = { ...info, havePermission };
  }
  return json(200, { permissions });
}

const CHECK_KEYS = new Set(['accountId', 'globalPermissions', 'projectPermissions']);

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isIdArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => Number.isInteger(v));
}

function checkPermissions(site: SiteContext, request: RouteRequest): SimResponse {
  const body = parseJsonBody(request.body) ?? {};
  if (!isRecord(body) || Object.keys(body).some((k) => !CHECK_KEYS.has(k))) throw new JiraHttpError(400, [INVALID_PAYLOAD]);
  const globalKeys = body['globalPermissions'] ?? [];
  const projectChecks = body['projectPermissions'] ?? [];
  if (!isStringArray(globalKeys) || !Array.isArray(projectChecks)) throw new JiraHttpError(400, [INVALID_PAYLOAD]);

  // Checking someone else's permissions takes the Administer Jira permission.
  let subject: Principal = request.principal;
  const accountId = body['accountId'];
  if (accountId !== undefined) {
    if (typeof accountId !== 'string') throw new JiraHttpError(400, [INVALID_PAYLOAD]);
    const self = request.principal.kind === 'app' ? APP_USER.accountId : request.principal.user.accountId;
    if (accountId !== self) {
      if (!site.permissions.hasGlobalPermission(request.principal, 'ADMINISTER')) {
        throw new JiraHttpError(403, ["You don't have permission to check other users' permissions."]);
      }
      const user = findUserByAccountId(accountId);
      if (!user) throw new JiraHttpError(400, [`The user with account ID '${accountId}' does not exist.`]);
      subject = { kind: 'user', user, index: userIndex(accountId) };
    }
  }

  const badGlobal = globalKeys.filter((k) => permissionInfo(k)?.type !== 'GLOBAL');
  if (badGlobal.length > 0) throw new JiraHttpError(400, [`Invalid global permission key(s): ${badGlobal.join(', ')}.`]);

  const grantedGlobal = [...new Set(globalKeys)].filter((k) => site.permissions.hasGlobalPermission(subject, k));
  const projectPermissions: { permission: string; projects: number[]; issues: number[] }[] = [];
  for (const check of projectChecks) {
    if (!isRecord(check) || !isStringArray(check['permissions']) || check['permissions'].length === 0) {
      throw new JiraHttpError(400, ['At least one project permission must be provided in each projectPermissions entry.']);
    }
    const projects = check['projects'] ?? [];
    const issues = check['issues'] ?? [];
    if (!isIdArray(projects) || !isIdArray(issues)) throw new JiraHttpError(400, [INVALID_PAYLOAD]);
    const badProject = check['permissions'].filter((k) => permissionInfo(k)?.type !== 'PROJECT');
    if (badProject.length > 0) throw new JiraHttpError(400, [`Invalid project permission key(s): ${badProject.join(', ')}.`]);
    const askedForNothing = projects.length === 0 && issues.length === 0;
    for (const permission of check['permissions']) {
      const candidateProjects = askedForNothing ? site.store.projects.map((p) => Number(p.id)) : projects;
      const grantedProjects = candidateProjects.filter((id) => {
        const index = site.store.projects.findIndex((p) => p.id === String(id));
        return index >= 0 && site.permissions.hasProjectPermission(subject, index, permission);
      });
      const grantedIssues = issues.filter((id) => {
        const row = site.store.find(String(id));
        return row >= 0 && site.permissions.hasProjectPermission(subject, site.store.project.get(row), permission);
      });
      projectPermissions.push({ permission, projects: [...new Set(grantedProjects)], issues: [...new Set(grantedIssues)] });
    }
  }
  return json(200, { globalPermissions: grantedGlobal, projectPermissions });
}

export const permissionRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/mypermissions', handler: myPermissions },
  { method: 'POST', template: '/rest/api/3/permissions/check', handler: checkPermissions },
];
