import type { SyncJobScheduler } from '../../ports';
import { enqueueSyncJobs } from './sync-queue';

/** The app's own sync jobs (continuations, "sync now"), on the `sync-jobs` queue. */
export class ForgeSyncJobScheduler implements SyncJobScheduler {
  async schedule(projectKey: string, reason: 'scheduled' | 'sync-now' | 'backfill' | 'rebuild', delaySeconds: number): Promise<void> {
    await enqueueSyncJobs([{ projectKey, reason }], delaySeconds);
  }
}
