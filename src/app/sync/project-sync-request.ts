import type { MeasuredProjects, SyncJobScheduler, SyncStateStore } from '../../ports';
import type { ProjectSyncRequested, RequestProjectSyncPayload } from '../../shared/resolver-contract';
import { claimAdminRequest, type AdminRequestThrottlePorts } from '../access/admin-request-throttle';
import { AppError } from '../app-error';
import { recordAudit, type Actor } from '../audit/audit-trail';
import { NEVER_SYNCED } from './sync-state';

export interface ProjectSyncRequestPorts extends AdminRequestThrottlePorts {
  measured: MeasuredProjects;
  scheduler: SyncJobScheduler;
  syncStates: SyncStateStore;
}

/**
 * "Sync now" queues an incremental sync; "rebuild from scratch" queues a rebuild, which drops the stored history
 * and reads the project's whole history again. Both go on the same queue as the scheduled sync. Unlike the
 * project page's "sync now", an admin may ask for any measured project, whether or not they browse it. A rebuild
 * reads the project's whole history again, so each project gets one per period (see admin-request-throttle.ts).
 */
export async function requestProjectSync(
  ports: ProjectSyncRequestPorts,
  actor: Actor,
  request: RequestProjectSyncPayload,
): Promise<ProjectSyncRequested> {
  if (!(await ports.measured.list()).includes(request.projectKey)) {
    throw new AppError('INVALID_INPUT', `Project ${request.projectKey} is not measured; measure it first.`);
  }
  if (request.mode === 'rebuild') await claimAdminRequest(ports, actor, 'rebuild', request.projectKey);
  await ports.scheduler.schedule(request.projectKey, request.mode === 'rebuild' ? 'rebuild' : 'sync-now', 0);
  // A sync already running picks the request up; otherwise the settings page shows it as queued at once.
  const current = (await ports.syncStates.read(request.projectKey)) ?? NEVER_SYNCED;
  if (current.status !== 'running') await ports.syncStates.write(request.projectKey, { ...current, status: 'queued', progress: null });
  await recordAudit(ports, actor, request.mode === 'rebuild' ? 'project.rebuild-requested' : 'project.sync-requested', request.projectKey);
  return { projectKey: request.projectKey, mode: request.mode, queuedAt: ports.clock.now().toISOString() };
}
