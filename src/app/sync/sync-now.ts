import type { Clock, MeasuredProjects, SyncJobScheduler, SyncRequestThrottle, SyncStateStore, UserPermissions } from '../../ports';
import type { SyncNowData } from '../../shared/resolver-contract';
import { AppError } from '../app-error';
import { requireActiveLicence, type InstallationLicence } from '../access/installation-licence';
import { requireBrowsePermission } from '../project-page/project-view';
import { NEVER_SYNCED, syncStateForPage } from './sync-state';

/**
 * "Sync now" on the project page: queues an incremental sync of the page's project. Anyone who may browse
 * the project may ask, at most once per project every `SYNC_NOW_PERIOD_SECONDS`: each request costs Jira
 * calls, and the hourly sync runs anyway.
 */
const SYNC_NOW_PERIOD_SECONDS = 300;

export interface SyncNowPorts {
  userPermissions: UserPermissions;
  measured: MeasuredProjects;
  throttle: SyncRequestThrottle;
  scheduler: SyncJobScheduler;
  syncStates: SyncStateStore;
  clock: Clock;
  licence: InstallationLicence;
}

export async function requestSyncNow(ports: SyncNowPorts, projectKey: string): Promise<SyncNowData> {
  await requireBrowsePermission(ports.userPermissions, projectKey);
  if (!(await ports.measured.list()).includes(projectKey)) {
    throw new AppError(
      'NOT_FOUND',
      'Flow metrics are not collected for this project. ' +
        'A Jira administrator can add it in Jira settings → Apps → Flow metrics settings.',
    );
  }
  requireActiveLicence(ports.licence);
  if (!(await ports.throttle.claim(projectKey, SYNC_NOW_PERIOD_SECONDS))) {
    throw new AppError('RATE_LIMITED', await refusal(ports, projectKey));
  }
  await ports.scheduler.schedule(projectKey, 'sync-now', 0);
  const current = (await ports.syncStates.read(projectKey)) ?? NEVER_SYNCED;
  // A sync already running will pick up the changes; otherwise the page shows the request as queued.
  const sync = current.status === 'running' ? current : { ...current, status: 'queued' as const, progress: null };
  if (sync !== current) await ports.syncStates.write(projectKey, sync);
  const nextAllowedAt = new Date(ports.clock.now().getTime() + SYNC_NOW_PERIOD_SECONDS * 1000).toISOString();
  return { sync: syncStateForPage(sync), nextAllowedAt };
}

/** Why "sync now" is refused, and when it will be accepted again, in words for the page. */
async function refusal(ports: SyncNowPorts, projectKey: string): Promise<string> {
  const claimedAt = await ports.throttle.claimedAt(projectKey);
  const waitMs = claimedAt
    ? claimedAt.getTime() + SYNC_NOW_PERIOD_SECONDS * 1000 - ports.clock.now().getTime()
    : SYNC_NOW_PERIOD_SECONDS * 1000;
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return (
    `A sync of this project was requested in the last ${SYNC_NOW_PERIOD_SECONDS / 60} minutes and is queued or done. ` +
    `You can ask again in ${minutes === 1 ? 'a minute' : `${minutes} minutes`}.`
  );
}
