/**
 * `/api/v1/transaction`: sets, deletes and checks that all happen or none do.
 *
 * Request (transaction-api.js): `{set?: [{key, value, entityName?, conditions?, options?}],
 * delete?: [{key, entityName?, conditions?}], check?: [{key, entityName?, conditions}]}`; success is an
 * empty 2xx. Rules (KVS and Custom Entity Store transaction pages): at most 25 operations, each key used
 * once, a 4 MB payload, and every value subject to the usual key and value limits.
 *
 * Conditions (`{and|or: [{property, condition, values}]}`) are checked against what is stored under the
 * key before anything is written; a `check` also requires the key to exist. The client only attaches
 * conditions to entity operations, but the emulator evaluates them on plain object values as well.
 *
 * Atomicity comes from order: parse and validate everything, then evaluate every condition, then write.
 * Nothing is written until nothing can fail, and the whole operation runs without yielding.
 */
import { kvsError } from './kvs-error';
import { checkKeyIn, checkValueIn, namespaceFor } from './keyspace-rules';
import { conditionsHold, parseConditions, type ParsedConditions } from './filter-conditions';
import { objectBody, orThrow, throwIf, type Operation, type OperationContext } from './operation-context';
import type { NamespaceRef } from './record-store';
import { expiryFromOptions } from './ttl';
import { meteredUnits } from './usage-stats';

interface PlannedOperation {
  kind: 'set' | 'delete' | 'check';
  ref: NamespaceRef;
  key: string;
  value?: unknown;
  expiresAt?: number;
  conditions?: ParsedConditions;
}

function listOf(body: Record<string, unknown>, field: 'set' | 'delete' | 'check'): Record<string, unknown>[] {
  const list = body[field];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw kvsError.badRequest(`"${field}" must be an array`);
  return list.map((entry: unknown) => objectBody(entry));
}

function plan(ctx: OperationContext, kind: PlannedOperation['kind'], raw: Record<string, unknown>): PlannedOperation {
  const ref = orThrow(namespaceFor(raw.entityName, ctx.limits));
  throwIf(checkKeyIn(ref, raw.key, ctx.limits));
  const op: PlannedOperation = { kind, ref, key: raw.key as string };
  if (kind === 'set') {
    orThrow(checkValueIn(ref, raw.value, ctx.limits));
    op.value = raw.value;
    const expiresAt = orThrow(expiryFromOptions(raw.options, ctx.nowMs));
    if (expiresAt !== undefined) op.expiresAt = expiresAt;
  }
  if (raw.conditions !== undefined && raw.conditions !== null) op.conditions = orThrow(parseConditions(raw.conditions));
  else if (kind === 'check') throw kvsError.badRequest('a check needs "conditions"');
  return op;
}

export const transactionOperation: Operation = (ctx, rawBody) => {
  const body = objectBody(rawBody);
  const raw = {
    set: listOf(body, 'set'),
    delete: listOf(body, 'delete'),
    check: listOf(body, 'check'),
  };
  const count = raw.set.length + raw.delete.length + raw.check.length;
  if (count === 0) throw kvsError.emptyTransaction();
  if (count > ctx.limits.maxTransactionOperations) throw kvsError.tooManyTransactionOperations(count, ctx.limits.maxTransactionOperations);
  if (ctx.requestBytes > ctx.limits.maxPayloadBytes) throw kvsError.payloadTooLarge(ctx.requestBytes, ctx.limits.maxPayloadBytes);

  // Each key once across all operations (the same key in two different entities is two different items).
  const seen = new Set<string>();
  for (const entry of [...raw.set, ...raw.delete, ...raw.check]) {
    const identity = JSON.stringify([entry.entityName ?? null, entry.key]);
    if (seen.has(identity)) throw kvsError.duplicateTransactionKey(String(entry.key));
    seen.add(identity);
  }

  const operations = [
    ...raw.set.map((entry) => plan(ctx, 'set', entry)),
    ...raw.delete.map((entry) => plan(ctx, 'delete', entry)),
    ...raw.check.map((entry) => plan(ctx, 'check', entry)),
  ];

  for (const op of operations) {
    const current = ctx.store.namespace(op.ref).get(op.key, ctx.nowMs);
    const mustExist = op.kind === 'check';
    if ((mustExist && !current) || (op.conditions && !conditionsHold(op.conditions, current?.value))) {
      throw kvsError.conditionalCheckFailed(op.key);
    }
  }

  for (const op of operations) {
    if (op.kind === 'set') {
      ctx.store.write(op.ref, op.key, op.value, ctx.nowMs, op.expiresAt);
      ctx.stats.writes++;
    } else if (op.kind === 'delete') {
      ctx.store.namespace(op.ref).remove(op.key, ctx.nowMs);
      ctx.stats.writes++;
      ctx.stats.deletes++;
    } else {
      ctx.stats.reads++;
    }
  }
  if (raw.set.length + raw.delete.length > 0) ctx.changed();
  ctx.stats.transactions++;
  ctx.stats.bytesWritten += ctx.requestBytes;
  ctx.stats.writeUnits += meteredUnits(ctx.requestBytes, ctx.limits.meteringUnitBytes);
  return undefined;
};
