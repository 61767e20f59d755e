import { kvs, WhereConditions } from '@forge/kvs';

/** KVS query pages (the stricter documented limit); batch deletes take up to 25 keys. */
const QUERY_PAGE = 20;

/** Deletes every value under the prefix, a query page at a time; answers how many went. */
export async function eraseByPrefix(prefix: string): Promise<number> {
  let erased = 0;
  for (;;) {
    // Always the first page: what was deleted is gone.
    const page = await kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(QUERY_PAGE).getMany<unknown>();
    if (page.results.length === 0) return erased;
    const result = await kvs.batchDelete(page.results.map(({ key }) => ({ key })));
    if (result.successfulKeys.length === 0) throw new Error(`KVS refused to delete ${result.failedKeys.length} value(s) under ${prefix}`);
    erased += result.successfulKeys.length;
  }
}
