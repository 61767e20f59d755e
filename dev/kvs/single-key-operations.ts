/**
 * get / set / delete of one key, for plain values (`/api/v1/get|set|delete`), secrets
 * (`/api/v1/secret/...`) and custom entities (`/api/v1/entity/...`, keyspace named by `entityName`).
 *
 * Answers, as the client expects them (storage-api.js):
 *  - get: 200 `{key, value, ...requested metadata}`, or 404 `KEY_NOT_FOUND` which the client turns into
 *    `undefined`;
 *  - set: 204, or with `returnValue` a 200 with the latest or previous record (empty when there was no
 *    previous one, which the client reads as `undefined`);
 *  - delete: 204, or 404 `KEY_NOT_FOUND` for a missing key, which the client swallows.
 */
import { kvsError } from './kvs-error';
import { checkKeyIn, checkValueIn, namespaceFor } from './keyspace-rules';
import { objectBody, orThrow, throwIf, type Operation, type OperationContext } from './operation-context';
import { SECRET, PLAIN, type NamespaceRef } from './record-store';
import { parseWriteOptions } from './set-options';
import { parseMetadataFields, renderRecord } from './stored-record';
import { meteredUnits } from './usage-stats';

type Keyspace = 'plain' | 'secret' | 'entity';

function resolveNamespace(keyspace: Keyspace, body: Record<string, unknown>, ctx: OperationContext): NamespaceRef {
  if (keyspace === 'plain') return PLAIN;
  if (keyspace === 'secret') return SECRET;
  if (body.entityName === undefined) throw kvsError.badRequest('"entityName" is required');
  return orThrow(namespaceFor(body.entityName, ctx.limits));
}

function countRead(ctx: OperationContext, ref: NamespaceRef, responseBytes: number): void {
  ctx.stats.reads++;
  if (ref.kind === 'secret') ctx.stats.secretReads++;
  ctx.stats.bytesRead += responseBytes;
  ctx.stats.readUnits += meteredUnits(responseBytes, ctx.limits.meteringUnitBytes);
}

function countWrite(ctx: OperationContext, ref: NamespaceRef, isDelete: boolean): void {
  ctx.stats.writes++;
  if (isDelete) ctx.stats.deletes++;
  if (ref.kind === 'secret') ctx.stats.secretWrites++;
  ctx.stats.bytesWritten += ctx.requestBytes;
  ctx.stats.writeUnits += meteredUnits(ctx.requestBytes, ctx.limits.meteringUnitBytes);
}

export function getOperation(keyspace: Keyspace): Operation {
  return (ctx, rawBody) => {
    const body = objectBody(rawBody);
    const ref = resolveNamespace(keyspace, body, ctx);
    throwIf(checkKeyIn(ref, body.key, ctx.limits));
    const options = body.options as { metadataFields?: unknown } | undefined;
    const fields = orThrow(parseMetadataFields(options?.metadataFields));
    const key = body.key as string;
    const record = ctx.store.namespace(ref).get(key, ctx.nowMs);
    if (!record) {
      countRead(ctx, ref, 0);
      throw kvsError.keyNotFound();
    }
    const answer = renderRecord(key, record, fields);
    countRead(ctx, ref, Buffer.byteLength(JSON.stringify(answer.value), 'utf8'));
    return answer;
  };
}

export function setOperation(keyspace: Keyspace): Operation {
  return (ctx, rawBody) => {
    const body = objectBody(rawBody);
    const ref = resolveNamespace(keyspace, body, ctx);
    throwIf(checkKeyIn(ref, body.key, ctx.limits));
    orThrow(checkValueIn(ref, body.value, ctx.limits));
    const options = parseWriteOptions(body.options, ctx.nowMs);
    const key = body.key as string;
    const previous = ctx.store.namespace(ref).get(key, ctx.nowMs);
    if (options.failIfExists && previous) throw kvsError.keyAlreadyExists();
    const record = ctx.store.write(ref, key, body.value, ctx.nowMs, options.expiresAt);
    ctx.changed();
    countWrite(ctx, ref, false);
    if (options.returnValue === 'LATEST') return renderRecord(key, record, options.returnMetadataFields);
    if (options.returnValue === 'PREVIOUS' && previous) return renderRecord(key, previous, options.returnMetadataFields);
    return undefined;
  };
}

export function deleteOperation(keyspace: Keyspace): Operation {
  return (ctx, rawBody) => {
    const body = objectBody(rawBody);
    const ref = resolveNamespace(keyspace, body, ctx);
    throwIf(checkKeyIn(ref, body.key, ctx.limits));
    const existed = ctx.store.namespace(ref).remove(body.key as string, ctx.nowMs);
    countWrite(ctx, ref, true);
    if (!existed) throw kvsError.keyNotFound();
    ctx.changed();
    return undefined;
  };
}
