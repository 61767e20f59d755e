import type { AuditLog, Clock, PersonalDataIndex } from '../ports';
import type { AuditAction, AuditEntry, AuditLogPage } from '../shared/resolver-contract';

/** The person changing settings, as the platform (never the payload) identifies them. */
export interface Actor {
  accountId: string;
}

export interface AuditTrailPorts {
  auditLog: AuditLog;
  personalData: PersonalDataIndex;
  clock: Clock;
}

/**
 * Records who did what. The actor is indexed first, so every accountId in the log is one the personal-data
 * cycle can find. Details are plain facts chosen by each use-case: never a token or any part of one.
 */
export async function recordAudit(
  ports: AuditTrailPorts,
  actor: Actor,
  action: AuditAction,
  subject: string | null,
  details: AuditEntry['details'] = {},
): Promise<void> {
  const at = ports.clock.now().toISOString();
  await ports.personalData.remember(actor.accountId, 'audit-actor', at);
  await ports.auditLog.append({ id: crypto.randomUUID(), at, actorAccountId: actor.accountId, action, subject, details });
}

export function readAuditLog(ports: Pick<AuditTrailPorts, 'auditLog'>, page?: number): Promise<AuditLogPage> {
  return ports.auditLog.page(page);
}
