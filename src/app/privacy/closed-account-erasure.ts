import type { AuditLog, PersonalDataIndex, StoredDocument } from '../../ports';
import { FORMER_USER } from './former-user';

/** A stored connection record: only who connected it names a person. */
export interface ConnectionRecord {
  connectedBy: string;
}

export interface ClosedAccountErasurePorts {
  auditLog: AuditLog;
  connections: ReadonlyArray<StoredDocument<ConnectionRecord>>;
  personalData: PersonalDataIndex;
}

/**
 * Erases a closed Atlassian account from everything the app keeps: audit entries keep the event with the
 * "former user" tombstone, connection records keep the connection with the tombstone as its owner, and the
 * index entry goes last, so a run that dies half way still finds the account next time and finishes the job.
 * Each step is idempotent. The app stores no assignees or other issue people (see src/app/sync), so there is
 * nothing else to reach.
 */
export async function eraseClosedAccount(ports: ClosedAccountErasurePorts, accountId: string): Promise<void> {
  await ports.auditLog.replaceAccount(accountId, FORMER_USER);
  for (const connection of ports.connections) {
    const record = await connection.read();
    if (record && record.connectedBy === accountId) await connection.write({ ...record, connectedBy: FORMER_USER });
  }
  await ports.personalData.forget(accountId);
}
