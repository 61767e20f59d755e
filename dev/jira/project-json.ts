import { findUserByAccountId } from './demo-data/demo-users';
import { issueTypeJson } from './catalogue-json';
import type { IssueStore } from './issue-store';
import { jiraTime } from './jira-time';
import { componentJson } from './project-components';
import type { SiteProject } from './site-project';

/** Projects as Jira renders them: the short reference inside issues, and the full `Project` bean. */

function projectAvatarUrls(siteUrl: string, projectId: string) {
  return {
    '48x48': `${siteUrl}/rest/api/3/universal_avatar/view/type/project/avatar/10418?pid=${projectId}&size=large`,
    '24x24': `${siteUrl}/rest/api/3/universal_avatar/view/type/project/avatar/10418?pid=${projectId}&size=small`,
    '16x16': `${siteUrl}/rest/api/3/universal_avatar/view/type/project/avatar/10418?pid=${projectId}&size=xsmall`,
    '32x32': `${siteUrl}/rest/api/3/universal_avatar/view/type/project/avatar/10418?pid=${projectId}&size=medium`,
  };
}

export function projectRef(siteUrl: string, project: SiteProject) {
  return {
    self: `${siteUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: project.projectTypeKey,
    simplified: false,
    avatarUrls: projectAvatarUrls(siteUrl, project.id),
  };
}

function leadJson(siteUrl: string, accountId: string) {
  const user = findUserByAccountId(accountId);
  return {
    self: `${siteUrl}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`,
    accountId,
    avatarUrls: user?.avatarUrls,
    displayName: user?.displayName ?? 'Former user',
    active: true,
    accountType: 'atlassian',
  };
}

/** Issue count and last update, for `expand=insight`. */
function insight(store: IssueStore, projectIndex: number) {
  let count = 0;
  let lastUpdate = 0;
  const n = store.issueCount;
  for (let row = 0; row < n; row++) {
    if (store.project.get(row) !== projectIndex || store.deleted.get(row) !== 0) continue;
    count++;
    lastUpdate = Math.max(lastUpdate, store.updated.get(row));
  }
  return { totalIssueCount: count, lastIssueUpdateTime: jiraTime(lastUpdate) };
}

/**
 * The `Project` bean. `GET /project/{key}` includes the lead and issue types by default; the paged search
 * includes them only when expanded, as Jira does.
 */
export function projectJson(
  siteUrl: string,
  store: IssueStore,
  projectIndex: number,
  options: { expand: ReadonlySet<string>; full: boolean },
) {
  const project = store.projects[projectIndex];
  if (!project) throw new Error(`unknown project index ${projectIndex}`);
  const { expand, full } = options;
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${siteUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    avatarUrls: projectAvatarUrls(siteUrl, project.id),
    projectTypeKey: project.projectTypeKey,
    simplified: false,
    style: 'classic' as const,
    isPrivate: false,
    properties: {},
    ...(full || expand.has('lead') ? { lead: leadJson(siteUrl, project.leadAccountId) } : {}),
    ...(full || expand.has('issueTypes') ? { issueTypes: project.issueTypes.map((t) => issueTypeJson(siteUrl, t)) } : {}),
    ...(full
      ? {
          assigneeType: 'UNASSIGNED' as const,
          components: (project.components ?? []).map((component) => componentJson(siteUrl, component)),
          versions: [],
          roles: {
            Administrators: `${siteUrl}/rest/api/3/project/${project.id}/role/10002`,
            Developers: `${siteUrl}/rest/api/3/project/${project.id}/role/10001`,
          },
        }
      : {}),
    ...(expand.has('insight') ? { insight: insight(store, projectIndex) } : {}),
  };
}
