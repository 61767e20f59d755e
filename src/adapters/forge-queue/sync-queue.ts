import { Queue } from '@forge/events';

/** The queue named in manifest.yml's `consumer` module; its worker is `sync-job-worker`. */
export const SYNC_QUEUE_KEY = 'sync-jobs';

export interface SyncJobRequest extends Record<string, unknown> {
  projectKey: string;
  /** `backfill` also continues a sliced job; `rebuild` wipes the stored history and backfills it again. */
  reason: 'scheduled' | 'sync-now' | 'backfill' | 'rebuild';
  /** The erasure generation the job was queued under: it writes nothing once all app data was erased since. */
  erasure: number;
}

/** Forge accepts at most 50 events per push. */
const EVENTS_PER_PUSH = 50;

/** `delayInSeconds` (0 to 900, Forge's range) postpones delivery: continuations use 0, retries wait. */
export async function enqueueSyncJobs(requests: SyncJobRequest[], delayInSeconds = 0): Promise<void> {
  const queue = new Queue({ key: SYNC_QUEUE_KEY });
  const delay = Math.min(900, Math.max(0, Math.round(delayInSeconds)));
  for (let i = 0; i < requests.length; i += EVENTS_PER_PUSH) {
    await queue.push(requests.slice(i, i + EVENTS_PER_PUSH).map((body) => (delay > 0 ? { body, delayInSeconds: delay } : { body })));
  }
}
