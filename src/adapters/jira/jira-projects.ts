import { route } from '@forge/api';
import type { ProjectDirectory } from '../../ports';
import type { ProjectSummary } from '../../shared/resolver-contract';
import { readJiraJson, type RequestJira } from './jira-request';

interface JiraProject {
  id: string;
  key: string;
  name: string;
  projectTypeKey: string;
}

interface JiraProjectPage {
  values: JiraProject[];
  isLast?: boolean;
  nextPage?: string;
  startAt: number;
  maxResults: number;
}

/** Jira's limit on the `keys` of one project search. */
const KEYS_PER_SEARCH = 50;

const summarise = ({ id, key, name }: JiraProject): ProjectSummary => ({ id, key, name });

/** Jira's projects through `GET /project/{key}` and the paged `GET /project/search` (also filtered by `keys`). */
export class JiraProjectDirectory implements ProjectDirectory {
  constructor(private readonly requestJira: RequestJira) {}

  async findProject(projectKey: string): Promise<ProjectSummary | null> {
    const response = await this.requestJira(route`/rest/api/3/project/${projectKey}`);
    // Jira answers 404 both for a missing project and for one this identity may not browse.
    if (response.status === 404) return null;
    return summarise(await readJiraJson<JiraProject>(response, 'the project look-up'));
  }

  async listProjects(): Promise<ProjectSummary[]> {
    const projects: ProjectSummary[] = [];
    for (let startAt = 0; ;) {
      const response = await this.requestJira(route`/rest/api/3/project/search?startAt=${startAt}&maxResults=${100}&orderBy=${'key'}`);
      const page = await readJiraJson<JiraProjectPage>(response, 'the project list');
      projects.push(...page.values.map(summarise));
      if (page.isLast !== false || page.values.length === 0) return projects;
      startAt += page.values.length;
    }
  }

  async projectTypes(projectKeys: readonly string[]): Promise<Map<string, string>> {
    const types = new Map<string, string>();
    for (let from = 0; from < projectKeys.length; from += KEYS_PER_SEARCH) {
      const keys = new URLSearchParams(projectKeys.slice(from, from + KEYS_PER_SEARCH).map((key) => ['keys', key]));
      const response = await this.requestJira(route`/rest/api/3/project/search?${keys}&maxResults=${KEYS_PER_SEARCH}`);
      const page = await readJiraJson<JiraProjectPage>(response, 'the project types');
      for (const project of page.values) types.set(project.key, project.projectTypeKey);
    }
    return types;
  }
}
