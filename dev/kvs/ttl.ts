/**
 * Time-to-live on writes: `options.ttl = {value, unit}` with unit SECONDS, MINUTES, HOURS or DAYS
 * (`Ttl` in @forge/kvs types). The expiry runs from the moment of the write; an overwrite without a TTL
 * makes the key permanent again, since each write replaces the whole item.
 *
 * Forge does not document a maximum TTL, so none is enforced; the value must be a positive integer.
 */
import { kvsError, type KvsServiceError } from './kvs-error';

const UNIT_MS: Readonly<Record<string, number>> = {
  SECONDS: 1000,
  MINUTES: 60 * 1000,
  HOURS: 60 * 60 * 1000,
  DAYS: 24 * 60 * 60 * 1000,
};

/** Returns the expiry instant in epoch ms, undefined when no TTL was asked for, or the 400 to answer. */
export function expiryFromOptions(options: unknown, nowMs: number): number | undefined | KvsServiceError {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object') return kvsError.badRequest('"options" must be an object');
  const ttl = (options as { ttl?: unknown }).ttl;
  if (ttl === undefined) return undefined;
  if (ttl === null || typeof ttl !== 'object') return kvsError.badRequest('"ttl" must be an object');
  const { value, unit } = ttl as { value?: unknown; unit?: unknown };
  const unitMs = typeof unit === 'string' ? UNIT_MS[unit] : undefined;
  if (unitMs === undefined) return kvsError.badRequest('"ttl.unit" must be SECONDS, MINUTES, HOURS or DAYS');
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    return kvsError.badRequest('"ttl.value" must be a positive integer');
  }
  return nowMs + value * unitMs;
}
