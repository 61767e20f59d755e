import type { MeasuredProjects, ProjectDirectory, SyncStateStore } from '../../ports';
import type { ProjectSettingsList } from '../../shared/resolver-contract';
import { NEVER_SYNCED, syncStateForPage } from '../sync/sync-state';

export interface ProjectSettingsListPorts {
  /** As the app: an admin chooses among every project the app can measure. */
  projects: ProjectDirectory;
  measured: MeasuredProjects;
  // Read only: the sync pipeline writes sync states.
  syncStates: Pick<SyncStateStore, 'read'>;
}

/** Every project of the site, whether it is measured, and for measured ones where their sync stands. */
export async function listProjectSettings(ports: ProjectSettingsListPorts): Promise<Omit<ProjectSettingsList, 'licenceActive'>> {
  const [projects, measuredKeys] = await Promise.all([ports.projects.listProjects(), ports.measured.list()]);
  const measured = new Set(measuredKeys);
  const syncStates = new Map(
    await Promise.all(
      projects
        .filter((project) => measured.has(project.key))
        .map(async (project) => [project.key, syncStateForPage((await ports.syncStates.read(project.key)) ?? NEVER_SYNCED)] as const),
    ),
  );
  return {
    projects: projects.map((project) => ({ ...project, measured: measured.has(project.key), sync: syncStates.get(project.key) ?? null })),
  };
}
