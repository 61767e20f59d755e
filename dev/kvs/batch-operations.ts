/**
 * `/api/v1/batch/set|get|delete`: many keys in one request, each succeeding or failing on its own.
 *
 * Forge's batch pages: at most 25 keys per batch, at most a 4 MB payload, mixed plain and entity items
 * (`entityName` absent means plain). The whole request fails when it has no items or names the same key
 * (same entity) twice; otherwise each item is validated and applied separately and reported in
 * `successfulKeys` or in `failedKeys` with `{code, message}`, as in the client's tests. Batches never
 * touch secrets (the client has no secret batch).
 *
 * Item failures use the same codes as single operations (`INVALID_KEY`, `MAX_SIZE`, ...); a missing key on
 * get or delete is `KEY_NOT_FOUND` "Key does not exist", the wording of the client's own fixtures.
 */
import { kvsError, KvsServiceError } from './kvs-error';
import { checkKeyIn, checkValueIn, entityNameOf, namespaceFor } from './keyspace-rules';
import { orThrow, type Operation, type OperationContext } from './operation-context';
import type { NamespaceRef } from './record-store';
import { parseMetadataFields, renderRecord, type MetadataField } from './stored-record';
import { expiryFromOptions } from './ttl';
import { meteredUnits } from './usage-stats';

interface ItemFailure {
  key: string;
  entityName?: string;
  error: { code: string; message: string };
}

interface ParsedItem {
  raw: Record<string, unknown>;
  key: string;
  /** The keyspace, or why the item's entity name is invalid (an item failure, not a request failure). */
  ref: NamespaceRef | KvsServiceError;
}

/** Shared request checks: a non-empty array within the limits, no key twice, every item has a key. */
function parseItems(ctx: OperationContext, body: unknown): ParsedItem[] {
  if (!Array.isArray(body)) throw kvsError.badRequest('a batch is a JSON array of items');
  if (body.length === 0) throw kvsError.emptyBatch();
  if (body.length > ctx.limits.maxBatchItems) throw kvsError.tooManyBatchItems(body.length, ctx.limits.maxBatchItems);
  if (ctx.requestBytes > ctx.limits.maxPayloadBytes) throw kvsError.payloadTooLarge(ctx.requestBytes, ctx.limits.maxPayloadBytes);
  const seen = new Set<string>();
  return body.map((item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw kvsError.badRequest('each batch item must be an object');
    const raw = item as Record<string, unknown>;
    if (typeof raw.key !== 'string') throw kvsError.badRequest('each batch item needs a string "key"');
    const identity = JSON.stringify([raw.entityName ?? null, raw.key]);
    if (seen.has(identity)) throw kvsError.duplicateBatchKey(raw.key);
    seen.add(identity);
    return { raw, key: raw.key, ref: namespaceFor(raw.entityName, ctx.limits) };
  });
}

function identify(item: ParsedItem): { key: string; entityName?: string } {
  const entityName = typeof item.raw.entityName === 'string' ? item.raw.entityName : undefined;
  return entityName === undefined ? { key: item.key } : { key: item.key, entityName };
}

function failure(item: ParsedItem, error: KvsServiceError): ItemFailure {
  return { ...identify(item), error: { code: error.code, message: error.message } };
}

/** Runs `apply` per item, turning a thrown `KvsServiceError` into that item's failure. */
function perItem<T>(items: ParsedItem[], apply: (item: ParsedItem, ref: NamespaceRef) => T) {
  const successfulKeys: T[] = [];
  const failedKeys: ItemFailure[] = [];
  for (const item of items) {
    try {
      successfulKeys.push(apply(item, orThrow(item.ref)));
    } catch (error) {
      if (!(error instanceof KvsServiceError)) throw error;
      failedKeys.push(failure(item, error));
    }
  }
  return { successfulKeys, failedKeys };
}

/** A batch write is metered on its whole request, and marks the store changed once any item was written. */
function meteredBatchWrite<Result extends { successfulKeys: readonly unknown[] }>(ctx: OperationContext, result: Result): Result {
  if (result.successfulKeys.length > 0) ctx.changed();
  ctx.stats.batches++;
  ctx.stats.bytesWritten += ctx.requestBytes;
  ctx.stats.writeUnits += meteredUnits(ctx.requestBytes, ctx.limits.meteringUnitBytes);
  return result;
}

export const batchSetOperation: Operation = (ctx, body) => {
  const items = parseItems(ctx, body);
  const result = perItem(items, (item, ref) => {
    const keyError = checkKeyIn(ref, item.key, ctx.limits);
    if (keyError) throw keyError;
    orThrow(checkValueIn(ref, item.raw.value, ctx.limits));
    const expiresAt = orThrow(expiryFromOptions(item.raw.options, ctx.nowMs));
    ctx.store.write(ref, item.key, item.raw.value, ctx.nowMs, expiresAt);
    ctx.stats.writes++;
    return identify(item);
  });
  return meteredBatchWrite(ctx, result);
};

export const batchGetOperation: Operation = (ctx, body) => {
  const items = parseItems(ctx, body);
  // Unknown metadata fields fail the whole request (the client's own test expects a 400 for them).
  const fieldsPerItem = new Map<ParsedItem, MetadataField[]>();
  for (const item of items) {
    const options = item.raw.options as { metadataFields?: unknown } | undefined;
    fieldsPerItem.set(item, orThrow(parseMetadataFields(options?.metadataFields)));
  }
  const result = perItem(items, (item, ref) => {
    const keyError = checkKeyIn(ref, item.key, ctx.limits);
    if (keyError) throw keyError;
    ctx.stats.reads++;
    const record = ctx.store.namespace(ref).get(item.key, ctx.nowMs);
    if (!record) throw new KvsServiceError(404, 'KEY_NOT_FOUND', 'Key does not exist');
    const rendered = renderRecord(item.key, record, fieldsPerItem.get(item) ?? []);
    const entityName = entityNameOf(ref);
    return entityName === undefined ? rendered : { ...rendered, entityName };
  });
  const bytes = Buffer.byteLength(JSON.stringify(result.successfulKeys), 'utf8');
  ctx.stats.batches++;
  ctx.stats.bytesRead += bytes;
  ctx.stats.readUnits += meteredUnits(bytes, ctx.limits.meteringUnitBytes);
  return result;
};

export const batchDeleteOperation: Operation = (ctx, body) => {
  const items = parseItems(ctx, body);
  const result = perItem(items, (item, ref) => {
    const keyError = checkKeyIn(ref, item.key, ctx.limits);
    if (keyError) throw keyError;
    ctx.stats.writes++;
    ctx.stats.deletes++;
    if (!ctx.store.namespace(ref).remove(item.key, ctx.nowMs)) throw new KvsServiceError(404, 'KEY_NOT_FOUND', 'Key does not exist');
    return identify(item);
  });
  return meteredBatchWrite(ctx, result);
};
