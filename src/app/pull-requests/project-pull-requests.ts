import { projectOfKey, type PullRequestFacts } from '../../domain';
import type { PullRequestStore, StoredDocument, UserPermissions } from '../../ports';
import type { ProjectPullRequestsData } from '../../shared/resolver-contract';
import type { GitHubConnectionRecord } from '../github-connection';
import { requireBrowsePermission } from '../project-view';

export interface ProjectPullRequestsPorts {
  userPermissions: UserPermissions;
  connection: StoredDocument<GitHubConnectionRecord>;
  store: PullRequestStore;
}

/**
 * The stored pull requests that name at least one of the project's items, for a caller Jira lets browse the
 * project. Keys of other projects stay in each pull request: they say it also served other work.
 */
export async function projectPullRequests(ports: ProjectPullRequestsPorts, projectKey: string): Promise<ProjectPullRequestsData> {
  await requireBrowsePermission(ports.userPermissions, projectKey);
  const record = await ports.connection.read();
  if (!record) return { connected: false, repositories: [], pulls: [] };
  const watched = record.repositories.filter((repository) => repository.visible);
  const repositories: ProjectPullRequestsData['repositories'] = [];
  const pulls: PullRequestFacts[] = [];
  for (const { fullName } of watched) {
    const state = await ports.store.readState(fullName);
    repositories.push({ fullName, status: state?.status ?? 'never', lastCompletedAt: state?.lastCompletedAt ?? null });
    for (const pull of await ports.store.readAll(fullName)) {
      if (pull.jiraKeys.some((key) => projectOfKey(key) === projectKey)) pulls.push(pull);
    }
  }
  return { connected: true, repositories, pulls };
}
