/**
 * Forge's per-installation KVS quotas: requests per second, read and write units per minute, batch
 * operations per minute. Over any of them the service answers 429 `RATE_LIMIT_EXCEEDED` ("Any request that
 * exceeds a quota or limit will return a 429 status with an error code of RATE_LIMIT_EXCEEDED", KVS error
 * handling page) and changes nothing.
 *
 * Minutes are a sliding window of 60 one-second buckets: what was used in the last 60 seconds counts, so a
 * caller cannot spend two minutes' worth across a minute boundary. Seconds are a fixed window.
 *
 * A request's units are known only once it has run (a read costs what it returned), so a request is refused
 * when the window is already spent, and charged its full cost when it runs: the request that crosses the
 * line goes through, the ones after it wait for the window to move on. Write units are known up front (the
 * request body) and a write that would cross the line is refused before it runs.
 */
import type { KvsLimits } from './limits';

const SECOND_MS = 1000;
const WINDOW_SECONDS = 60;

type QuotaKind = 'read' | 'write' | 'batch';

/** What an installation has used of its quotas at one moment. */
export interface KvsQuotaUsage {
  /** Requests in the current second. */
  requestsThisSecond: number;
  /** Read and write units and batch operations in the last 60 seconds. */
  readUnitsLastMinute: number;
  writeUnitsLastMinute: number;
  batchOperationsLastMinute: number;
  /** Which quota the next request of each kind would hit, if any. */
  exhausted: QuotaKind[];
}

interface Bucket {
  second: number;
  readUnits: number;
  writeUnits: number;
  batchOperations: number;
}

export class QuotaMeter {
  private buckets: Bucket[] = [];
  private requestSecond = Number.NaN;
  private requestsInSecond = 0;

  constructor(private readonly limits: KvsLimits) {}

  /** Counts one request; true when it is over the per-second request quota. */
  countRequest(nowMs: number): boolean {
    const second = Math.floor(nowMs / SECOND_MS);
    if (second !== this.requestSecond) {
      this.requestSecond = second;
      this.requestsInSecond = 0;
    }
    this.requestsInSecond += 1;
    return this.requestsInSecond > this.limits.requestsPerSecond;
  }

  /**
   * Whether a request may run now: false when the minute's reads (for a read), writes (for a write, counting
   * this write's own units) or batch operations (for a batch) are spent.
   */
  allows(nowMs: number, request: { isWrite: boolean; isBatch: boolean; writeUnits: number }): boolean {
    const used = this.lastMinute(nowMs);
    if (request.isBatch && used.batchOperations >= this.limits.batchOperationsPerMinute) return false;
    if (request.isWrite) return used.writeUnits + request.writeUnits <= this.limits.writeUnitsPerMinute;
    return used.readUnits < this.limits.readUnitsPerMinute;
  }

  /** Charges what a request that ran used. */
  charge(nowMs: number, used: { readUnits: number; writeUnits: number; batch: boolean }): void {
    const bucket = this.bucketAt(nowMs);
    bucket.readUnits += used.readUnits;
    bucket.writeUnits += used.writeUnits;
    if (used.batch) bucket.batchOperations += 1;
  }

  usage(nowMs: number): KvsQuotaUsage {
    const used = this.lastMinute(nowMs);
    const second = Math.floor(nowMs / SECOND_MS);
    const exhausted: QuotaKind[] = [];
    if (used.readUnits >= this.limits.readUnitsPerMinute) exhausted.push('read');
    if (used.writeUnits >= this.limits.writeUnitsPerMinute) exhausted.push('write');
    if (used.batchOperations >= this.limits.batchOperationsPerMinute) exhausted.push('batch');
    return {
      requestsThisSecond: second === this.requestSecond ? this.requestsInSecond : 0,
      readUnitsLastMinute: used.readUnits,
      writeUnitsLastMinute: used.writeUnits,
      batchOperationsLastMinute: used.batchOperations,
      exhausted,
    };
  }

  /** Forgets all usage (a new minute for everything). */
  reset(): void {
    this.buckets = [];
    this.requestSecond = Number.NaN;
    this.requestsInSecond = 0;
  }

  private bucketAt(nowMs: number): Bucket {
    const second = Math.floor(nowMs / SECOND_MS);
    let bucket = this.buckets[this.buckets.length - 1];
    if (!bucket || bucket.second !== second) {
      bucket = { second, readUnits: 0, writeUnits: 0, batchOperations: 0 };
      this.buckets.push(bucket);
    }
    return bucket;
  }

  private lastMinute(nowMs: number): { readUnits: number; writeUnits: number; batchOperations: number } {
    const oldest = Math.floor(nowMs / SECOND_MS) - WINDOW_SECONDS + 1;
    // A clock that went back (a test rewinding it) must not leave usage stuck in the future.
    this.buckets = this.buckets.filter((bucket) => bucket.second >= oldest && bucket.second < oldest + WINDOW_SECONDS);
    const total = { readUnits: 0, writeUnits: 0, batchOperations: 0 };
    for (const bucket of this.buckets) {
      total.readUnits += bucket.readUnits;
      total.writeUnits += bucket.writeUnits;
      total.batchOperations += bucket.batchOperations;
    }
    return total;
  }
}
