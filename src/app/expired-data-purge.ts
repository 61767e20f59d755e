import type { AuditLog, Clock, PersonalDataIndex, StoredDocument } from '../ports';
import type { PurgeOutcome } from '../shared/resolver-contract';
import { recordAudit, type Actor, type AuditTrailPorts } from './audit-trail';
import type { ConnectionRecord } from './privacy/closed-account-erasure';
import { FORMER_USER } from './privacy/former-user';
import { readRetentionDays, type RetentionSettings } from './retention-window';

const DAY_MS = 86_400_000;

export interface ExpiredDataPurgePorts {
  retention: StoredDocument<RetentionSettings>;
  lastPurge: StoredDocument<PurgeOutcome>;
  auditLog: AuditLog;
  /** The connection records, the only other values that name an account (who connected the token). */
  connections: ReadonlyArray<StoredDocument<ConnectionRecord>>;
  personalData: PersonalDataIndex;
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
  await forgetUnreferenced(ports, formerActors);
  const outcome: PurgeOutcome = { at: now.toISOString(), retentionDays, removed };
  await ports.lastPurge.write(outcome);
  return outcome;
}

/**
 * Drops the index entry of each account the purged entries named, unless something kept still names it. The
 * references are recounted from what remains (the audit log has told us who it no longer names; the
 * connection records are two reads) rather than kept as per-account counts: counts would cost an index write
 * on every audit entry, could drift under the log's merge-on-race appends, and the index's `uses` cannot be
 * trusted for this (a disconnected token leaves its use behind). This costs reads only, and only on days
 * something expired. An account that acts in the instant between this check and its new entry being written
 * is re-indexed by its next action.
 */
async function forgetUnreferenced(ports: ExpiredDataPurgePorts, formerActors: readonly string[]): Promise<void> {
  const candidates = formerActors.filter((accountId) => accountId !== FORMER_USER);
  if (candidates.length === 0) return;
  const connectedBy = new Set<string>();
  for (const connection of ports.connections) {
    const record = await connection.read();
    if (record) connectedBy.add(record.connectedBy);
  }
  for (const accountId of candidates) {
    if (!connectedBy.has(accountId)) await ports.personalData.forget(accountId);
  }
}

export async function purgeNow(ports: ExpiredDataPurgePorts & AuditTrailPorts, actor: Actor): Promise<PurgeOutcome> {
  const outcome = await purgeExpiredData(ports);
  await recordAudit(ports, actor, 'data.purged', null, { retentionDays: outcome.retentionDays, removed: outcome.removed });
  return outcome;
}
