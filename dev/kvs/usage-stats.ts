/**
 * Counters of what callers did to the emulated KVS, for benchmarks and tests.
 *
 * Forge prices KVS use per installation in 10 KB units per minute, reads and writes separately ("Request
 * sizes are rounded up to the nearest 10KB", KVS and Custom Entity Store limits page), and writes cost far
 * more than reads in practice. So besides operation counts, each successful request adds its metered
 * units: a write request by the size of its payload, a read request by the size of what it returned.
 * Rejected requests change no data and are counted apart.
 */
export interface KvsStats {
  /** Every request that reached `fetch`, including rejected and fault-injected ones. */
  requests: number;
  /** Items read: one per get/getSecret/entity get, per batchGet item, per query page. */
  reads: number;
  /** Items written: one per set/delete (plain, secret or entity), per batch item, per transaction set/delete. */
  writes: number;
  /** Of `writes`, how many were deletes. */
  deletes: number;
  secretReads: number;
  secretWrites: number;
  queries: number;
  /** Records returned by queries. */
  queryResults: number;
  batches: number;
  transactions: number;
  /** 10 KB read units as Forge meters them. */
  readUnits: number;
  /** 10 KB write units as Forge meters them. */
  writeUnits: number;
  bytesRead: number;
  bytesWritten: number;
  /**
   * Answers of 404 `KEY_NOT_FOUND` to get/delete of a missing key. The client turns these into `undefined`,
   * so they are normal traffic, not errors; they are still metered as reads or writes.
   */
  notFound: number;
  /** Requests refused with any other error status (validation, conflicts, unsupported, faults). */
  errors: number;
  /** Of `errors`, those caused by `setFaults`. */
  faultsInjected: number;
  /** Of `errors`, those refused for being over a quota (429 `RATE_LIMIT_EXCEEDED`). */
  throttled: number;
}

export function emptyStats(): KvsStats {
  return {
    requests: 0,
    reads: 0,
    writes: 0,
    deletes: 0,
    secretReads: 0,
    secretWrites: 0,
    queries: 0,
    queryResults: 0,
    batches: 0,
    transactions: 0,
    readUnits: 0,
    writeUnits: 0,
    bytesRead: 0,
    bytesWritten: 0,
    notFound: 0,
    errors: 0,
    faultsInjected: 0,
    throttled: 0,
  };
}

/** Forge's metering: at least one unit per request, one more per started `unitBytes`. */
export function meteredUnits(bytes: number, unitBytes: number): number {
  return Math.max(1, Math.ceil(bytes / unitBytes));
}
