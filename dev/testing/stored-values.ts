import { storageKeys } from '../../src/adapters/kvs/storage-keys';
import { AUDIT_PAGE_RECORD } from '../../src/adapters/kvs/stored-audit-page';
import type { StoredRecordKind } from '../../src/adapters/kvs/stored-record';
import type { AuditRecord, IndexedAccount } from '../../src/ports';
import type { KvsEmulator, KvsEntry } from '../kvs';

/**
 * What the app left in the KVS emulator, read with the app's own types, for tests that look past the
 * resolvers at storage itself.
 */

/** The plain value at `key` exactly as stored; undefined when there is none. */
export function storedValue(kvs: KvsEmulator, key: string): unknown {
  return kvs.listPlain(key).find((entry) => entry.key === key)?.value;
}

/**
 * The record at `key` read through its kind, as the app reads it (undefined when there is none): a stored
 * shape the kind cannot read fails the test with the kind's own error.
 */
export function storedRecord<T>(kvs: KvsEmulator, kind: StoredRecordKind<T>, key: string): T | undefined {
  const stored = storedValue(kvs, key);
  return stored === undefined ? undefined : kind.read(stored);
}

/** The stored audit pages' keys start with this (`storageKeys.auditPage` numbers them). */
const AUDIT_PAGE_PREFIX = 'audit:page:';

/**
 * Every entry of the audit pages among `entries` (a listing of plain values, as `listPlain` gives), in their
 * order, each page read through its stored versions as the app reads it.
 */
export function auditEntriesIn(entries: readonly KvsEntry[]): AuditRecord[] {
  return entries.filter((entry) => entry.key.startsWith(AUDIT_PAGE_PREFIX)).flatMap((page) => AUDIT_PAGE_RECORD.read(page.value).entries);
}

/** Every entry of every stored audit page, oldest page first. */
export function storedAuditEntries(kvs: KvsEmulator): AuditRecord[] {
  return auditEntriesIn(kvs.listPlain(AUDIT_PAGE_PREFIX));
}

/** The personal-data index (`personal-data:account:<accountId>`), by key. */
export function storedPersonalDataIndex(kvs: KvsEmulator): Array<{ key: string; value: IndexedAccount }> {
  return kvs.listPlain(storageKeys.personalDataAccountPrefix).map((entry) => ({ key: entry.key, value: entry.value as IndexedAccount }));
}
