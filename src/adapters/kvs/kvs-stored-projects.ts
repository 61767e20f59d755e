import { kvs, WhereConditions } from '@forge/kvs';
import { isProjectKey } from '../../app/project-key';
import type { StoredProjects } from '../../ports';
import { storageKeys } from './storage-keys';

/** KVS query pages (the stricter documented limit); batch deletes take up to 25 keys. */
const QUERY_PAGE = 20;

/**
 * The projects found in storage: every `project:<KEY>:…` value, whether or not the project is still measured.
 * KVS queries can only match a key's beginning, and answer values with keys, so listing walks every project
 * value once (shards included); the daily purge reads those shards anyway.
 */
export class KvsStoredProjects implements StoredProjects {
  async list(): Promise<string[]> {
    const prefix = storageKeys.projectsPrefix;
    const projectKeys = new Set<string>();
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(QUERY_PAGE);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<unknown>();
      for (const { key } of page.results) {
        const projectKey = key.slice(prefix.length, key.indexOf(':', prefix.length));
        if (isProjectKey(projectKey)) projectKeys.add(projectKey);
      }
      cursor = page.nextCursor;
    } while (cursor);
    return [...projectKeys];
  }

  async erase(projectKey: string): Promise<number> {
    const lock = storageKeys.syncLock(projectKey);
    let erased = 0;
    for (;;) {
      // Always the first page: what was deleted is gone, and the lock is the only value left behind.
      const page = await kvs
        .query()
        .where('key', WhereConditions.beginsWith(storageKeys.projectPrefix(projectKey)))
        .limit(QUERY_PAGE)
        .getMany<unknown>();
      const keys = page.results.map(({ key }) => key).filter((key) => key !== lock);
      if (keys.length === 0) return erased;
      const result = await kvs.batchDelete(keys.map((key) => ({ key })));
      if (result.successfulKeys.length === 0)
        throw new Error(`KVS refused to delete ${result.failedKeys.length} value(s) of project ${projectKey}`);
      erased += result.successfulKeys.length;
    }
  }
}
