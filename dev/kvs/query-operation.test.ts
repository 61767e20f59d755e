/**
 * Key-prefix queries through the real client: order, default and explicit page sizes, cursor paging across
 * many pages (also while keys change), metadata, and what queries must never return.
 */
import { expect } from '@jest/globals';
import { kvs, MetadataField, WhereConditions } from '@forge/kvs';
import { installKvsForEachTest } from './install-for-tests';

const emulator = installKvsForEachTest();

/** Follows cursors to the end, returning every key and how many requests it took. */
async function allKeys(prefix: string, limit: number): Promise<{ keys: string[]; pages: number }> {
  const keys: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(limit);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    pages++;
    keys.push(...page.results.map((r) => r.key));
    cursor = page.nextCursor;
  } while (cursor);
  return { keys, pages };
}

async function seed(prefix: string, count: number): Promise<string[]> {
  const keys = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
  for (let i = 0; i < keys.length; i += 25) {
    await kvs.batchSet(keys.slice(i, i + 25).map((key) => ({ key, value: { key } })));
  }
  return keys;
}

it('returns matching keys in ascending key order, 10 per page by default', async () => {
  await kvs.set('p:b', 2);
  await kvs.set('p:a', 1);
  await kvs.set('q:a', 3);
  await kvs.set('p', 0);
  const page = await kvs.query().where('key', WhereConditions.beginsWith('p:')).getMany();
  expect(page).toEqual({
    results: [
      { key: 'p:a', value: 1 },
      { key: 'p:b', value: 2 },
    ],
  });

  await seed('many:', 12);
  const firstPage = await kvs.query().where('key', WhereConditions.beginsWith('many:')).getMany();
  expect(firstPage.results).toHaveLength(10);
  expect(firstPage.nextCursor).toEqual(expect.any(String));
});

it('pages through 1,003 keys 20 at a time without gaps or repeats, ignoring other prefixes', async () => {
  const expected = await seed('issue:', 1003);
  await seed('issuf:', 30);
  await seed('issud:', 30);
  const { keys, pages } = await allKeys('issue:', 20);
  expect(keys).toEqual(expected);
  expect(pages).toBe(Math.ceil(1003 / 20));
});

it('gives no cursor when the last page is exactly full', async () => {
  await seed('even:', 40);
  const { keys, pages } = await allKeys('even:', 20);
  expect(keys).toHaveLength(40);
  expect(pages).toBe(2);
});

it('keeps paging correctly when keys are added and deleted between pages', async () => {
  await seed('live:', 30);
  const first = await kvs.query().where('key', WhereConditions.beginsWith('live:')).limit(10).getMany();
  await kvs.delete('live:0010'); // would have been first on the next page
  await kvs.set('live:0000a', 'behind the cursor'); // sorts before the cursor: not seen again
  await kvs.set('live:0015a', 'ahead of the cursor');
  const second = await kvs
    .query()
    .where('key', WhereConditions.beginsWith('live:'))
    .limit(10)
    .cursor(first.nextCursor ?? '')
    .getMany();
  expect(second.results.map((r) => r.key)).toEqual([
    'live:0011',
    'live:0012',
    'live:0013',
    'live:0014',
    'live:0015',
    'live:0015a',
    'live:0016',
    'live:0017',
    'live:0018',
    'live:0019',
  ]);
});

it('queries every plain key without a where clause, and getOne returns the first', async () => {
  await kvs.set('b', 2);
  await kvs.set('a', 1);
  expect((await kvs.query().getMany()).results.map((r) => r.key)).toEqual(['a', 'b']);
  expect(await kvs.query().getOne()).toEqual({ key: 'a', value: 1 });
  expect(await kvs.query().where('key', WhereConditions.beginsWith('zzz')).getOne()).toBeUndefined();
});

it('never returns secrets or entities', async () => {
  await kvs.setSecret('conn:github', 'token');
  await kvs.entity('connection').set('conn:slack', { ok: true });
  await kvs.set('conn:status', 'ok');
  const page = await kvs.query().where('key', WhereConditions.beginsWith('conn:')).getMany();
  expect(page.results).toEqual([{ key: 'conn:status', value: 'ok' }]);
});

it('adds requested metadata to each result', async () => {
  await kvs.set('m:1', 'x', { ttl: { value: 1, unit: 'DAYS' } });
  await kvs.set('m:2', 'y');
  const page = await kvs
    .query({ metadataFields: [MetadataField.EXPIRE_TIME] })
    .where('key', WhereConditions.beginsWith('m:'))
    .getMany();
  expect(page.results[0]?.expireTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  expect(page.results[1]).toEqual({ key: 'm:2', value: 'y' });
});

it('counts one read per page', async () => {
  await seed('r:', 45);
  emulator().resetStats();
  await allKeys('r:', 20);
  expect(emulator().stats()).toMatchObject({ queries: 3, reads: 3, queryResults: 45, writes: 0 });
});
