import { Queue } from '@forge/events';

/** The queue named in manifest.yml's `consumer` module; its worker is `sync-job-worker`. */
export const SYNC_QUEUE_KEY = 'sync-jobs';

export interface SyncJobRequest extends Record<string, unknown> {
  projectKey: string;
  reason: 'scheduled' | 'sync-now' | 'backfill';
}

/** Forge accepts at most 50 events per push. */
const EVENTS_PER_PUSH = 50;

export async function enqueueSyncJobs(requests: SyncJobRequest[]): Promise<void> {
  const queue = new Queue({ key: SYNC_QUEUE_KEY });
  for (let i = 0; i < requests.length; i += EVENTS_PER_PUSH) {
    await queue.push(requests.slice(i, i + EVENTS_PER_PUSH).map((body) => ({ body })));
  }
}
