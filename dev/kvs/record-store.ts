/**
 * All of one installation's KVS data: plain values, secrets and custom entities, each in its own keyspace.
 *
 * Forge keeps secrets apart from plain values (the same key can hold a plain value and a secret, and
 * `kvs.query` never sees secrets), and each custom entity is its own table. Keeping three separate
 * structures makes that separation structural rather than a filter someone could forget.
 */
import { Namespace } from './namespace';
import type { StoredRecord } from './stored-record';

/** Which keyspace an operation addresses. */
export type NamespaceRef = { kind: 'plain' } | { kind: 'secret' } | { kind: 'entity'; entityName: string };

export const PLAIN: NamespaceRef = { kind: 'plain' };
export const SECRET: NamespaceRef = { kind: 'secret' };

/** The on-disk form: one section per keyspace, records as stored (times in epoch ms). */
export interface StoreSnapshot {
  format: 'forge-kvs-emulator';
  version: 1;
  plain: Record<string, StoredRecord>;
  secrets: Record<string, StoredRecord>;
  entities: Record<string, Record<string, StoredRecord>>;
}

export class RecordStore {
  readonly plain = new Namespace();
  readonly secrets = new Namespace();
  private readonly entities = new Map<string, Namespace>();

  /** The keyspace for `ref`; entity keyspaces appear on first use, as entity tables exist once declared. */
  namespace(ref: NamespaceRef): Namespace {
    if (ref.kind === 'plain') return this.plain;
    if (ref.kind === 'secret') return this.secrets;
    let ns = this.entities.get(ref.entityName);
    if (!ns) {
      ns = new Namespace();
      this.entities.set(ref.entityName, ns);
    }
    return ns;
  }

  /** Writes `value`, keeping `createdAt` when the key already holds a live record. */
  write(ref: NamespaceRef, key: string, value: unknown, nowMs: number, expiresAt: number | undefined): StoredRecord {
    const ns = this.namespace(ref);
    const previous = ns.get(key, nowMs);
    const record: StoredRecord = { value, createdAt: previous?.createdAt ?? nowMs, updatedAt: nowMs };
    if (expiresAt !== undefined) record.expiresAt = expiresAt;
    ns.put(key, record);
    return record;
  }

  clear(): void {
    this.plain.clear();
    this.secrets.clear();
    this.entities.clear();
  }

  /** Live data only: expired records are dropped here, so they never reach the file. */
  snapshot(nowMs: number): StoreSnapshot {
    for (const ns of [this.plain, this.secrets, ...this.entities.values()]) ns.purgeExpired(nowMs);
    const section = (ns: Namespace) => Object.fromEntries(ns.entries(nowMs));
    const entities: Record<string, Record<string, StoredRecord>> = {};
    for (const [name, ns] of [...this.entities].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (ns.size > 0) entities[name] = section(ns);
    }
    return { format: 'forge-kvs-emulator', version: 1, plain: section(this.plain), secrets: section(this.secrets), entities };
  }

  /** Replaces everything with the snapshot's content; refuses files it does not understand. */
  restore(snapshot: unknown): void {
    if (!isSnapshot(snapshot)) throw new Error('Not a KVS emulator data file (expected format "forge-kvs-emulator", version 1)');
    this.clear();
    const fill = (ns: Namespace, records: Record<string, StoredRecord>) => {
      for (const [key, record] of Object.entries(records)) ns.put(key, record);
    };
    fill(this.plain, snapshot.plain);
    fill(this.secrets, snapshot.secrets);
    for (const [name, records] of Object.entries(snapshot.entities)) fill(this.namespace({ kind: 'entity', entityName: name }), records);
  }
}

function isSnapshot(value: unknown): value is StoreSnapshot {
  if (value === null || typeof value !== 'object') return false;
  const s = value as Partial<StoreSnapshot>;
  const isSection = (x: unknown) => x !== null && typeof x === 'object' && !Array.isArray(x);
  return s.format === 'forge-kvs-emulator' && s.version === 1 && isSection(s.plain) && isSection(s.secrets) && isSection(s.entities);
}
