import type { AuditDetails, AuditLog, Clock } from '../../ports';
import type { AuditAction } from '../../shared/resolver-contract';
import { forgetUnnamedAccounts, type UnnamedAccountsPorts } from '../privacy/unnamed-accounts';

/** The person changing settings, as the platform (never the payload) identifies them. */
export interface Actor {
  accountId: string;
}

export interface AuditTrailPorts extends UnnamedAccountsPorts {
  auditLog: AuditLog;
  clock: Clock;
}

/**
 * Records who did what. The actor is indexed first, so every accountId in the log is one the personal-data
 * cycle can find. When the log is full its oldest page makes room, and accounts only that page named leave the
 * index as they do after the retention purge. Details are plain facts chosen by each use-case: never a token
 * or any part of one.
 */
export async function recordAudit(
  ports: AuditTrailPorts,
  actor: Actor,
  action: AuditAction,
  subject: string | null,
  details: AuditDetails = {},
): Promise<void> {
  const at = ports.clock.now().toISOString();
  await ports.personalData.remember(actor.accountId, 'audit-actor', at);
  const dropped = await ports.auditLog.append({ id: crypto.randomUUID(), at, actorAccountId: actor.accountId, action, subject, details });
  await forgetUnnamedAccounts(ports, dropped.formerActors);
}
