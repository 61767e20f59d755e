import type { ProjectListData } from '../../shared/resolver-contract';
import type { MeasuredProjects, ProjectDirectory } from '../../ports';

export interface SiteProjectsPorts {
  /** As the app: an admin chooses among every project the app can measure, not only those they browse. */
  projects: ProjectDirectory;
  measured: MeasuredProjects;
}

/**
 * Every project of the site, with whether the app measures it: the settings page's starting point. Like every
 * settings function, it runs only once Jira has called the caller an administrator (settings-page-resolver.ts).
 */
export async function listSiteProjects(ports: SiteProjectsPorts): Promise<ProjectListData> {
  const [projects, measuredKeys] = await Promise.all([ports.projects.listProjects(), ports.measured.list()]);
  const measured = new Set(measuredKeys);
  return { projects: projects.map((project) => ({ ...project, measured: measured.has(project.key) })) };
}
