import { Queue } from '@forge/events';
import type { DigestContinuation, DigestScheduler } from '../../app/digest/slack-digest';
import { SYNC_QUEUE_KEY } from './sync-queue';

/** The body of a Slack digest slice on the queue. */
interface SlackDigestJob extends DigestContinuation, Record<string, unknown> {
  job: 'slack-digest';
}

/**
 * The rest of a digest run that ran short of time shares the `sync-jobs` queue (and its 900-second consumer)
 * with the sync, the purge and the personal-data report: the consumer tells them apart by `job`.
 */
export class ForgeDigestScheduler implements DigestScheduler {
  async continueDigest(continuation: DigestContinuation): Promise<void> {
    const body: SlackDigestJob = { job: 'slack-digest', ...continuation };
    await new Queue({ key: SYNC_QUEUE_KEY }).push([{ body }]);
  }
}
