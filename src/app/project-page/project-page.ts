import type { ProjectPageData } from '../../shared/resolver-contract';
import type { MeasuredProjects, ProjectDirectory, SyncStateStore, UserPermissions } from '../../ports';
import { AppError } from '../app-error';
import { NEVER_SYNCED, syncStateForPage } from '../sync/sync-state';

export interface ProjectPagePorts {
  /** Answered by Jira as the calling user: the gate in front of everything computed as the app. */
  userPermissions: UserPermissions;
  projects: ProjectDirectory;
  syncStates: Pick<SyncStateStore, 'read'>;
  measured: Pick<MeasuredProjects, 'list'>;
}

/**
 * What the project page shows first: which project this is, whether the app collects its flow metrics, and
 * where its data stands. The permission check comes before any read, so a user who may not browse the
 * project learns nothing, not even whether it is measured or has been synced.
 *
 * For a project nobody has enabled, the page tells the viewer who can enable it, and offers a Jira admin the
 * way there: only then is Jira asked whether the viewer administers it, so a measured project's page costs
 * no extra call.
 */
/** Everything the page's first answer holds but the licence, which the handler adds from Forge's context. */
export type ProjectPage = Omit<ProjectPageData, 'licenceActive'>;

export async function loadProjectPage(ports: ProjectPagePorts, projectKey: string): Promise<ProjectPage> {
  if (!(await ports.userPermissions.canBrowseProject(projectKey))) {
    throw new AppError('FORBIDDEN', 'You do not have permission to browse this project.');
  }
  const [project, sync, measuredKeys] = await Promise.all([
    ports.projects.findProject(projectKey),
    ports.syncStates.read(projectKey),
    ports.measured.list(),
  ]);
  if (!project) throw new AppError('NOT_FOUND', `Project ${projectKey} was not found.`);
  const measured = measuredKeys.includes(projectKey);
  return {
    project,
    sync: syncStateForPage(sync ?? NEVER_SYNCED),
    measured,
    viewerIsJiraAdministrator: measured ? null : await ports.userPermissions.isJiraAdministrator(),
  };
}
