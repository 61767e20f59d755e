/**
 * The emulator driven through the real `@forge/kvs` client: single-key operations, secrets, metadata,
 * TTL, key policies, entities, counters, and the raw HTTP surface.
 */
import { kvs, MetadataField } from '@forge/kvs';
import { caughtKvsError } from './caught-kvs-error';
import { installKvsForTests, type InstalledKvs } from './install-for-tests';
import { KvsEmulator } from './kvs-emulator';

let clock = Date.UTC(2026, 0, 5, 12, 0, 0);
let installed: InstalledKvs;
let emulator: KvsEmulator;

beforeEach(() => {
  clock = Date.UTC(2026, 0, 5, 12, 0, 0);
  emulator = new KvsEmulator({ now: () => clock });
  installed = installKvsForTests(emulator);
});

afterEach(() => installed.uninstall());

describe('get, set, delete', () => {
  it('stores and returns JSON values of every kind', async () => {
    const values: unknown[] = ['text', 42, 0, false, [1, 'two', { three: 3 }], { nested: { deep: [true] } }, ''];
    for (const [i, value] of values.entries()) await kvs.set(`kind:${i}`, value);
    for (const [i, value] of values.entries()) expect(await kvs.get(`kind:${i}`)).toEqual(value);
  });

  it('answers undefined for a missing key, as the client expects from a 404 KEY_NOT_FOUND', async () => {
    expect(await kvs.get('missing')).toBeUndefined();
    expect(emulator.stats()).toMatchObject({ reads: 1, notFound: 1, errors: 0 });
  });

  it('overwrites, then deletes; deleting a missing key is not an error for the client', async () => {
    await kvs.set('k', 1);
    await kvs.set('k', 2);
    expect(await kvs.get('k')).toBe(2);
    await kvs.delete('k');
    expect(await kvs.get('k')).toBeUndefined();
    await expect(kvs.delete('k')).resolves.toBeUndefined();
  });

  it('returns copies: changing a value read back does not change what is stored', async () => {
    await kvs.set('obj', { list: [1] });
    const read = await kvs.get<{ list: number[] }>('obj');
    read?.list.push(2);
    expect(await kvs.get('obj')).toEqual({ list: [1] });
    expect(emulator.listPlain()).toEqual([{ key: 'obj', value: { list: [1] } }]);
  });

  it('returns createdAt/updatedAt (epoch seconds) only when asked, keeping createdAt across overwrites', async () => {
    await kvs.set('meta', 'a');
    clock += 5_000;
    await kvs.set('meta', 'b');
    const result = await kvs.get('meta', { metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT] });
    expect(result).toEqual({
      key: 'meta',
      value: 'b',
      createdAt: Date.UTC(2026, 0, 5, 12, 0, 0) / 1000,
      updatedAt: Date.UTC(2026, 0, 5, 12, 0, 5) / 1000,
    });
  });
});

describe('time to live', () => {
  it('expires a value after its TTL and reports the expiry time', async () => {
    await kvs.set('session', 'x', { ttl: { value: 2, unit: 'MINUTES' } });
    const result = await kvs.get('session', { metadataFields: [MetadataField.EXPIRE_TIME] });
    expect(result).toEqual({ key: 'session', value: 'x', expireTime: '2026-01-05T12:02:00Z' });

    clock += 2 * 60 * 1000 - 1;
    expect(await kvs.get('session')).toBe('x');
    clock += 1;
    expect(await kvs.get('session')).toBeUndefined();
    expect(emulator.listPlain()).toEqual([]);
  });

  it('makes a key permanent again when it is overwritten without a TTL', async () => {
    await kvs.set('k', 1, { ttl: { value: 1, unit: 'SECONDS' } });
    await kvs.set('k', 2);
    clock += 60_000;
    expect(await kvs.get('k')).toBe(2);
  });

  it('refuses a malformed TTL', async () => {
    const error = await caughtKvsError(kvs.set('k', 1, { ttl: { value: 0, unit: 'SECONDS' } }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.responseDetails.status).toBe(400);
  });
});

describe('key policies and returned values', () => {
  it('FAIL_IF_EXISTS refuses to overwrite a live key', async () => {
    await kvs.set('once', 1, { keyPolicy: 'FAIL_IF_EXISTS' });
    const error = await caughtKvsError(kvs.set('once', 2, { keyPolicy: 'FAIL_IF_EXISTS' }));
    expect(error.code).toBe('KEY_ALREADY_EXISTS');
    expect(error.responseDetails.status).toBe(409);
    expect(await kvs.get('once')).toBe(1);
  });

  it('FAIL_IF_EXISTS accepts a key whose previous value expired', async () => {
    await kvs.set('lease', 'a', { ttl: { value: 1, unit: 'SECONDS' } });
    clock += 1000;
    await kvs.set('lease', 'b', { keyPolicy: 'FAIL_IF_EXISTS' });
    expect(await kvs.get('lease')).toBe('b');
  });

  it('returns the previous or the latest value on request', async () => {
    expect(await kvs.set('r', 'first', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toBeUndefined();
    expect(await kvs.set('r', 'second', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toEqual({ key: 'r', value: 'first' });
    expect(
      await kvs.set('r', 'third', { keyPolicy: 'OVERRIDE', returnValue: 'LATEST', returnMetadataFields: [MetadataField.UPDATED_AT] }),
    ).toEqual({ key: 'r', value: 'third', updatedAt: clock / 1000 });
  });
});

describe('secrets', () => {
  it('keeps secrets apart from plain values under the same key', async () => {
    await kvs.set('token', 'plain');
    await kvs.setSecret('token', { sealed: 'abc' });
    expect(await kvs.get('token')).toBe('plain');
    expect(await kvs.getSecret('token')).toEqual({ sealed: 'abc' });

    await kvs.delete('token');
    expect(await kvs.getSecret('token')).toEqual({ sealed: 'abc' });
    await kvs.deleteSecret('token');
    expect(await kvs.getSecret('token')).toBeUndefined();
  });

  it('never shows secrets in listPlain, and lists them only through listSecrets', async () => {
    await kvs.setSecret('github:token', 'ghp_x');
    await kvs.set('github:status', 'connected');
    expect(emulator.listPlain()).toEqual([{ key: 'github:status', value: 'connected' }]);
    expect(emulator.listSecrets()).toEqual([{ key: 'github:token', value: 'ghp_x' }]);
    expect(emulator.stats()).toMatchObject({ secretWrites: 1, writes: 2 });
  });
});

describe('custom entities', () => {
  it('stores entity values in their own keyspace', async () => {
    await kvs.entity<{ name: string }>('employee').set('e1', { name: 'Ada' });
    expect(await kvs.entity('employee').get('e1')).toEqual({ name: 'Ada' });
    expect(await kvs.get('e1')).toBeUndefined();
    expect(emulator.listPlain()).toEqual([]);
    await kvs.entity('employee').delete('e1');
    expect(await kvs.entity('employee').get('e1')).toBeUndefined();
  });

  it('validates entity names and values', async () => {
    expect((await caughtKvsError(kvs.entity('ab').set('k', { a: 1 }))).code).toBe('ENTITY_TYPE_TOO_SHORT');
    expect((await caughtKvsError(kvs.entity('x'.repeat(61)).set('k', { a: 1 }))).code).toBe('ENTITY_TYPE_TOO_LARGE');
    expect((await caughtKvsError(kvs.entity('Employee').set('k', { a: 1 }))).code).toBe('INVALID_ENTITY_TYPE');
    expect((await caughtKvsError(kvs.entity('employee').set('k', 'not an object'))).code).toBe('INVALID_ENTITY_VALUE');
    expect((await caughtKvsError(kvs.entity('employee').set('', { a: 1 }))).code).toBe('EMPTY_KEY');
  });

  it('answers entity queries with a clear "not supported locally" error', async () => {
    const error = await caughtKvsError(kvs.entity('employee').query().index('by-name').getMany());
    expect(error.code).toBe('NOT_SUPPORTED_BY_LOCAL_PLATFORM');
    expect(error.responseDetails.status).toBe(501);
    expect(error.message).toMatch(/local platform/);
  });
});

describe('counters', () => {
  it('counts reads, writes and 10 KB metering units', async () => {
    await kvs.set('small', 'x');
    await kvs.set('big', 'y'.repeat(25 * 1024));
    await kvs.get('big');
    await kvs.query().getMany();
    const stats = emulator.stats();
    expect(stats).toMatchObject({ writes: 2, reads: 2, queries: 1, queryResults: 2 });
    expect(stats.writeUnits).toBe(1 + 3);
    expect(stats.readUnits).toBe(3 + 3);
    emulator.resetStats();
    expect(emulator.stats().writes).toBe(0);
  });

  it('clear() removes plain values, secrets and entities', async () => {
    await kvs.set('a', 1);
    await kvs.setSecret('s', 1);
    await kvs.entity('thing').set('t', { a: 1 });
    emulator.clear();
    expect(emulator.listPlain()).toEqual([]);
    expect(emulator.listSecrets()).toEqual([]);
    expect(await kvs.entity('thing').get('t')).toBeUndefined();
  });
});

describe('HTTP surface', () => {
  it('receives calls with the app-provider descriptor the client uses without a KVS endpoint', async () => {
    await kvs.set('k', 1);
    expect(installed.calls[0]).toMatchObject({ descriptor: { type: 'kvs', provider: 'app', remote: 'kvs' }, path: '/api/v1/set' });
  });

  it('also serves the client code path that talks to a KVS endpoint with bearer headers', async () => {
    installed.uninstall();
    installed = installKvsForTests(emulator, { withKvsEndpoint: true });
    let isolatedKvs: typeof kvs | undefined;
    jest.isolateModules(() => {
      isolatedKvs = jest.requireActual<{ kvs: typeof kvs }>('@forge/kvs').kvs;
    });
    await isolatedKvs?.set('via-endpoint', 'ok');
    expect(await kvs.get('via-endpoint')).toBe('ok');
    expect(installed.calls[0]?.descriptor).toEqual({ type: 'kvs' });
    expect(installed.calls[0]?.headers.authorization).toBe('Bearer local-test-token');
  });

  it('answers unknown paths, other methods and non-JSON bodies like a service would', async () => {
    const unknown = await emulator.fetch('/api/v1/nope', { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(404);
    const wrongMethod = await emulator.fetch('/api/v1/get', { method: 'GET' });
    expect(wrongMethod.status).toBe(405);
    const notJson = await emulator.fetch('/api/v1/get', { method: 'POST', body: 'key=1' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ code: 'BAD_REQUEST' });
    expect(notJson.headers.get('x-trace-id')).toMatch(/^[0-9a-f]{16}$/);
    const brokenUrl = await emulator.fetch('http://', { method: 'POST', body: '{}' });
    expect(brokenUrl.status).toBe(404);
  });

  it('accepts a full URL as the path, routing on its path part', async () => {
    const set = await emulator.fetch('http://kvs.local/api/v1/set?x=1', { method: 'POST', body: JSON.stringify({ key: 'u', value: 1 }) });
    expect(set.status).toBe(204);
    expect(emulator.listPlain()).toEqual([{ key: 'u', value: 1 }]);
  });
});
