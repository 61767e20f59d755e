import { z } from 'zod';
import { isKvsRateLimited } from '../adapters/kvs/kvs-rate-limit';
import { runPurgeSlice, type PurgeJob, type PurgeRunPorts, type PurgeSliceOutcome } from '../app/privacy/expired-data-purge';
import { logJob } from '../app/job-log';
import { isProjectKey } from '../app/project-key';
import { appAdapters, type AppAdapters } from './composition-root';

function purgeRunPorts(adapters: AppAdapters): PurgeRunPorts {
  return {
    retention: adapters.retention,
    githubConnection: adapters.githubConnection,
    pullRequests: adapters.pullRequests,
    lastPurge: adapters.lastPurge,
    auditLog: adapters.auditLog,
    connections: [adapters.githubConnection, adapters.slackConnection],
    personalData: adapters.personalData,
    history: adapters.history,
    locks: adapters.locks,
    measured: adapters.measured,
    storedProjects: adapters.storedProjects,
    unmeasured: adapters.unmeasured,
    purges: adapters.purgeScheduler,
    budget: adapters.budget,
    clock: adapters.clock,
  };
}

/** Counts and project keys only. */
function describe(outcome: PurgeSliceOutcome): string {
  if (outcome.kind === 'continues') {
    const next = outcome.nextProject ?? `the pull requests of repository ${outcome.nextRepository}`;
    return `time running short: continues on the queue from ${next}`;
  }
  const run = outcome.outcome;
  return (
    `retention ${run.retentionDays} days: removed ${run.removedAuditEntries} audit entries, ${run.removedIssues} issues ` +
    `and ${run.removedPullRequests} pull requests; ` +
    `erased ${run.erasedProjects.length} unmeasured project(s), skipped ${run.skippedProjects.length} busy project(s)`
  );
}

/**
 * Scheduled trigger `retention-purge` (daily): drops what is older than the retention window (the same code
 * as the settings page's "purge now": audit log, personal-data index, and the issue histories of every
 * project in storage, measured or not), then runs the re-seal job, so tokens move to a newly added sealing
 * key within a day even if no admin asks. All are idempotent, as duplicated trigger runs require. Projects
 * this invocation has no time for continue on the `sync-jobs` queue.
 */
export async function retentionPurge(): Promise<(PurgeSliceOutcome & { resealed: number }) | { kind: 'queued' }> {
  const adapters = appAdapters();
  const ports = purgeRunPorts(adapters);
  let outcome: PurgeSliceOutcome;
  try {
    outcome = await runPurgeSlice(ports, { requestedBy: null, progress: null });
  } catch (error) {
    // A scheduled run is not retried: with the storage quota spent, the day's run goes to the queue, whose
    // consumer waits out the minute (src/handlers/sync-job-worker.ts). The purge is idempotent.
    if (!isKvsRateLimited(error)) throw error;
    await ports.purges.queuePurge({ requestedBy: null, progress: null });
    logJob('retention-purge', 'storage quota spent: continues on the queue');
    return { kind: 'queued' };
  }
  logJob('retention-purge', describe(outcome));

  const vault = adapters.vault;
  let resealed = 0;
  if (vault.sealingStatus().configured) {
    const reseal = await vault.resealAll();
    resealed = reseal.resealed;
    logJob(
      'reseal-secrets',
      `newest key ${reseal.newestKeyId}: resealed ${reseal.resealed}, current ${reseal.alreadyCurrent}, unreadable ${reseal.unreadable}`,
    );
  }
  return { ...outcome, resealed };
}

const REPOSITORY_NAME = /^[a-z0-9-]{1,39}\/[a-z0-9._-]{1,100}$/;

const projectKeys = z.array(z.string().refine(isProjectKey, 'not a project key')).max(10_000);

/** A purge slice as the queue delivers it (see src/adapters/forge-queue/forge-purge-scheduler.ts). */
export const retentionPurgeJob = z.object({
  job: z.literal('retention-purge'),
  requestedBy: z.string().min(1).max(128).nullable(),
  progress: z
    .object({
      at: z.string().datetime(),
      retentionDays: z.number().int().positive(),
      removedAuditEntries: z.number().int().min(0),
      removedIssues: z.number().int().min(0),
      // Absent from slices queued before pull requests were purged.
      removedPullRequests: z.number().int().min(0).default(0),
      erasedProjects: projectKeys,
      skippedProjects: projectKeys,
      nextProject: z.string().refine(isProjectKey, 'not a project key').nullable(),
      nextRepository: z.union([z.literal(''), z.string().regex(REPOSITORY_NAME)]).default(''),
    })
    .nullable(),
});

/** A queued slice: "purge now" from the settings page, or the rest of a run that ran short of time. */
export async function retentionPurgeSlice(job: PurgeJob): Promise<PurgeSliceOutcome> {
  const outcome = await runPurgeSlice(purgeRunPorts(appAdapters()), job);
  logJob('retention-purge', `${job.requestedBy === null ? 'daily' : 'admin'} run: ${describe(outcome)}`);
  return outcome;
}
