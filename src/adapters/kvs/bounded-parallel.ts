/**
 * Runs `work` on every item with at most `limit` calls in flight, answering the results in item order.
 *
 * KVS shards are read and written one key per request rather than in batches: Forge meters both by the
 * 10 KB unit either way (a shard is bigger than one unit), but allows an installation only 45 batch
 * operations a minute, which a few project page opens would spend. Single requests are limited only to
 * 1,000 a second, far above what a few in flight per invocation can send.
 */
export async function boundedParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
