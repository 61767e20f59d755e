/**
 * Which rules apply depends on the keyspace: secrets allow smaller values (128 KiB instead of 240 KiB),
 * entity keys report an empty key differently, and entity values must be attribute maps. Single, batch and
 * transaction operations all validate through these functions so the rules cannot drift apart.
 */
import { checkEntityName, checkKey } from './key-rules';
import type { KvsServiceError } from './kvs-error';
import type { KvsLimits } from './limits';
import { PLAIN, type NamespaceRef } from './record-store';
import { checkEntityValue, checkValue, type CheckedValue } from './value-rules';

/** Plain keyspace when `entityName` is absent, otherwise that entity's (after validating the name). */
export function namespaceFor(entityName: unknown, limits: KvsLimits): NamespaceRef | KvsServiceError {
  if (entityName === undefined || entityName === null) return PLAIN;
  const error = checkEntityName(entityName, limits);
  return error ?? { kind: 'entity', entityName: entityName as string };
}

export function checkKeyIn(ref: NamespaceRef, key: unknown, limits: KvsLimits): KvsServiceError | undefined {
  return checkKey(key, limits, ref.kind === 'entity' ? 'entity' : 'plain');
}

export function checkValueIn(ref: NamespaceRef, value: unknown, limits: KvsLimits): CheckedValue | KvsServiceError {
  const maxBytes = ref.kind === 'secret' ? limits.maxSecretValueBytes : limits.maxValueBytes;
  const checked = checkValue(value, maxBytes, limits.maxDepth);
  if ('bytes' in checked && ref.kind === 'entity') return checkEntityValue(value) ?? checked;
  return checked;
}

/** How a keyspace is named in error messages and batch results. */
export function entityNameOf(ref: NamespaceRef): string | undefined {
  return ref.kind === 'entity' ? ref.entityName : undefined;
}
