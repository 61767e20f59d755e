/**
 * Batch set/get/delete through the real client: per-item success and failure, and the request-level
 * rules (size, emptiness, duplicates).
 */
import { expect } from '@jest/globals';
import { kvs } from '@forge/kvs';
import { caughtKvsError } from './caught-kvs-error';
import { installKvsForEachTest } from './install-for-tests';
import { FORGE_KVS_LIMITS } from './limits';

const emulator = installKvsForEachTest();

it('sets what it can and reports each failure with its own code', async () => {
  const result = await kvs.batchSet<unknown>([
    { key: 'ok:1', value: 1 },
    { key: 'bad/key', value: 2 },
    { key: 'ok:2', value: { nested: true } },
    { key: 'huge', value: 'x'.repeat(FORGE_KVS_LIMITS.maxValueBytes) },
    { key: 'e1', value: { name: 'Ada' }, entityName: 'employee' },
    { key: 'e2', value: 'not an object', entityName: 'employee' },
  ]);
  expect(result.successfulKeys).toEqual([{ key: 'ok:1' }, { key: 'ok:2' }, { key: 'e1', entityName: 'employee' }]);
  expect(result.failedKeys).toEqual([
    { key: 'bad/key', error: { code: 'INVALID_KEY', message: expect.any(String) } },
    { key: 'huge', error: { code: 'MAX_SIZE', message: expect.any(String) } },
    { key: 'e2', entityName: 'employee', error: { code: 'INVALID_ENTITY_VALUE', message: expect.any(String) } },
  ]);
  expect(emulator().listPlain()).toEqual([
    { key: 'ok:1', value: 1 },
    { key: 'ok:2', value: { nested: true } },
  ]);
});

it('gets what exists and reports missing keys as KEY_NOT_FOUND', async () => {
  await kvs.set('a', 1);
  await kvs.entity('employee').set('a', { name: 'Ada' });
  const result = await kvs.batchGet([{ key: 'a' }, { key: 'missing' }, { key: 'a', entityName: 'employee' }]);
  expect(result.successfulKeys).toEqual([
    { key: 'a', value: 1 },
    { key: 'a', value: { name: 'Ada' }, entityName: 'employee' },
  ]);
  expect(result.failedKeys).toEqual([{ key: 'missing', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } }]);
});

it('deletes what exists and reports missing keys', async () => {
  await kvs.batchSet([
    { key: 'd:1', value: 1 },
    { key: 'd:2', value: 2 },
  ]);
  const result = await kvs.batchDelete([{ key: 'd:1' }, { key: 'd:3' }, { key: 'd:2' }]);
  expect(result.successfulKeys).toEqual([{ key: 'd:1' }, { key: 'd:2' }]);
  expect(result.failedKeys).toEqual([{ key: 'd:3', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } }]);
  expect(emulator().listPlain()).toEqual([]);
});

it('accepts 25 items and refuses 26, changing nothing', async () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `b:${i}`, value: i }));
  expect((await kvs.batchSet(items(25))).successfulKeys).toHaveLength(25);
  emulator().clear();
  const error = await caughtKvsError(kvs.batchSet(items(26)));
  expect(error.code).toBe('BAD_REQUEST');
  expect(error.responseDetails.status).toBe(400);
  expect(error.message).toMatch(/at most 25/);
  expect(emulator().listPlain()).toEqual([]);
  expect((await caughtKvsError(kvs.batchGet(items(26)))).code).toBe('BAD_REQUEST');
  expect((await caughtKvsError(kvs.batchDelete(items(26)))).code).toBe('BAD_REQUEST');
});

it('refuses an empty batch and a batch naming a key twice', async () => {
  expect((await caughtKvsError(kvs.batchSet([]))).code).toBe('BAD_REQUEST');
  const twice = await caughtKvsError(
    kvs.batchSet([
      { key: 'dup', value: 1 },
      { key: 'dup', value: 2 },
    ]),
  );
  expect(twice.message).toMatch(/more than once/);
  expect(emulator().listPlain()).toEqual([]);
  // The same key in the plain keyspace and in an entity is two different items.
  await kvs.batchSet<unknown>([
    { key: 'same', value: 1 },
    { key: 'same', value: { a: 1 }, entityName: 'thing' },
  ]);
});

it('refuses a batch payload over 4 MB with PAYLOAD_TOO_LARGE', async () => {
  const big = 'x'.repeat(200 * 1024);
  const items = Array.from({ length: 21 }, (_, i) => ({ key: `big:${i}`, value: big }));
  const error = await caughtKvsError(kvs.batchSet(items));
  expect(error.code).toBe('PAYLOAD_TOO_LARGE');
  expect(error.responseDetails.status).toBe(413);
});

it('refuses unknown metadata fields for the whole batchGet, like the service', async () => {
  const error = await caughtKvsError(kvs.batchGet([{ key: 'a', options: { metadataFields: ['NOPE'] } } as never]));
  expect(error.code).toBe('BAD_REQUEST');
});

it('counts each item as a read or a write', async () => {
  await kvs.batchSet([
    { key: 'c:1', value: 1 },
    { key: 'c:2', value: 2 },
  ]);
  await kvs.batchGet([{ key: 'c:1' }, { key: 'c:2' }, { key: 'c:3' }]);
  expect(emulator().stats()).toMatchObject({ batches: 2, writes: 2, reads: 3 });
});
