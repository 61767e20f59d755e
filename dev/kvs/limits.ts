/**
 * The numbers Forge's Key-Value Store enforces, in one place, each with where it is documented.
 *
 * The emulator reads every limit from a `KvsLimits` object so the local platform can tighten or relax one
 * (for example to try a page size of 100) without touching the rules themselves. The defaults are the
 * documented values; where the documentation disagrees with itself the stricter value is the default, so
 * code that passes locally also passes on Forge.
 */
export interface KvsLimits {
  /**
   * Longest key. "Key length 500" (KVS and Custom Entity Store limits page) and error `KEY_TOO_LONG`
   * ("exceeded the maximum 500 characters", KVS error handling page). The secrets page says "500 bytes":
   * keys are measured in UTF-8 bytes, which is the same thing for the ASCII keys the key regex allows.
   */
  maxKeyLength: number;
  /** Largest plain or entity value, as UTF-8 bytes of its JSON: "Value size 240 KiB" (limits page). */
  maxValueBytes: number;
  /** Largest secret value: "persisted JSON values may be up to 128 KiB" (kvs.setSecret page). */
  maxSecretValueBytes: number;
  /**
   * Deepest nesting of objects/arrays. "Object depth 31" (limits page); the error page's `MAX_DEPTH` says
   * "maximum object depth (32)", which is the same rule counting the scalar leaf as a level. Here a scalar
   * has depth 0 and each enclosing object or array adds 1, so at most 31 levels of containers are allowed.
   */
  maxDepth: number;
  /** Page size when a query gives no limit: "returns up to 10 values by default" (query page). */
  defaultQueryLimit: number;
  /**
   * Largest query page. The query page's method reference says "can be increased to a maximum of 100",
   * its own code example (inherited from the legacy storage page) says "up to a maximum of 20", and the
   * error page's `LIST_QUERY_LIMIT_EXCEEDED` says "should be below 100". The sources disagree, so the
   * default is the stricter 20.
   */
  maxQueryLimit: number;
  /** Items in one batchSet/batchGet/batchDelete: "Each batch operation can contain a maximum of 25 keys". */
  maxBatchItems: number;
  /** Operations (set + delete + check) in one transaction: "a maximum of 25 operations" (transactions page). */
  maxTransactionOperations: number;
  /**
   * Request payload of a batch or transaction: "limited to a payload size of 4MB" (transactions and batch
   * pages). An older revision of the batch page noted a bug capping it at 1 MB; current pages no longer do.
   */
  maxPayloadBytes: number;
  /** Custom entity names: `ENTITY_TYPE_TOO_SHORT` ("more than 3 characters") and `ENTITY_TYPE_TOO_LARGE` (60). */
  minEntityNameLength: number;
  maxEntityNameLength: number;
  /**
   * Forge meters reads and writes in 10 KB units: "Request sizes are rounded up to the nearest 10KB"
   * (limits page). A 65 KB value costs 7 units, and every request at least one. The read and write quotas
   * below are counted in these units, and `stats()` reports them so benchmarks can price what the app does.
   */
  meteringUnitBytes: number;
  /**
   * Requests per second per installation: "1000 requests per second" (KVS and Custom Entity Store limits
   * page). Every request counts, refused ones included, as throttles count attempts.
   */
  requestsPerSecond: number;
  /** Read units per minute per installation: "4000 units per minute" for reads (limits page). */
  readUnitsPerMinute: number;
  /** Write units per minute per installation: "4000 units per minute" for writes (limits page). */
  writeUnitsPerMinute: number;
  /** batchGet / batchSet / batchDelete requests per minute per installation: "45 batch operations per minute". */
  batchOperationsPerMinute: number;
}

export const FORGE_KVS_LIMITS: Readonly<KvsLimits> = Object.freeze({
  maxKeyLength: 500,
  maxValueBytes: 240 * 1024,
  maxSecretValueBytes: 128 * 1024,
  maxDepth: 31,
  defaultQueryLimit: 10,
  maxQueryLimit: 20,
  maxBatchItems: 25,
  maxTransactionOperations: 25,
  maxPayloadBytes: 4 * 1024 * 1024,
  minEntityNameLength: 3,
  maxEntityNameLength: 60,
  meteringUnitBytes: 10 * 1024,
  requestsPerSecond: 1000,
  readUnitsPerMinute: 4000,
  writeUnitsPerMinute: 4000,
  batchOperationsPerMinute: 45,
});

/**
 * For tests that squeeze hours of an installation's life into a second (thousands of appends to one log,
 * say) and are about something else: the per-second and per-minute quotas lifted, every other rule kept.
 * The quotas themselves are tested in quotas.test.ts, and the app's riding through them in its fault tests.
 */
export const WITHOUT_QUOTAS: Readonly<Partial<KvsLimits>> = Object.freeze({
  requestsPerSecond: Number.POSITIVE_INFINITY,
  readUnitsPerMinute: Number.POSITIVE_INFINITY,
  writeUnitsPerMinute: Number.POSITIVE_INFINITY,
  batchOperationsPerMinute: Number.POSITIVE_INFINITY,
});
