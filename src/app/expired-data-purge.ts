import { MS_PER_DAY } from '../domain';
import type { AuditLog, Clock, StoredDocument, WorkBudget } from '../ports';
import type { PurgeOutcome, PurgeQueued } from '../shared/resolver-contract';
import { claimAdminRequest, type AdminRequestThrottlePorts } from './admin-request-throttle';
import { recordAudit, type Actor } from './audit-trail';
import { forgetUnnamedAccounts, type UnnamedAccountsPorts } from './privacy/unnamed-accounts';
import { readRetentionDays, type RetentionSettings } from './retention-window';
import { purgeStoredProjects, type StoredProjectsPurgePorts } from './sync/stored-projects-purge';

/** A run part-way through its projects: what it removed so far, and the project it goes on from. */
export interface PurgeProgress extends Omit<PurgeOutcome, 'removed'> {
  nextProject: string;
}

/**
 * One invocation's share of a purge run, as the queue carries it. `requestedBy` is the admin who pressed
 * "purge now" (the run is audited in their name when it finishes), null for the daily run.
 * `progress` is null for a run that has not started.
 */
export interface PurgeJob {
  requestedBy: string | null;
  progress: PurgeProgress | null;
}

/** Hands the rest of a purge run to a later invocation (the `sync-jobs` queue in Forge). */
export interface PurgeScheduler {
  queuePurge(job: PurgeJob): Promise<void>;
}

export interface ExpiredDataPurgePorts extends UnnamedAccountsPorts, StoredProjectsPurgePorts {
  retention: StoredDocument<RetentionSettings>;
  lastPurge: StoredDocument<PurgeOutcome>;
  auditLog: AuditLog;
  clock: Clock;
}

export interface PurgeRunPorts extends ExpiredDataPurgePorts {
  purges: PurgeScheduler;
  /** The time this invocation has left: a run that runs short hands its remaining projects over. */
  budget: WorkBudget;
}

export type PurgeSliceOutcome = { kind: 'finished'; outcome: PurgeOutcome } | { kind: 'continues'; nextProject: string };

/**
 * Drops what is older than the retention window: the daily job and the settings page's "purge now" run this
 * same code. Expired audit entries go, then the personal-data index entries of accounts that only they named,
 * then the issue histories of every stored project, measured or not (projects no longer measured go whole
 * once their window has passed). Issue histories name nobody (no assignees are kept).
 *
 * A run over many projects may outlast its invocation: when the time left runs short, what it removed so far
 * and the next project go onto the queue, and the next invocation carries on from there. Only the last one
 * records the run (the settings page's "last purge"), and, for "purge now", audits it in the admin's name.
 */
export async function runPurgeSlice(ports: PurgeRunPorts, job: PurgeJob): Promise<PurgeSliceOutcome> {
  const progress = job.progress ?? (await startPurge(ports));
  const holder = `${job.requestedBy === null ? 'retention-purge' : 'purge-now'}:${progress.at}`;
  const projects = await purgeStoredProjects(ports, progress.retentionDays, holder, { from: progress.nextProject, budget: ports.budget });
  const { nextProject: _from, ...sofar } = progress;
  const run = {
    ...sofar,
    removedIssues: sofar.removedIssues + projects.removedIssues,
    erasedProjects: [...sofar.erasedProjects, ...projects.erasedProjects],
    skippedProjects: [...sofar.skippedProjects, ...projects.skippedProjects],
  };
  if (projects.nextProject !== null) {
    await ports.purges.queuePurge({ requestedBy: job.requestedBy, progress: { ...run, nextProject: projects.nextProject } });
    return { kind: 'continues', nextProject: projects.nextProject };
  }
  const outcome: PurgeOutcome = { ...run, removed: run.removedAuditEntries + run.removedIssues };
  await ports.lastPurge.write(outcome);
  if (job.requestedBy !== null) await auditPurge(ports, { accountId: job.requestedBy }, outcome);
  return { kind: 'finished', outcome };
}

/** The first slice of a run: the window, and the audit log and personal-data index pruned to it. */
async function startPurge(ports: ExpiredDataPurgePorts): Promise<PurgeProgress> {
  const now = ports.clock.now();
  const retentionDays = await readRetentionDays(ports.retention);
  const cutoff = new Date(now.getTime() - retentionDays * MS_PER_DAY).toISOString();
  const audit = await ports.auditLog.pruneOlderThan(cutoff);
  await forgetUnnamedAccounts(ports, audit.formerActors);
  // An empty key sorts before every project key: the run starts at the first project.
  return { at: now.toISOString(), retentionDays, removedAuditEntries: audit.removed, removedIssues: 0, erasedProjects: [], skippedProjects: [], nextProject: '' };
}

async function auditPurge(ports: ExpiredDataPurgePorts, actor: Actor, outcome: PurgeOutcome): Promise<void> {
  const { retentionDays, removed, removedAuditEntries, removedIssues } = outcome;
  await recordAudit(ports, actor, 'data.purged', null, {
    retentionDays,
    removed,
    removedAuditEntries,
    removedIssues,
    // Audit details are flat values: the project keys, comma-separated.
    erasedProjects: outcome.erasedProjects.join(', '),
    skippedProjects: outcome.skippedProjects.join(', '),
  });
}

/**
 * The settings page's "purge now": the daily purge at once (once per period), run on the queue rather than
 * in the resolver, whose 25 seconds a site with many projects would outlast. The page follows the run
 * through `getDataPrivacy` until the last purge is newer than `requestedAt`.
 */
export async function purgeNow(ports: AdminRequestThrottlePorts & { purges: PurgeScheduler }, actor: Actor): Promise<PurgeQueued> {
  await claimAdminRequest(ports, actor, 'purge-now');
  const requestedAt = ports.clock.now().toISOString();
  await ports.purges.queuePurge({ requestedBy: actor.accountId, progress: null });
  return { queued: true, requestedAt };
}
