import { projectOfKey } from '../../domain/jira-key-extraction';
import type { PullRequestFacts } from '../../domain/pull-request';
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
  const repositories: ProjectPullRequestsData['repositories'] = [];
  for (const { fullName } of watchedRepositories(record)) {
    const state = await ports.store.readState(fullName);
    repositories.push({ fullName, status: state?.status ?? 'never', lastCompletedAt: state?.lastCompletedAt ?? null });
  }
  return { connected: true, repositories, pulls: await pullRequestsLinkedTo(ports.store, record, projectKey) };
}

const watchedRepositories = (record: GitHubConnectionRecord) => record.repositories.filter((repository) => repository.visible);

/** The stored pull requests of the watched repositories that name at least one of the project's items. */
export async function pullRequestsLinkedTo(store: Pick<PullRequestStore, 'readAll'>, record: GitHubConnectionRecord, projectKey: string): Promise<PullRequestFacts[]> {
  const pulls: PullRequestFacts[] = [];
  for (const { fullName } of watchedRepositories(record)) {
    for (const pull of await store.readAll(fullName)) {
      if (pull.jiraKeys.some((key) => projectOfKey(key) === projectKey)) pulls.push(pull);
    }
  }
  return pulls;
}
