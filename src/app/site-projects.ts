import type { ProjectListData } from '../shared/resolver-contract';
import type { MeasuredProjects, ProjectDirectory, UserPermissions } from '../ports';
import { AppError } from './app-error';

export interface SiteProjectsPorts {
  userPermissions: UserPermissions;
  projects: ProjectDirectory;
  measured: MeasuredProjects;
}

/** Every project of the site, with whether the app measures it: the settings page's starting point. */
export async function listSiteProjects(ports: SiteProjectsPorts): Promise<ProjectListData> {
  if (!(await ports.userPermissions.isJiraAdministrator())) {
    throw new AppError('FORBIDDEN', 'Only Jira administrators can change Flow metrics settings.');
  }
  const [projects, measuredKeys] = await Promise.all([ports.projects.listProjects(), ports.measured.list()]);
  const measured = new Set(measuredKeys);
  return { projects: projects.map((project) => ({ ...project, measured: measured.has(project.key) })) };
}
