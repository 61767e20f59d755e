import type { AuditLog, Clock, StoredDocument } from '../ports';
import type { PurgeOutcome } from '../shared/resolver-contract';
import { recordAudit, type Actor, type AuditTrailPorts } from './audit-trail';
import { forgetUnnamedAccounts, type UnnamedAccountsPorts } from './privacy/unnamed-accounts';
import { readRetentionDays, type RetentionSettings } from './retention-window';

const DAY_MS = 86_400_000;

export interface ExpiredDataPurgePorts extends UnnamedAccountsPorts {
  retention: StoredDocument<RetentionSettings>;
  lastPurge: StoredDocument<PurgeOutcome>;
  auditLog: AuditLog;
  clock: Clock;
}

/**
 * Drops what is older than the retention window: the daily job and the settings page's "purge now" run this
 * same code. Expired audit entries go, then the personal-data index entries of accounts that only they named.
 * Issue histories name nobody (no assignees are kept); the daily job purges them after this.
 */
export async function purgeExpiredData(ports: ExpiredDataPurgePorts): Promise<PurgeOutcome> {
  const now = ports.clock.now();
  const retentionDays = await readRetentionDays(ports.retention);
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const { removed, formerActors } = await ports.auditLog.pruneOlderThan(cutoff);
  await forgetUnnamedAccounts(ports, formerActors);
  const outcome: PurgeOutcome = { at: now.toISOString(), retentionDays, removed };
  await ports.lastPurge.write(outcome);
  return outcome;
}

export async function purgeNow(ports: ExpiredDataPurgePorts & AuditTrailPorts, actor: Actor): Promise<PurgeOutcome> {
  const outcome = await purgeExpiredData(ports);
  await recordAudit(ports, actor, 'data.purged', null, { retentionDays: outcome.retentionDays, removed: outcome.removed });
  return outcome;
}
