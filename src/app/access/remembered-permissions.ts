import type { UserPermissions } from '../../ports';

/**
 * Jira's answers about the calling user, asked once per resolver call: the handler checks permission before it
 * reads the payload, and the use-case, which checks again before it reads anything, gets the same answer
 * without a second request. Built fresh for every call, so no answer outlives it.
 */
export class RememberedPermissions implements UserPermissions {
  private readonly browse = new Map<string, Promise<boolean>>();
  private administrator: Promise<boolean> | null = null;

  constructor(private readonly jira: UserPermissions) {}

  canBrowseProject(projectKey: string): Promise<boolean> {
    let answer = this.browse.get(projectKey);
    if (!answer) {
      answer = this.jira.canBrowseProject(projectKey);
      this.browse.set(projectKey, answer);
    }
    return answer;
  }

  isJiraAdministrator(): Promise<boolean> {
    this.administrator ??= this.jira.isJiraAdministrator();
    return this.administrator;
  }
}
