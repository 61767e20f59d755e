/**
 * One keyspace (plain values, secrets, or one custom entity) with its keys kept in sorted order.
 *
 * Queries walk keys in order from a prefix or a cursor, so keys are kept in a sorted array searched with
 * binary search: a page costs O(log n + page) instead of sorting the keyspace for every page, and paging
 * through 100k keys 20 at a time stays fast enough for benchmarks.
 *
 * Maintenance is lazy, because the app writes in bursts (a sync writes many keys, then reads): new keys
 * wait in `pendingKeys` and are merged in one sort at the next ordered read; deleted keys stay in the
 * array as stale entries, skipped when scanning and compacted away once they are half of it. Inserting
 * each key in place instead would move half the array per write, which made 100k random writes take
 * seconds.
 *
 * Keys compare by UTF-16 code units (JavaScript `<`). Forge's backend orders by bytes; for the ASCII keys
 * the key rules allow the two orders are identical.
 */
import { isExpired, type StoredRecord } from './stored-record';

export class Namespace {
  private readonly records = new Map<string, StoredRecord>();
  /** Sorted; may hold stale keys (deleted since) but never duplicates. */
  private sortedKeys: string[] = [];
  /** Keys written since the last merge that are not yet in `sortedKeys`. */
  private pendingKeys: string[] = [];
  /** Every key in `sortedKeys` or `pendingKeys`, so a re-written key is never indexed twice. */
  private readonly indexed = new Set<string>();
  private staleCount = 0;

  /** The live record, or undefined when the key is missing or has expired. */
  get(key: string, nowMs: number): StoredRecord | undefined {
    const record = this.records.get(key);
    return record && !isExpired(record, nowMs) ? record : undefined;
  }

  put(key: string, record: StoredRecord): void {
    if (!this.records.has(key)) {
      if (this.indexed.has(key)) this.staleCount--;
      else {
        this.indexed.add(key);
        this.pendingKeys.push(key);
      }
    }
    this.records.set(key, record);
  }

  /** Removes the key; true when a live record was there. */
  remove(key: string, nowMs: number): boolean {
    const record = this.records.get(key);
    if (!record) return false;
    this.records.delete(key);
    this.staleCount++;
    return !isExpired(record, nowMs);
  }

  /**
   * Live records in key order whose key starts with `prefix` and is strictly greater than `after`, at most
   * `limit + 1` of them (the extra one tells the caller whether another page exists).
   */
  scan(prefix: string, after: string | undefined, limit: number, nowMs: number): Array<[string, StoredRecord]> {
    this.reindex();
    const start = after !== undefined && after >= prefix ? this.upperBound(after) : this.lowerBound(prefix);
    const out: Array<[string, StoredRecord]> = [];
    for (let i = start; i < this.sortedKeys.length && out.length <= limit; i++) {
      const key = this.sortedKeys[i] as string;
      if (!key.startsWith(prefix)) break;
      const record = this.records.get(key);
      if (record && !isExpired(record, nowMs)) out.push([key, record]);
    }
    return out;
  }

  /** Every live record in key order (inspection and persistence). */
  entries(nowMs: number): Array<[string, StoredRecord]> {
    return this.scan('', undefined, Number.POSITIVE_INFINITY, nowMs);
  }

  /** Drops expired records for good (expiry already hides them; this frees their memory). */
  purgeExpired(nowMs: number): void {
    for (const [key, record] of this.records) {
      if (isExpired(record, nowMs)) this.remove(key, nowMs);
    }
  }

  get size(): number {
    return this.records.size;
  }

  clear(): void {
    this.records.clear();
    this.sortedKeys = [];
    this.pendingKeys = [];
    this.indexed.clear();
    this.staleCount = 0;
  }

  /** Merges pending keys into the sorted array and drops stale keys once they are half of it. */
  private reindex(): void {
    if (this.staleCount > 0 && this.staleCount * 2 >= this.sortedKeys.length + this.pendingKeys.length) {
      this.sortedKeys = this.sortedKeys.filter((key) => this.records.has(key));
      this.pendingKeys = this.pendingKeys.filter((key) => this.records.has(key));
      this.indexed.clear();
      for (const key of this.sortedKeys) this.indexed.add(key);
      for (const key of this.pendingKeys) this.indexed.add(key);
      this.staleCount = 0;
    }
    if (this.pendingKeys.length === 0) return;
    const incoming = this.pendingKeys.sort(byCodeUnits);
    this.pendingKeys = [];
    const merged: string[] = new Array<string>(this.sortedKeys.length + incoming.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < this.sortedKeys.length && j < incoming.length) {
      const a = this.sortedKeys[i] as string;
      const b = incoming[j] as string;
      if (a < b) {
        merged[k++] = a;
        i++;
      } else {
        merged[k++] = b;
        j++;
      }
    }
    while (i < this.sortedKeys.length) merged[k++] = this.sortedKeys[i++] as string;
    while (j < incoming.length) merged[k++] = incoming[j++] as string;
    this.sortedKeys = merged;
  }

  /** Index of the first key >= `key`. */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.sortedKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sortedKeys[mid] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first key > `key`. */
  private upperBound(key: string): number {
    let lo = 0;
    let hi = this.sortedKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sortedKeys[mid] as string) <= key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
