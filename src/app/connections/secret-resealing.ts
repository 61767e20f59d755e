import type { SecretVault } from '../../ports';
import type { ResealOutcome } from '../../shared/resolver-contract';
import { recordAudit, type Actor, type AuditTrailPorts } from '../audit/audit-trail';

export interface SecretResealingPorts extends AuditTrailPorts {
  vault: SecretVault;
}

/**
 * Moves every stored token to the newest sealing key, on an admin's request (after a key was added). The
 * daily job does the same without an actor; old keys can be removed from the variable once both report
 * nothing left to move.
 */
export async function resealSecrets(ports: SecretResealingPorts, actor: Actor): Promise<ResealOutcome> {
  const outcome = await ports.vault.resealAll();
  await recordAudit(ports, actor, 'secrets.resealed', null, {
    newestKeyId: outcome.newestKeyId,
    resealed: outcome.resealed,
    unreadable: outcome.unreadable,
  });
  return outcome;
}
