/**
 * What every emulated KVS operation gets: the data, the limits, one clock reading, the counters, and a way
 * to say "data changed" so it gets persisted.
 *
 * Operations answer by returning a JSON-serialisable body (200) or undefined (204), and refuse by throwing
 * a `KvsServiceError`; the emulator turns either into a `Response`. Each operation runs synchronously from
 * validation to the last write, so concurrent requests can never see or make half an operation: that is
 * what makes transactions atomic here.
 */
import { KvsServiceError } from './kvs-error';
import type { KvsLimits } from './limits';
import type { RecordStore } from './record-store';
import type { KvsStats } from './usage-stats';

export interface OperationContext {
  readonly store: RecordStore;
  readonly limits: KvsLimits;
  /** The time of this request in epoch ms; one reading per request keeps TTL decisions consistent. */
  readonly nowMs: number;
  readonly stats: KvsStats;
  /** UTF-8 size of the request body, for payload limits and write metering. */
  readonly requestBytes: number;
  /** Call after changing data. */
  changed(): void;
}

export type Operation = (ctx: OperationContext, body: unknown) => unknown;

/** Throws a validation result if it is an error, otherwise hands the value back. */
export function orThrow<T>(result: T | KvsServiceError): T {
  if (result instanceof KvsServiceError) throw result;
  return result;
}

/** Throws the error when there is one (validators that return `KvsServiceError | undefined`). */
export function throwIf(error: KvsServiceError | undefined): void {
  if (error) throw error;
}

/** The body as a plain object, or a 400. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new KvsServiceError(400, 'BAD_REQUEST', 'Provided request body is invalid: expected a JSON object');
  }
  return body as Record<string, unknown>;
}
