/**
 * Each of Forge's KVS rules, broken through the real client, must surface as the client's
 * `ForgeKvsAPIError` with the code and status the service uses, and must leave the data untouched.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { caughtKvsError } from './caught-kvs-error';
import { installKvsForEachTest, installKvsForTests } from './install-for-tests';
import { KvsEmulator } from './kvs-emulator';
import { FORGE_KVS_LIMITS } from './limits';

const emulator = installKvsForEachTest();

/** An object nested `levels` containers deep: levels=1 is `{}`-with-a-scalar, i.e. `{v: 0}`. */
function nested(levels: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? { v: value } : [value];
  return value;
}

describe('keys', () => {
  it.each([
    { label: 'an empty key', key: '', code: 'KEY_TOO_SHORT' },
    { label: 'a key of 501 characters', key: 'k'.repeat(501), code: 'KEY_TOO_LONG' },
    { label: 'a key with a slash', key: 'project/ABC', code: 'INVALID_KEY' },
    { label: 'a key with a non-ASCII letter', key: 'projé', code: 'INVALID_KEY' },
    { label: 'a key of only spaces', key: '   ', code: 'INVALID_KEY' },
  ])('refuses $label with $code', async ({ key, code }) => {
    for (const call of [kvs.set(key, 1), kvs.get(key), kvs.delete(key), kvs.setSecret(key, 1), kvs.getSecret(key)]) {
      const error = await caughtKvsError(call);
      expect(error.code).toBe(code);
      expect(error.responseDetails.status).toBe(400);
    }
    expect(emulator().listPlain()).toEqual([]);
  });

  it('accepts keys of 500 characters using every allowed character', async () => {
    const key = `aZ09:._ -#\t${'x'.repeat(489)}`;
    expect(key).toHaveLength(500);
    await kvs.set(key, 'ok');
    expect(await kvs.get(key)).toBe('ok');
  });
});

describe('values', () => {
  it('accepts a value of exactly 240 KiB of JSON and refuses one byte more with MAX_SIZE', async () => {
    const limit = FORGE_KVS_LIMITS.maxValueBytes;
    const fits = 'a'.repeat(limit - 2); // the JSON string adds two quotes
    await kvs.set('fits', fits);
    const error = await caughtKvsError(kvs.set('too-big', `${fits}a`));
    expect(error.code).toBe('MAX_SIZE');
    expect(error.responseDetails.status).toBe(400);
    expect(error.context).toMatchObject({ sizeInBytes: limit + 1, limitInBytes: limit });
    expect(
      emulator()
        .listPlain()
        .map((e) => e.key),
    ).toEqual(['fits']);
  });

  it('measures size as UTF-8 bytes of the JSON, so multi-byte text counts more', async () => {
    const threeBytesEach = '€'.repeat(Math.floor(FORGE_KVS_LIMITS.maxValueBytes / 3));
    expect((await caughtKvsError(kvs.set('euro', threeBytesEach))).code).toBe('MAX_SIZE');
  });

  it('allows secrets of 128 KiB but not more', async () => {
    const limit = FORGE_KVS_LIMITS.maxSecretValueBytes;
    await kvs.setSecret('fits', 's'.repeat(limit - 2));
    expect((await caughtKvsError(kvs.setSecret('too-big', 's'.repeat(limit - 1)))).code).toBe('MAX_SIZE');
    // The same value is fine as a plain value, whose limit is 240 KiB.
    await kvs.set('plain', 's'.repeat(limit - 1));
  });

  it('accepts 31 levels of nesting and refuses 32 with MAX_DEPTH', async () => {
    await kvs.set('deep', nested(31));
    expect(await kvs.get('deep')).toEqual(nested(31));
    const error = await caughtKvsError(kvs.set('deeper', nested(32)));
    expect(error.code).toBe('MAX_DEPTH');
    expect(error.responseDetails.status).toBe(400);
  });

  it('refuses null and missing values', async () => {
    expect((await caughtKvsError(kvs.set('n', null))).code).toBe('BAD_REQUEST');
    expect((await caughtKvsError(kvs.set('u', undefined))).code).toBe('BAD_REQUEST');
  });
});

describe('queries', () => {
  it('refuses a page larger than the maximum with LIST_QUERY_LIMIT_EXCEEDED', async () => {
    await kvs.query().limit(FORGE_KVS_LIMITS.maxQueryLimit).getMany();
    const error = await caughtKvsError(
      kvs
        .query()
        .limit(FORGE_KVS_LIMITS.maxQueryLimit + 1)
        .getMany(),
    );
    expect(error.code).toBe('LIST_QUERY_LIMIT_EXCEEDED');
    expect(error.responseDetails.status).toBe(400);
    expect((await caughtKvsError(kvs.query().limit(0).getMany())).code).toBe('BAD_REQUEST');
  });

  it('lets the platform raise the page maximum to the 100 some pages document', async () => {
    const raised = installKvsForTests(new KvsEmulator({ limits: { maxQueryLimit: 100 } }));
    try {
      await kvs.query().limit(100).getMany();
      expect((await caughtKvsError(kvs.query().limit(101).getMany())).code).toBe('LIST_QUERY_LIMIT_EXCEEDED');
    } finally {
      raised.uninstall();
    }
  });

  it('refuses conditions other than beginsWith, fields other than key, and several clauses', async () => {
    const notBeginsWith = kvs
      .query()
      .where('key', WhereConditions.equalTo('a') as never)
      .getMany();
    expect((await caughtKvsError(notBeginsWith)).code).toBe('INVALID_FILTER_CONDITION');
    const otherField = kvs
      .query()
      .where('value' as 'key', WhereConditions.beginsWith('a'))
      .getMany();
    expect((await caughtKvsError(otherField)).code).toBe('QUERY_WHERE_FIELD_INVALID');
    // The builder's where() keeps one clause, but the options the client accepts at run time can carry more.
    const twoClauses = kvs
      .query({
        where: [
          { property: 'key', ...WhereConditions.beginsWith('a') },
          { property: 'key', ...WhereConditions.beginsWith('b') },
        ],
      } as never)
      .getMany();
    expect((await caughtKvsError(twoClauses)).code).toBe('QUERY_WHERE_INVALID');
  });

  it('refuses cursors it never issued and cursors from another prefix', async () => {
    for (let i = 0; i < 3; i++) await kvs.set(`a:${i}`, i);
    const first = await kvs.query().where('key', WhereConditions.beginsWith('a:')).limit(1).getMany();
    expect(first.nextCursor).toBeDefined();
    const forged = kvs.query().where('key', WhereConditions.beginsWith('a:')).cursor('a:0').getMany();
    expect((await caughtKvsError(forged)).code).toBe('INVALID_CURSOR');
    const otherPrefix = kvs
      .query()
      .where('key', WhereConditions.beginsWith('b:'))
      .cursor(first.nextCursor ?? '')
      .getMany();
    expect((await caughtKvsError(otherPrefix)).code).toBe('INVALID_CURSOR');
  });
});
