import type { ProjectSyncState } from '../../ports';
import { NEVER_SYNCED } from './sync-state';
import { refreshOverviewSummary } from '../project-page/overview-summary';
import { syncProjectSlice, type SyncReason } from './project-sync';
import { retentionCutoff } from './retention-rule';
import { describeSyncFailure } from './sync-failure';
import { eraseIfOvertaken, mandateOf, SyncWithdrawn, underMandate } from './sync-mandate';
import { SYNC_TUNING, SyncRun, type SyncPorts, type SyncTuning } from './sync-run';

/**
 * One job of the `sync-jobs` queue for one project: take the project's lock, do one bounded slice of work,
 * record where the sync stands, and either finish or queue the next slice.
 *
 * A failure (Jira down, an unreadable answer) is recorded as a readable message in the sync state, the
 * stored history is left as it was (the page keeps showing it), and the job asks to be retried later. A
 * crash (the function dying half-way) records nothing: the queue retries the job, which holds the same
 * lock, and the cursor in storage says where to continue.
 */
export interface SyncJob {
  projectKey: string;
  reason: SyncReason;
  /** Names the job across its retries: the queue event's id. */
  holder: string;
  /** 0 on the first delivery, then the queue's retry count. */
  attempt: number;
  /** The erasure generation the job was queued under (see sync-mandate.ts). */
  erasure: number;
}

export type SyncJobOutcome =
  | { kind: 'done' }
  /** The slice ran out of time; the next one is queued. */
  | { kind: 'continued' }
  /** Another job holds the project; null: nothing to do (that job covers this one). */
  | { kind: 'busy'; retryAfterSeconds: number | null }
  | { kind: 'failed'; message: string; retryAfterSeconds: number }
  /** The project is no longer measured, or all app data was erased since the job was queued: nothing written. */
  | { kind: 'withdrawn' };

/** Retries after a failure wait longer each time: 1, 2, 4, 8… minutes, at most 15 (Forge's longest delay). */
function failureRetrySeconds(attempt: number): number {
  return Math.min(900, 60 * 2 ** Math.max(0, attempt));
}

export async function runSyncJob(unguarded: SyncPorts, job: SyncJob, tuning: SyncTuning = SYNC_TUNING): Promise<SyncJobOutcome> {
  const { projectKey } = job;
  const mandate = await mandateOf(unguarded, projectKey, job.erasure);
  if (mandate !== 'wanted') {
    // A slice of this job may have died after an erase and before its last look: what it left goes now.
    if (mandate === 'erased' && job.attempt > 0) await unguarded.storedProjects.erase(projectKey);
    return { kind: 'withdrawn' };
  }
  const ports = underMandate(unguarded, projectKey, job.erasure, true);
  if (!(await ports.locks.acquire(projectKey, job.holder, tuning.lockTtlSeconds))) {
    // A scheduled run finding a sync under way has nothing to add; a request from a person waits its turn.
    return { kind: 'busy', retryAfterSeconds: job.reason === 'scheduled' ? null : tuning.busyRetrySeconds };
  }
  const previous: ProjectSyncState = (await ports.states.read(projectKey)) ?? NEVER_SYNCED;
  const now = ports.clock.now();
  const run = new SyncRun(projectKey, ports, tuning, retentionCutoff(now, await ports.retentionDays()), previous);
  let outcome: SyncJobOutcome;
  try {
    await ports.states.write(projectKey, {
      ...previous,
      status: 'running',
      progress: previous.status === 'running' ? previous.progress : null,
    });
    const complete = await syncProjectSlice(run, job.reason, job.holder);
    if (complete) {
      await keepOverviewSummary(ports, projectKey);
      await ports.states.write(projectKey, {
        status: 'ok',
        progress: null,
        lastSuccessAt: ports.clock.now().toISOString(),
        lastError: null,
      });
      outcome = { kind: 'done' };
    } else {
      outcome = { kind: 'continued' };
    }
  } catch (error) {
    outcome = await failedOrWithdrawn(ports, projectKey, previous, job, error);
  }
  if ((await eraseIfOvertaken(unguarded, projectKey, job.erasure)) !== 'wanted') outcome = { kind: 'withdrawn' };
  // The lock goes before the next slice is queued: on Forge that slice may start at once, elsewhere.
  await ports.locks.release(projectKey, job.holder);
  if (outcome.kind === 'continued') await ports.scheduler.schedule(projectKey, 'backfill', 0, job.erasure);
  return outcome;
}

/**
 * Brings the project's Overview summary up to date once the history is. The summary only saves readers'
 * reads: when it cannot be brought up to date (storage busy, a report that cannot be computed), the sync still
 * succeeds and the page takes the full path, which the stale summary's version sends it to anyway.
 */
async function keepOverviewSummary(ports: SyncPorts, projectKey: string): Promise<void> {
  try {
    await refreshOverviewSummary(ports, projectKey);
  } catch (error) {
    if (error instanceof SyncWithdrawn) throw error;
  }
}

async function failedOrWithdrawn(
  ports: SyncPorts,
  projectKey: string,
  previous: ProjectSyncState,
  job: SyncJob,
  error: unknown,
): Promise<SyncJobOutcome> {
  if (error instanceof SyncWithdrawn) return { kind: 'withdrawn' };
  const message = describeSyncFailure(error);
  try {
    await ports.states.write(projectKey, { ...previous, status: 'failed', progress: null, lastError: message });
  } catch (stateError) {
    if (stateError instanceof SyncWithdrawn) return { kind: 'withdrawn' };
    throw stateError;
  }
  return { kind: 'failed', message, retryAfterSeconds: failureRetrySeconds(job.attempt) };
}
