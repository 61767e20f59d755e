import type { AsyncEvent } from '@forge/events';
import { z } from 'zod';
import { retryLater } from '../adapters/forge-queue/queue-retry';
import { isKvsRateLimited, KVS_QUOTA_RETRY_SECONDS } from '../adapters/kvs/kvs-rate-limit';
import { isProjectKey } from '../app/project-key';
import { logJob } from '../app/job-log';
import { runSyncJob } from '../app/sync/sync-job';
import { licenceFromContext } from './installation-licence-context';
import { personalDataReportSlice } from './personal-data-report';
import { retentionPurgeJob, retentionPurgeSlice } from './retention-purge';
import { slackDigestJob, slackDigestSlice } from './slack-digest';
import { syncPorts, syncTuning } from './sync-wiring';

const syncJobBody = z.object({
  projectKey: z.string().refine(isProjectKey, 'not a project key'),
  reason: z.enum(['scheduled', 'sync-now', 'backfill', 'rebuild']),
  // Jobs queued before the app carried a generation were queued before any erasure it counted.
  erasure: z.number().int().min(0).default(0),
});

/** A slice of the personal-data report, which shares this queue (see forge-personal-data-report-scheduler.ts). */
const personalDataReportJob = z.object({
  job: z.literal('personal-data-report'),
  runId: z.string().min(1).max(100),
});

/**
 * Consumer of the `sync-jobs` queue: one bounded slice of one project's sync (see src/app/sync/sync-job.ts),
 * of a personal-data report run (see src/handlers/personal-data-report.ts), of a retention purge or of a
 * Slack digest that ran short of time, told apart by the body.
 * A malformed job is dropped with a log line rather than thrown, because a thrown error makes the platform
 * retry a job that can never succeed. A failed sync asks the platform to deliver the job again later.
 * While the site's licence is inactive, sync jobs are dropped and report slices still run.
 */
export async function syncJobWorker(event: AsyncEvent, context?: unknown) {
  const report = personalDataReportJob.safeParse(event.body);
  // The personal-data report runs whatever the licence says: it is a legal obligation.
  if (report.success) {
    try {
      await personalDataReportSlice(report.data.runId);
    } catch (error) {
      // A slice resumes from the run's stored cursor, so it may run again; not within the same quota minute.
      if (!isKvsRateLimited(error)) throw error;
      logJob('personal-data-report', 'storage quota spent, resuming in a minute');
      return retryLater(KVS_QUOTA_RETRY_SECONDS);
    }
    return undefined;
  }
  // So does the retention purge (see src/handlers/retention-purge.ts): deleting expired data is owed anyway.
  const purge = retentionPurgeJob.safeParse(event.body);
  if (purge.success) {
    try {
      await retentionPurgeSlice(purge.data);
    } catch (error) {
      // The purge is idempotent, so the same slice may run again; but the platform's own retries come within
      // seconds, inside the same quota minute, and then drop the slice (an admin's "purge now" with it).
      if (!isKvsRateLimited(error)) throw error;
      logJob('retention-purge', 'storage quota spent, resuming in a minute');
      return retryLater(KVS_QUOTA_RETRY_SECONDS);
    }
    return undefined;
  }
  const digest = slackDigestJob.safeParse(event.body);
  if (digest.success) {
    await slackDigestSlice(digest.data, context);
    return undefined;
  }
  const job = syncJobBody.safeParse(event.body);
  if (!job.success) {
    logJob('sync-job', 'dropped a malformed job');
    return;
  }
  const { projectKey, reason, erasure } = job.data;
  if (!licenceFromContext(context).active) {
    // Acknowledged, not retried: the cursor stays in KVS, and the first hourly sync after renewal resumes.
    logJob('sync-job', `${reason} sync of ${projectKey}: skipped, licence inactive`);
    return undefined;
  }
  let outcome: Awaited<ReturnType<typeof runSyncJob>>;
  try {
    outcome = await runSyncJob(
      syncPorts(),
      { projectKey, reason, holder: event.eventId || event.jobId, attempt: event.retryContext?.retryCount ?? 0, erasure },
      syncTuning(),
    );
  } catch (error) {
    // Storage over its quota even for recording the failure: the history and cursor are as the last
    // completed step left them, so the same job resumes from the cursor once the minute has passed. (The
    // platform's own retries come within seconds and give up after a few, which would drop the sync.)
    if (!isKvsRateLimited(error)) throw error;
    logJob('sync-job', `${reason} sync of ${projectKey}: storage quota spent, resuming in a minute`);
    return retryLater(KVS_QUOTA_RETRY_SECONDS);
  }
  logJob('sync-job', `${reason} sync of ${projectKey}: ${outcome.kind}`);
  if ((outcome.kind === 'failed' || outcome.kind === 'busy') && outcome.retryAfterSeconds !== null) {
    return retryLater(outcome.retryAfterSeconds);
  }
  return undefined;
}
