import type { SyncJobScheduler } from '../../ports';
import { KvsErasureGenerations } from '../kvs/kvs-erasure-generations';
import { enqueueSyncJobs } from './sync-queue';

/** The app's own sync jobs (continuations, "sync now"), on the `sync-jobs` queue. */
export class ForgeSyncJobScheduler implements SyncJobScheduler {
  async schedule(
    projectKey: string,
    reason: 'scheduled' | 'sync-now' | 'backfill' | 'rebuild',
    delaySeconds: number,
    erasure?: number,
  ): Promise<void> {
    const generation = erasure ?? (await new KvsErasureGenerations().current());
    await enqueueSyncJobs([{ projectKey, reason, erasure: generation }], delaySeconds);
  }
}
