import { z } from 'zod';
import { systemClock } from '../adapters/clock/system-clock';
import { ForgePurgeScheduler } from '../adapters/forge-queue/forge-purge-scheduler';
import { InvocationBudget } from '../adapters/forge-runtime/invocation-budget';
import { KvsAuditLog } from '../adapters/kvs/kvs-audit-log';
import { KvsDocument } from '../adapters/kvs/kvs-document';
import { KvsHistoryStore } from '../adapters/kvs/kvs-history-store';
import { KvsMeasuredProjects } from '../adapters/kvs/kvs-measured-projects';
import { KvsPersonalDataIndex } from '../adapters/kvs/kvs-personal-data-index';
import { KvsProjectLocks } from '../adapters/kvs/kvs-project-locks';
import { isKvsRateLimited } from '../adapters/kvs/kvs-rate-limit';
import { KvsPullRequestStore } from '../adapters/kvs/kvs-pull-request-store';
import { KvsStoredProjects } from '../adapters/kvs/kvs-stored-projects';
import { KvsUnmeasuredProjects } from '../adapters/kvs/kvs-unmeasured-projects';
import { storageKeys } from '../adapters/kvs/storage-keys';
import { KvsSecretVault } from '../adapters/secrets/kvs-secret-vault';
import {
  runPurgeSlice,
  type PurgeJob,
  type PurgeRunPorts,
  type PurgeSliceOutcome,
  type WatchedRepositoriesRecord,
} from '../app/privacy/expired-data-purge';
import { logJob } from '../app/job-log';
import type { ConnectionRecord } from '../app/privacy/closed-account-erasure';
import { isProjectKey } from '../app/project-key';
import type { RetentionSettings } from '../app/privacy/retention-window';
import type { PurgeOutcome } from '../shared/resolver-contract';

function purgeRunPorts(): PurgeRunPorts {
  return {
    retention: new KvsDocument<RetentionSettings>(storageKeys.retentionSettings),
    githubConnection: new KvsDocument<WatchedRepositoriesRecord>(storageKeys.githubConnection),
    pullRequests: new KvsPullRequestStore(),
    lastPurge: new KvsDocument<PurgeOutcome>(storageKeys.lastRetentionPurge),
    auditLog: new KvsAuditLog(),
    connections: [
      new KvsDocument<ConnectionRecord>(storageKeys.githubConnection),
      new KvsDocument<ConnectionRecord>(storageKeys.slackConnection),
    ],
    personalData: new KvsPersonalDataIndex(),
    history: new KvsHistoryStore(),
    locks: new KvsProjectLocks(),
    measured: new KvsMeasuredProjects(),
    storedProjects: new KvsStoredProjects(),
    unmeasured: new KvsUnmeasuredProjects(),
    purges: new ForgePurgeScheduler(),
    budget: new InvocationBudget(),
    clock: systemClock,
  };
}

/** Counts and project keys only. */
function describe(outcome: PurgeSliceOutcome): string {
  if (outcome.kind === 'continues') {
    return `time running short: continues on the queue from ${outcome.nextProject ?? `the pull requests of repository ${outcome.nextRepository}`}`;
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
  const ports = purgeRunPorts();
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

  const vault = new KvsSecretVault();
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
  const outcome = await runPurgeSlice(purgeRunPorts(), job);
  logJob('retention-purge', `${job.requestedBy === null ? 'daily' : 'admin'} run: ${describe(outcome)}`);
  return outcome;
}
