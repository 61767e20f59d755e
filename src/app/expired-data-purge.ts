import { MS_PER_DAY } from '../domain/calendar-day';
import type { AuditLog, Clock, StoredDocument } from '../ports';
import type { PurgeOutcome } from '../shared/resolver-contract';
import { claimAdminRequest, type AdminRequestThrottlePorts } from './admin-request-throttle';
import { recordAudit, type Actor } from './audit-trail';
import { forgetUnnamedAccounts, type UnnamedAccountsPorts } from './privacy/unnamed-accounts';
import { readRetentionDays, type RetentionSettings } from './retention-window';
import { purgeStoredProjects, type StoredProjectsPurgePorts } from './sync/stored-projects-purge';


export interface ExpiredDataPurgePorts extends UnnamedAccountsPorts, StoredProjectsPurgePorts {
  retention: StoredDocument<RetentionSettings>;
  lastPurge: StoredDocument<PurgeOutcome>;
  auditLog: AuditLog;
  clock: Clock;
}

/**
 * Drops what is older than the retention window: the daily job and the settings page's "purge now" run this
 * same code. Expired audit entries go, then the personal-data index entries of accounts that only they named,
 * then the issue histories of every stored project, measured or not (projects no longer measured go whole
 * once their window has passed). Issue histories name nobody (no assignees are kept).
 * `holder` names the run in the project locks it takes.
 */
export async function purgeExpiredData(ports: ExpiredDataPurgePorts, holder: string): Promise<PurgeOutcome> {
  const now = ports.clock.now();
  const retentionDays = await readRetentionDays(ports.retention);
  const cutoff = new Date(now.getTime() - retentionDays * MS_PER_DAY).toISOString();
  const audit = await ports.auditLog.pruneOlderThan(cutoff);
  await forgetUnnamedAccounts(ports, audit.formerActors);
  const projects = await purgeStoredProjects(ports, retentionDays, `${holder}:${now.toISOString()}`);
  const outcome: PurgeOutcome = {
    at: now.toISOString(),
    retentionDays,
    removed: audit.removed + projects.removedIssues,
    removedAuditEntries: audit.removed,
    removedIssues: projects.removedIssues,
    erasedProjects: projects.erasedProjects,
    skippedProjects: projects.skippedProjects,
  };
  await ports.lastPurge.write(outcome);
  return outcome;
}

/** The settings page's "purge now": the daily purge at once (once per period), recorded with what it removed. */
export async function purgeNow(ports: ExpiredDataPurgePorts & AdminRequestThrottlePorts, actor: Actor): Promise<PurgeOutcome> {
  await claimAdminRequest(ports, actor, 'purge-now');
  const outcome = await purgeExpiredData(ports, 'purge-now');
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
  return outcome;
}
