import type { PersonalDataIndex, StoredDocument } from '../../ports';
import type { ConnectionRecord } from './closed-account-erasure';
import { FORMER_USER } from './former-user';

export interface UnnamedAccountsPorts {
  /** The connection records, the only values besides the audit log that name an account (who connected the token). */
  connections: ReadonlyArray<StoredDocument<ConnectionRecord>>;
  personalData: PersonalDataIndex;
}

/**
 * Drops the index entry of each of `formerActors` (accounts that audit entries which went, by retention or by
 * the log's size cap, named, and that no audit entry left names) unless a connection record still names it.
 * The references are recounted from what remains (the audit log has told us who it no longer names; the
 * connection records are two reads) rather than kept as per-account counts: counts would cost an index write
 * on every audit entry, could drift under the log's merge-on-race appends, and the index's `uses` cannot be
 * trusted for this (a disconnected token leaves its use behind). This costs reads only, and only when entries
 * went. An account that acts in the instant between this check and its new entry being written is re-indexed
 * by its next action.
 */
export async function forgetUnnamedAccounts(ports: UnnamedAccountsPorts, formerActors: readonly string[]): Promise<void> {
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
