/**
 * What the emulator keeps per key, and how its metadata is shown to the client.
 *
 * Forge returns `createdAt`/`updatedAt` as numbers and `expireTime` as an ISO-8601 string when asked for
 * them through `metadataFields` (the client's own test fixtures use `createdAt: 1718236800` and
 * `expireTime: '2025-01-12T13:00:00Z'`, i.e. epoch seconds and a second-precision UTC timestamp). Times
 * are kept here in milliseconds and converted on the way out.
 */
import { kvsError, type KvsServiceError } from './kvs-error';

export interface StoredRecord {
  value: unknown;
  /** Epoch milliseconds of the first write since the key last did not exist. */
  createdAt: number;
  /** Epoch milliseconds of the latest write. */
  updatedAt: number;
  /** Epoch milliseconds after which the key no longer exists (set through a TTL). */
  expiresAt?: number;
}

const METADATA_FIELDS = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

export function isExpired(record: StoredRecord, nowMs: number): boolean {
  return record.expiresAt !== undefined && record.expiresAt <= nowMs;
}

/** Reads an optional `metadataFields` array, refusing unknown names the way the service does (400). */
export function parseMetadataFields(raw: unknown): MetadataField[] | KvsServiceError {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return kvsError.badRequest('"metadataFields" must be an array');
  const fields: MetadataField[] = [];
  for (const field of raw) {
    if (!(METADATA_FIELDS as readonly unknown[]).includes(field)) return kvsError.badRequest(`unknown metadata field ${String(field)}`);
    fields.push(field as MetadataField);
  }
  return fields;
}

function toIsoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `{key, value}` plus exactly the metadata fields asked for (a missing expiry is simply absent). */
export function renderRecord(key: string, record: StoredRecord, fields: readonly MetadataField[]): Record<string, unknown> {
  const out: Record<string, unknown> = { key, value: record.value };
  if (fields.includes('CREATED_AT')) out.createdAt = Math.floor(record.createdAt / 1000);
  if (fields.includes('UPDATED_AT')) out.updatedAt = Math.floor(record.updatedAt / 1000);
  if (fields.includes('EXPIRE_TIME') && record.expiresAt !== undefined) out.expireTime = toIsoSeconds(record.expiresAt);
  return out;
}
