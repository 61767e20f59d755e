import { kvs } from '@forge/kvs';
import type { SyncCursor, SyncCursorStore } from '../../ports';
import { boundedParallel } from './bounded-parallel';
import { storageKeys } from './storage-keys';

const BATCH_KEYS = 25;
const PARTS_IN_FLIGHT = 4;

/**
 * A project's sync cursor (`project:<KEY>:sync-cursor`) and the id list of a backfill in progress
 * (`project:<KEY>:backfill-ids:<n>`). Ids are stored sorted, as differences, which are small: a list part
 * of 20,000 ids is tens of kilobytes.
 */
export class KvsSyncCursorStore implements SyncCursorStore {
  async read(projectKey: string): Promise<SyncCursor | null> {
    return (await kvs.get<SyncCursor>(storageKeys.syncCursor(projectKey))) ?? null;
  }

  async write(projectKey: string, cursor: SyncCursor): Promise<void> {
    await kvs.set(storageKeys.syncCursor(projectKey), cursor);
  }

  async readIdListPart(projectKey: string, part: number): Promise<number[] | null> {
    const steps = await kvs.get<number[]>(storageKeys.backfillIds(projectKey, part));
    if (!Array.isArray(steps)) return null;
    let id = 0;
    return steps.map((step) => (id += step));
  }

  async writeIdList(projectKey: string, ids: readonly number[], partSize: number): Promise<number> {
    const items: Array<{ key: string; value: number[] }> = [];
    for (let start = 0, part = 0; start < ids.length; start += partSize, part++) {
      const slice = ids.slice(start, start + partSize);
      items.push({ key: storageKeys.backfillIds(projectKey, part), value: slice.map((id, i) => (i === 0 ? id : id - slice[i - 1]!)) });
    }
    // One key a request: parts are tens of KB, so a batch would cost the same units and spend one of the
    // installation's 45 batch operations a minute.
    await boundedParallel(items, PARTS_IN_FLIGHT, (item) => kvs.set(item.key, item.value));
    return items.length;
  }

  async deleteIdList(projectKey: string, parts: number): Promise<void> {
    const keys = Array.from({ length: parts }, (_, part) => ({ key: storageKeys.backfillIds(projectKey, part) }));
    for (let i = 0; i < keys.length; i += BATCH_KEYS) {
      const result = await kvs.batchDelete(keys.slice(i, i + BATCH_KEYS));
      const failed = result.failedKeys.filter((item) => item.error.code !== 'KEY_NOT_FOUND');
      if (failed.length > 0) throw new Error(`KVS refused to delete ${failed.length} part(s) of an id list`);
    }
  }
}
