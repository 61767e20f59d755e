import { route } from '@forge/api';
import type { UserPermissions } from '../../ports';
import { readJiraJson, type JiraResponse, type RequestJira } from './jira-request';

interface MyPermissions {
  permissions: Record<string, { havePermission: boolean } | undefined>;
}

/**
 * Asks Jira, as the calling user, what that user may do. Must be built on `asUser()`: the app itself can
 * browse every project, so asking as the app would open every project to everyone.
 */
export class JiraUserPermissions implements UserPermissions {
  constructor(private readonly jiraAsUser: RequestJira) {}

  async canBrowseProject(projectKey: string): Promise<boolean> {
    const response = await this.jiraAsUser(route`/rest/api/3/mypermissions?projectKey=${projectKey}&permissions=${'BROWSE_PROJECTS'}`);
    // Jira answers 404 for a project key the user cannot see at all.
    if (response.status === 404) return false;
    return this.granted(response, 'BROWSE_PROJECTS');
  }

  async isJiraAdministrator(): Promise<boolean> {
    const response = await this.jiraAsUser(route`/rest/api/3/mypermissions?permissions=${'ADMINISTER'}`);
    return this.granted(response, 'ADMINISTER');
  }

  private async granted(response: JiraResponse, permission: string): Promise<boolean> {
    const answer = await readJiraJson<MyPermissions>(response, 'the permission check');
    return answer.permissions[permission]?.havePermission === true;
  }
}
