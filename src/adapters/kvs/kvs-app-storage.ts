import { ForgeKvsAPIError, kvs } from '@forge/kvs';
import { AppError } from '../../app/app-error';
import type { AppStorage } from '../../ports';
import { storageKeys } from './storage-keys';

/** KVS's query page size limit (the stricter of the documented values); batch deletes take up to 25 keys. */
const QUERY_PAGE = 20;

/**
 * Everything this installation stores, walked as a whole. A query without a key condition lists every plain
 * value; secrets are never listed by queries, so an export cannot contain one.
 */
export class KvsAppStorage implements AppStorage {
  async exportPage(cursor: string | undefined, maxBytes: number) {
    const entries: Array<{ key: string; value: unknown }> = [];
    let bytes = 0;
    let next = cursor;
    do {
      let query = kvs.query().limit(QUERY_PAGE);
      if (next) query = query.cursor(next);
      const page = await query.getMany<unknown>().catch((error: unknown) => {
        // The first cursor comes from the browser: one KVS does not accept (forged, or too old, since KVS
        // cursors do not last) is the caller's mistake, not a fault of the app.
        if (next === cursor && cursor !== undefined && error instanceof ForgeKvsAPIError && error.responseDetails.status === 400) {
          throw new AppError('INVALID_INPUT', 'The export cursor is not valid any more; start the export again.');
        }
        throw error;
      });
      for (const { key, value } of page.results) {
        entries.push({ key, value });
        bytes += key.length + JSON.stringify(value).length;
      }
      next = page.nextCursor;
    } while (next && bytes < maxBytes);
    return { entries, nextCursor: next ?? null };
  }

  async eraseValues(deadline: number) {
    let erased = 0;
    for (;;) {
      // Always the first page: what was deleted is gone, so there is nothing to page past. The erasure count
      // stays (see kvs-erasure-generations.ts); a page holding only that one key means nothing else is left.
      const page = await kvs.query().limit(QUERY_PAGE).getMany<unknown>();
      const keys = page.results.map(({ key }) => key).filter((key) => key !== storageKeys.erasureGeneration);
      if (keys.length === 0) return { erased, done: true };
      const result = await kvs.batchDelete(keys.map((key) => ({ key })));
      if (result.failedKeys.length > 0 && result.successfulKeys.length === 0) {
        throw new Error(`KVS refused to delete ${result.failedKeys.length} values`);
      }
      erased += result.successfulKeys.length;
      if (Date.now() >= deadline) return { erased, done: false };
    }
  }
}
