import type { ProjectPageData } from '../shared/resolver-contract';
import type { ProjectDirectory, SyncStateStore, UserPermissions } from '../ports';
import { AppError } from './app-error';
import { NEVER_SYNCED } from './sync-state';

export interface ProjectPagePorts {
  /** Answered by Jira as the calling user: the gate in front of everything computed as the app. */
  userPermissions: UserPermissions;
  projects: ProjectDirectory;
  syncStates: SyncStateStore;
}

/**
 * What the project page shows first: which project this is and where its data stands.
 * The permission check comes before any read, so a user who may not browse the project learns nothing,
 * not even whether it has been synced.
 */
export async function loadProjectPage(ports: ProjectPagePorts, projectKey: string): Promise<ProjectPageData> {
  if (!(await ports.userPermissions.canBrowseProject(projectKey))) {
    throw new AppError('FORBIDDEN', 'You do not have permission to browse this project.');
  }
  const project = await ports.projects.findProject(projectKey);
  if (!project) throw new AppError('NOT_FOUND', `Project ${projectKey} was not found.`);
  const sync = (await ports.syncStates.read(projectKey)) ?? NEVER_SYNCED;
  return { project, sync };
}
