import { route } from '@forge/api';
import { STATUS_CATEGORY_KEYS } from '../../domain';
import type { ProjectStatuses } from '../../ports';
import type { ProjectStatus } from '../../shared/resolver-contract';
import { readJiraJson, type RequestJira } from './jira-request';

interface IssueTypeWithStatus {
  statuses: Array<{ id: string; name: string; statusCategory?: { key?: string } }>;
}

const CATEGORIES: ReadonlySet<string> = new Set(STATUS_CATEGORY_KEYS);

/**
 * A project's statuses through `GET /rest/api/3/project/{key}/statuses`, which lists them per issue type.
 * The same status appears under many types; it is listed once, in the order Jira first shows it.
 */
export class JiraProjectStatuses implements ProjectStatuses {
  constructor(private readonly requestJira: RequestJira) {}

  async list(projectKey: string): Promise<ProjectStatus[] | null> {
    const response = await this.requestJira(route`/rest/api/3/project/${projectKey}/statuses`);
    if (response.status === 404) return null;
    const issueTypes = await readJiraJson<IssueTypeWithStatus[]>(response, "the project's statuses");
    const byId = new Map<string, ProjectStatus>();
    for (const issueType of issueTypes) {
      for (const status of issueType.statuses ?? []) {
        if (byId.has(status.id)) continue;
        const category = status.statusCategory?.key;
        byId.set(status.id, {
          id: status.id,
          name: status.name,
          category: category !== undefined && CATEGORIES.has(category) ? (category as ProjectStatus['category']) : null,
        });
      }
    }
    return [...byId.values()];
  }
}
