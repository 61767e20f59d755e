import { route } from '@forge/api';
import type { SecurityLevelVisibility } from '../../ports';
import { readJiraJson, type RequestJira } from './jira-request';

interface ProjectIssueSecurityLevels {
  levels?: Array<{ id?: unknown }>;
}

/**
 * Asks Jira, as the calling user, which of a project's issue security levels they may see
 * (`GET /rest/api/3/project/{projectKeyOrId}/securitylevel`). Must be built on `asUser()`: the app sees every
 * level. Jira lists levels only to users who may set issue security in the project, so anyone else is shown
 * no secured issue at all: the rule errs on the side of hiding. Only ids are read; names are never kept.
 */
export class JiraSecurityLevels implements SecurityLevelVisibility {
  constructor(private readonly jiraAsUser: RequestJira) {}

  async visibleLevels(projectKey: string): Promise<ReadonlySet<number>> {
    const response = await this.jiraAsUser(route`/rest/api/3/project/${projectKey}/securitylevel`);
    // A project the user cannot see: no level of it either.
    if (response.status === 404) return new Set();
    const answer = await readJiraJson<ProjectIssueSecurityLevels>(response, 'the security level check');
    const visible = new Set<number>();
    for (const level of Array.isArray(answer.levels) ? answer.levels : []) {
      const id = typeof level?.id === 'string' && /^[1-9][0-9]{0,14}$/.test(level.id) ? Number(level.id) : NaN;
      if (Number.isSafeInteger(id)) visible.add(id);
    }
    return visible;
  }
}
