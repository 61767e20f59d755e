import type { MeasuredProjects, ProjectDirectory, SyncJobScheduler, SyncStateStore, UnmeasuredProjects } from '../../ports';
import type { MeasuredProjectsData, SetProjectMeasuredPayload } from '../../shared/resolver-contract';
import { AppError } from '../app-error';
import { recordAudit, type Actor, type AuditTrailPorts } from '../audit/audit-trail';
import { NEVER_SYNCED } from '../sync/sync-state';

export interface MeasuredProjectsSettingsPorts extends AuditTrailPorts {
  projects: ProjectDirectory;
  measured: MeasuredProjects;
  /** When a project stopped being measured: the retention purge's clock for what it left behind. */
  unmeasured: UnmeasuredProjects;
  scheduler: SyncJobScheduler;
  syncStates: SyncStateStore;
}

/**
 * Starts or stops measuring a project. Measuring queues the first (full) sync at once, so the project page has
 * data without waiting for the hourly run; stopping keeps what was stored until the retention window ends
 * (counted from now: see src/app/sync/stored-projects-purge.ts) or an erase.
 * Asking for the state a project is already in changes nothing and records nothing.
 */
export async function setProjectMeasured(
  ports: MeasuredProjectsSettingsPorts,
  actor: Actor,
  change: SetProjectMeasuredPayload,
): Promise<MeasuredProjectsData> {
  const current = await ports.measured.list();
  const isMeasured = current.includes(change.projectKey);
  if (isMeasured === change.measured) return { measuredProjectKeys: current, syncQueued: false };

  if (!change.measured) {
    const remaining = current.filter((key) => key !== change.projectKey);
    await ports.measured.replace(remaining);
    await ports.unmeasured.record(change.projectKey, ports.clock.now().toISOString());
    await recordAudit(ports, actor, 'project.unmeasured', change.projectKey);
    return { measuredProjectKeys: remaining, syncQueued: false };
  }

  // Only a project Jira shows the app can be measured; a stale or invented key is refused.
  const project = await ports.projects.findProject(change.projectKey);
  if (!project) throw new AppError('NOT_FOUND', `Project ${change.projectKey} was not found.`);
  const measured = [...current, project.key].sort();
  await ports.measured.replace(measured);
  await ports.unmeasured.clear(project.key);
  await ports.scheduler.schedule(project.key, 'backfill', 0);
  // Shown as queued at once, on the settings page and the project page, until the sync job picks it up.
  // A project measured before keeps its last success: its stored history is still there until purged.
  const previous = (await ports.syncStates.read(project.key)) ?? NEVER_SYNCED;
  if (previous.status !== 'running') await ports.syncStates.write(project.key, { ...previous, status: 'queued', progress: null });
  await recordAudit(ports, actor, 'project.measured', project.key, { projectName: project.name });
  return { measuredProjectKeys: measured, syncQueued: true };
}
