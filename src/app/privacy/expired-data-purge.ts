import { MS_PER_DAY } from '../../domain';
import type { AuditLog, Clock, PullRequestStore, StoredDocument, WorkBudget } from '../../ports';
import type { PurgeOutcome, PurgeQueued } from '../../shared/resolver-contract';
import { claimAdminRequest, type AdminRequestThrottlePorts } from '../access/admin-request-throttle';
import { recordAudit, type Actor } from '../audit/audit-trail';
import { forgetUnnamedAccounts, type UnnamedAccountsPorts } from './unnamed-accounts';
import { readRetentionDays, type RetentionSettings } from './retention-window';
import { purgeStoredProjects, PURGE_RESERVE_MS, type StoredProjectsPurgePorts } from '../sync/stored-projects-purge';
import { retentionCutoff } from '../sync/retention-rule';

/** What a finished retention purge removed, as the use-case keeps it (stored as LAST_PURGE_RECORD). */
export interface RetentionPurgeOutcome {
  at: string;
  retentionDays: number;
  /** Stored records dropped because they were older than the retention window: audit entries, issues, pull requests. */
  removed: number;
  removedAuditEntries: number;
  removedIssues: number;
  /** Pull requests merged or closed before the window's start. */
  removedPullRequests: number;
  /** Projects no longer measured whose every stored value was deleted (see src/app/sync/stored-projects-purge.ts). */
  erasedProjects: string[];
  /** Projects a sync was holding, left for the next run. */
  skippedProjects: string[];
}

/** What the privacy tab is shown of the last purge, field by field (the page's type may change apart from storage). */
export function purgeForPage(outcome: RetentionPurgeOutcome): PurgeOutcome {
  return {
    at: outcome.at,
    retentionDays: outcome.retentionDays,
    removed: outcome.removed,
    removedAuditEntries: outcome.removedAuditEntries,
    removedIssues: outcome.removedIssues,
    removedPullRequests: outcome.removedPullRequests,
    erasedProjects: [...outcome.erasedProjects],
    skippedProjects: [...outcome.skippedProjects],
  };
}

/**
 * A run part-way: what it removed so far, and where it goes on from. Projects come first, from `nextProject`;
 * once they are all done (`nextProject` null), the watched repositories' pull requests, from `nextRepository`
 * (a repository name, lower-case; '' for the first).
 */
interface PurgeProgress extends Omit<RetentionPurgeOutcome, 'removed'> {
  nextProject: string | null;
  nextRepository: string;
}

/** The watched repositories, as the GitHub connection lists them (removed ones were erased when removed). */
interface WatchedRepositoriesRecord {
  repositories: Array<{ fullName: string }>;
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

interface ExpiredDataPurgePorts extends UnnamedAccountsPorts, StoredProjectsPurgePorts {
  retention: StoredDocument<RetentionSettings>;
  githubConnection: StoredDocument<WatchedRepositoriesRecord>;
  pullRequests: Pick<PullRequestStore, 'purgeClosedBefore'>;
  lastPurge: StoredDocument<RetentionPurgeOutcome>;
  auditLog: AuditLog;
  clock: Clock;
}

export interface PurgeRunPorts extends ExpiredDataPurgePorts {
  purges: PurgeScheduler;
  /** The time this invocation has left: a run that runs short hands its remaining projects over. */
  budget: WorkBudget;
}

/** A run that continues names where: the next project, or the next repository once the projects are done. */
export type PurgeSliceOutcome =
  { kind: 'finished'; outcome: RetentionPurgeOutcome } | { kind: 'continues'; nextProject: string | null; nextRepository: string };

/**
 * Drops what is older than the retention window: the daily job and the settings page's "purge now" run this
 * same code. Expired audit entries go, then the personal-data index entries of accounts that only they named,
 * then the issue histories of every stored project, measured or not (projects no longer measured go whole
 * once their window has passed), then the pull requests of every watched repository merged or closed before
 * the window's start (open ones stay, whatever their age). Neither names anybody.
 *
 * A run over many projects may outlast its invocation: when the time left runs short, what it removed so far
 * and the next project go onto the queue, and the next invocation carries on from there. Only the last one
 * records the run (the settings page's "last purge"), and, for "purge now", audits it in the admin's name.
 */
export async function runPurgeSlice(ports: PurgeRunPorts, job: PurgeJob): Promise<PurgeSliceOutcome> {
  const progress = job.progress ?? (await startPurge(ports));
  const holder = `${job.requestedBy === null ? 'retention-purge' : 'purge-now'}:${progress.at}`;
  const { nextProject: from, nextRepository, ...sofar } = progress;
  let run = sofar;
  if (from !== null) {
    const projects = await purgeStoredProjects(ports, progress.retentionDays, holder, { from, budget: ports.budget });
    run = {
      ...run,
      removedIssues: run.removedIssues + projects.removedIssues,
      erasedProjects: [...run.erasedProjects, ...projects.erasedProjects],
      skippedProjects: [...run.skippedProjects, ...projects.skippedProjects],
    };
    if (projects.nextProject !== null) return continueLater(ports, job, { ...run, nextProject: projects.nextProject, nextRepository: '' });
  }
  const cutoff = retentionCutoff(new Date(progress.at), progress.retentionDays);
  const pulls = await purgeExpiredPullRequests(ports, cutoff, nextRepository, from === null);
  run = { ...run, removedPullRequests: run.removedPullRequests + pulls.removed };
  if (pulls.nextRepository !== null) return continueLater(ports, job, { ...run, nextProject: null, nextRepository: pulls.nextRepository });
  const outcome: RetentionPurgeOutcome = { ...run, removed: run.removedAuditEntries + run.removedIssues + run.removedPullRequests };
  await ports.lastPurge.write(outcome);
  if (job.requestedBy !== null) await auditPurge(ports, { accountId: job.requestedBy }, outcome);
  return { kind: 'finished', outcome };
}

async function continueLater(ports: PurgeRunPorts, job: PurgeJob, progress: PurgeProgress): Promise<PurgeSliceOutcome> {
  await ports.purges.queuePurge({ requestedBy: job.requestedBy, progress });
  return { kind: 'continues', nextProject: progress.nextProject, nextRepository: progress.nextRepository };
}

/**
 * The watched repositories' pull requests closed before `cutoff`, in name order from `from`, until the time
 * left runs short. A slice that starts here (the projects were done by an earlier one) purges at least one
 * repository, so a run always gets somewhere.
 */
async function purgeExpiredPullRequests(
  ports: PurgeRunPorts,
  cutoff: number,
  from: string,
  startsHere: boolean,
): Promise<{ removed: number; nextRepository: string | null }> {
  const record = await ports.githubConnection.read();
  const repositories = [...new Set((record?.repositories ?? []).map((repository) => repository.fullName.toLowerCase()))]
    .sort()
    .filter((name) => name >= from);
  let removed = 0;
  for (const [index, repository] of repositories.entries()) {
    if (!(startsHere && index === 0) && ports.budget.remainingMs() < PURGE_RESERVE_MS) return { removed, nextRepository: repository };
    removed += await ports.pullRequests.purgeClosedBefore(repository, cutoff);
  }
  return { removed, nextRepository: null };
}

/** The first slice of a run: the window, and the audit log and personal-data index pruned to it. */
async function startPurge(ports: ExpiredDataPurgePorts): Promise<PurgeProgress> {
  const now = ports.clock.now();
  const retentionDays = await readRetentionDays(ports.retention);
  const cutoff = new Date(now.getTime() - retentionDays * MS_PER_DAY).toISOString();
  const audit = await ports.auditLog.pruneOlderThan(cutoff);
  await forgetUnnamedAccounts(ports, audit.formerActors);
  // An empty key sorts before every project key: the run starts at the first project.
  return {
    at: now.toISOString(),
    retentionDays,
    removedAuditEntries: audit.removed,
    removedIssues: 0,
    removedPullRequests: 0,
    erasedProjects: [],
    skippedProjects: [],
    nextProject: '',
    nextRepository: '',
  };
}

async function auditPurge(ports: ExpiredDataPurgePorts, actor: Actor, outcome: RetentionPurgeOutcome): Promise<void> {
  const { retentionDays, removed, removedAuditEntries, removedIssues, removedPullRequests } = outcome;
  await recordAudit(ports, actor, 'data.purged', null, {
    retentionDays,
    removed,
    removedAuditEntries,
    removedIssues,
    removedPullRequests,
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
