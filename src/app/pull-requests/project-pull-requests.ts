import { projectOfKey, type PullRequestFacts } from '../../domain';
import type {
  HistoryStore,
  PullRequestStore,
  RepositorySyncStatus,
  SecurityLevelVisibility,
  StoredDocument,
  UserPermissions,
} from '../../ports';
import type { ProjectPullRequestsData } from '../../shared/resolver-contract';
import type { GitHubConnectionRecord } from '../connections/github-connection';
import { hiddenLevelsFor, keysHiddenBy, keysShownTo } from '../access/issue-security';
import { requireBrowsePermission } from '../project-page/project-view';
import { HISTORY_STORAGE_FORMAT } from '../sync/history-manifest';

export interface ProjectPullRequestsPorts {
  userPermissions: UserPermissions;
  connection: StoredDocument<GitHubConnectionRecord>;
  store: PullRequestStore;
  /** The stored histories: which issue keys have a security level. */
  history: Pick<HistoryStore, 'readManifest' | 'readShards'>;
  /** Which of the page's project's security levels the caller may see (asked only when it has secured issues). */
  securityLevels: SecurityLevelVisibility;
}

/**
 * The stored pull requests that name at least one of the project's items, for a caller Jira lets browse the
 * project. Keys of other projects stay in each pull request: they say it also served other work.
 *
 * Keys of another project are shown only to a caller Jira lets browse that project too (asked once per project,
 * and remembered for the request by the caller's UserPermissions): a key says the project exists and what was
 * worked on in it.
 *
 * Issue security: a key of the page's project whose level the caller may not see is taken out, and a pull
 * request left naming none of the project's items is not sent; a key of another project that has any level is
 * taken out too (the caller is not asked about other projects' levels). A project without a stored history, or with one
 * stored before levels were kept, has all its keys hidden: the app cannot tell which are secured. A caller who
 * may not see some of the project's levels is shown only keys the history holds (an issue created since the last
 * sync may be under a level they may not see).
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
  const naming = await pullRequestsLinkedTo(ports.store, record, projectKey);
  const mayShow = await keysTheCallerMaySee(ports, projectKey, naming);
  const pulls: PullRequestFacts[] = [];
  for (const pull of naming) {
    const jiraKeys = pull.jiraKeys.filter(mayShow);
    if (jiraKeys.some((key) => projectOfKey(key) === projectKey))
      pulls.push(jiraKeys.length === pull.jiraKeys.length ? pull : { ...pull, jiraKeys });
  }
  return { connected: true, repositories, pulls };
}

const watchedRepositories = (record: GitHubConnectionRecord) => record.repositories.filter((repository) => repository.visible);

/** The stored pull requests of the watched repositories that name at least one of the project's items. */
export async function pullRequestsLinkedTo(
  store: Pick<PullRequestStore, 'readAll'>,
  record: GitHubConnectionRecord,
  projectKey: string,
): Promise<PullRequestFacts[]> {
  const pulls: PullRequestFacts[] = [];
  for (const { fullName } of watchedRepositories(record)) {
    for (const pull of await store.readAll(fullName)) {
      if (pull.jiraKeys.some((key) => projectOfKey(key) === projectKey)) pulls.push(pull);
    }
  }
  return pulls;
}

/** How a repository's reading stands when its stored pull requests may be out of date (see RepositorySyncState). */
const NOT_CURRENT: ReadonlySet<RepositorySyncStatus> = new Set(['failing', 'stopped', 'not-found']);

/** The watched repositories whose reading is failing, stopped by a refused token, or gone: their pull requests are as last read. */
export async function repositoriesNotCurrent(
  store: Pick<PullRequestStore, 'readState'>,
  record: GitHubConnectionRecord,
): Promise<ReadonlySet<string>> {
  const notCurrent = new Set<string>();
  for (const { fullName } of watchedRepositories(record)) {
    const status = (await store.readState(fullName))?.status;
    if (status !== undefined && NOT_CURRENT.has(status)) notCurrent.add(fullName);
  }
  return notCurrent;
}

/** Which of the keys the pull requests name the caller may be shown. */
async function keysTheCallerMaySee(
  ports: ProjectPullRequestsPorts,
  projectKey: string,
  pulls: readonly PullRequestFacts[],
): Promise<(key: string) => boolean> {
  const named = new Set(pulls.flatMap((pull) => pull.jiraKeys.map(projectOfKey)));
  const hiddenKeys = new Set<string>();
  /** Projects none of whose keys is shown: not browsable by the caller, or without a history that says what is secured. */
  const unknownProjects = new Set<string>();
  const projects: string[] = [];
  const others = [...named].filter((project) => project !== projectKey);
  const browsable = await Promise.all(others.map((project) => ports.userPermissions.canBrowseProject(project)));
  others.forEach((project, i) => {
    if (browsable[i]) projects.push(project);
    else unknownProjects.add(project);
  });
  if (named.has(projectKey)) projects.push(projectKey);
  /** For the page's project when the caller may not see some of its levels: the only keys they may be shown. */
  let shownOnly: Set<string> | null = null;
  for (const project of projects) {
    const manifest = await ports.history.readManifest(project, 'live');
    // No history (never measured, or purged), or one that does not keep levels: nothing says which are secured.
    if (!manifest || manifest.format !== HISTORY_STORAGE_FORMAT) {
      unknownProjects.add(project);
      continue;
    }
    let hides: (level: number) => boolean = () => true;
    if (project === projectKey) {
      const hidden = await hiddenLevelsFor(manifest, ports.securityLevels, projectKey);
      if (hidden.hidden.length > 0) {
        shownOnly = await keysShownTo(ports.history, project, manifest, hidden);
        continue;
      }
      hides = (level) => !hidden.mayShow(level);
    }
    for (const key of await keysHiddenBy(ports.history, project, manifest, hides)) hiddenKeys.add(key);
  }
  const shown = shownOnly;
  return (key) =>
    !hiddenKeys.has(key) &&
    !unknownProjects.has(projectOfKey(key)) &&
    (shown === null || projectOfKey(key) !== projectKey || shown.has(key));
}
