import { SECRET_NAMES, type AppStorage, type ErasureGenerations, type SecretVault } from '../../ports';
import { ERASE_CONFIRMATION_PHRASE, type AppDataErased, type EraseAllAppDataPayload } from '../../shared/resolver-contract';
import { AppError } from '../app-error';
import { recordAudit, type Actor, type AuditTrailPorts } from '../audit/audit-trail';

export interface AppDataErasurePorts extends AuditTrailPorts {
  storage: AppStorage;
  vault: SecretVault;
  erasures: ErasureGenerations;
}

/** Each call stops deleting after this long, well inside the resolver's 25 seconds; the page calls again. */
const ERASE_BUDGET_MS = 15_000;

/**
 * Erases everything the app stores for this site: tokens first (they matter most), then every plain value,
 * including the list of measured projects, so syncing stops. Large sites take several calls; each must carry
 * the typed confirmation again. When nothing is left, the erase itself is recorded: the audit log starts
 * again with who erased it and when.
 *
 * Sync jobs already queued or running would write their projects back: the erasure count moves on before
 * anything is deleted, and a job queued under an older count writes nothing more (see
 * src/app/sync/sync-mandate.ts).
 */
export async function eraseAllAppData(ports: AppDataErasurePorts, actor: Actor, request: EraseAllAppDataPayload): Promise<AppDataErased> {
  if (request.confirmation.trim().toLowerCase() !== ERASE_CONFIRMATION_PHRASE) {
    throw new AppError('INVALID_INPUT', `Nothing was erased: type "${ERASE_CONFIRMATION_PHRASE}" to confirm.`);
  }
  await ports.erasures.advance();
  let erasedSecrets = 0;
  for (const name of SECRET_NAMES) {
    if (await ports.vault.holds(name)) erasedSecrets += 1;
    await ports.vault.remove(name);
  }
  const { erased, done } = await ports.storage.eraseValues(ports.clock.now().getTime() + ERASE_BUDGET_MS);
  if (done) await recordAudit(ports, actor, 'data.erased', null, { erasedValues: erased, erasedSecrets });
  return { done, erasedValues: erased, erasedSecrets };
}
