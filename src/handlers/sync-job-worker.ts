import type { AsyncEvent } from '@forge/events';
import { z } from 'zod';
import { isProjectKey } from '../app/project-key';
import { logJob } from '../app/job-log';

const syncJobBody = z.object({
  projectKey: z.string().refine(isProjectKey, 'not a project key'),
  reason: z.enum(['scheduled', 'sync-now', 'backfill']),
});

/**
 * Consumer of the `sync-jobs` queue. It validates the job it was handed; the sync pipeline itself
 * (backfill slices, incremental updates) plugs in here. A malformed job is dropped with a log line rather
 * than thrown, because a thrown error makes the platform retry a job that can never succeed.
 */
export async function syncJobWorker(event: AsyncEvent): Promise<void> {
  const job = syncJobBody.safeParse(event.body);
  if (!job.success) {
    logJob('sync-job', 'dropped a malformed job');
    return;
  }
  logJob('sync-job', `received ${job.data.reason} sync of ${job.data.projectKey}; the sync pipeline is not installed yet`);
}
