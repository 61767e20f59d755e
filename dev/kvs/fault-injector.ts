/**
 * Deliberate failures, so callers' retry and back-off paths can be tested against the real client.
 *
 * A fault answers before the operation runs, so a failed write never changes data, just as a throttled
 * request on Forge. The default failure is Forge's throttling answer (429 `RATE_LIMIT_EXCEEDED`), which
 * the client raises as a `ForgeKvsAPIError` with that code and `responseDetails.status === 429`.
 */
import { kvsError, type KvsServiceError } from './kvs-error';

export interface KvsFaults {
  /** Probability (0..1) that any request is answered 429 `RATE_LIMIT_EXCEEDED`. */
  rate429?: number;
  /** The next N write requests (sets, deletes, batch writes, transactions) fail. */
  failNextWrites?: number;
  /** How those writes fail: 429 (throttled, the default) or 500 (`INTERNAL_SERVER_ERROR`). */
  failWritesWith?: 429 | 500;
  /** Random source for `rate429`, so tests can be deterministic. Defaults to `Math.random`. */
  random?: () => number;
}

export class FaultInjector {
  private faults: KvsFaults = {};
  private writesToFail = 0;

  /** Replaces the current faults; `set({})` turns them all off. */
  set(faults: KvsFaults): void {
    const rate = faults.rate429 ?? 0;
    if (!(rate >= 0 && rate <= 1)) throw new RangeError(`rate429 must be between 0 and 1, got ${rate}`);
    const count = faults.failNextWrites ?? 0;
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`failNextWrites must be a non-negative integer, got ${count}`);
    this.faults = { ...faults };
    this.writesToFail = count;
  }

  /** How many of the `failNextWrites` are still to come. */
  get pendingWriteFailures(): number {
    return this.writesToFail;
  }

  /** The error to answer instead of running this request, if any. */
  faultFor(isWrite: boolean): KvsServiceError | undefined {
    if (isWrite && this.writesToFail > 0) {
      this.writesToFail--;
      return this.faults.failWritesWith === 500 ? kvsError.internal() : kvsError.rateLimited();
    }
    const rate = this.faults.rate429 ?? 0;
    if (rate > 0 && (this.faults.random ?? Math.random)() < rate) return kvsError.rateLimited();
    return undefined;
  }
}
