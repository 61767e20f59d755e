import { Queue } from '@forge/events';
import type { PurgeJob, PurgeScheduler } from '../../app/privacy/expired-data-purge';
import { SYNC_QUEUE_KEY } from './sync-queue';

/** The body of a retention purge slice on the queue. */
interface RetentionPurgeJob extends PurgeJob, Record<string, unknown> {
  job: 'retention-purge';
}

/**
 * Retention purge runs share the `sync-jobs` queue (and its 900-second consumer) with the sync and the
 * personal-data report: the consumer tells them apart by `job`.
 */
export class ForgePurgeScheduler implements PurgeScheduler {
  async queuePurge(job: PurgeJob): Promise<void> {
    const body: RetentionPurgeJob = { job: 'retention-purge', ...job };
    await new Queue({ key: SYNC_QUEUE_KEY }).push([{ body }]);
  }
}
