/**
 * Forge's rules for stored values: a JSON value (string, number, boolean, array or object, as the REST
 * reference types `value`), at most N bytes once serialised, at most 31 levels of nesting.
 *
 * The size is measured as the UTF-8 bytes of `JSON.stringify(value)`: the limits page speaks of the
 * "persisted value", the secrets page of "persisted JSON values", and JSON is what the client sends.
 * `null` is refused: the REST reference lists no null type, and a stored null could not be told apart
 * from a missing key by callers that test `value == null`.
 */
import { kvsError, type KvsServiceError } from './kvs-error';

export interface CheckedValue {
  /** UTF-8 bytes of the value's JSON, used by the size rule and by the usage meters. */
  bytes: number;
}

/**
 * True when the value nests deeper than `maxDepth` containers. Stops descending as soon as the limit is
 * passed, so a hostile value cannot make the check itself expensive.
 */
function nestsDeeperThan(value: unknown, maxDepth: number, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return false;
  const level = depth + 1;
  if (level > maxDepth) return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => nestsDeeperThan(child, maxDepth, level));
}

export function checkValue(value: unknown, maxBytes: number, maxDepth: number): CheckedValue | KvsServiceError {
  if (value === undefined || value === null) return kvsError.badRequest('"value" is required and cannot be null');
  const json = JSON.stringify(value);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > maxBytes) return kvsError.maxSize(bytes, maxBytes);
  if (nestsDeeperThan(value, maxDepth)) return kvsError.maxDepth(maxDepth);
  return { bytes };
}

/** Custom entity values are attribute maps, so anything but a plain object is refused. */
export function checkEntityValue(value: unknown): KvsServiceError | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return kvsError.invalidEntityValue();
  return undefined;
}
