/**
 * Transactions through the real client: all-or-nothing, the 25-operation and unique-key limits, and
 * entity conditions.
 */
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { caughtKvsError } from './caught-kvs-error';
import { installKvsForEachTest } from './install-for-tests';

interface Employee {
  name: string;
  age: number;
  status?: string;
}

const emulator = installKvsForEachTest();

it('applies sets and deletes together, with a TTL where asked', async () => {
  await kvs.set('old', 'x');
  await kvs
    .transact()
    .set('a', 1)
    .set('b', { two: 2 }, undefined, { ttl: { value: 1, unit: 'HOURS' } })
    .delete('old')
    .execute();
  expect(emulator().listPlain()).toEqual([
    { key: 'a', value: 1 },
    { key: 'b', value: { two: 2 } },
  ]);
  expect(emulator().stats()).toMatchObject({ transactions: 1, writes: 4, deletes: 1 });
});

it('accepts 25 operations and refuses 26 without changing anything', async () => {
  const build = (n: number) => {
    const tx = kvs.transact();
    for (let i = 0; i < n; i++) tx.set(`t:${i}`, i);
    return tx;
  };
  await build(25).execute();
  emulator().clear();
  const error = await caughtKvsError(build(26).execute());
  expect(error.code).toBe('BAD_REQUEST');
  expect(error.responseDetails.status).toBe(400);
  expect(error.message).toMatch(/at most 25 operations/);
  expect(emulator().listPlain()).toEqual([]);
});

it('refuses a transaction that uses a key twice', async () => {
  const error = await caughtKvsError(kvs.transact().set('k', 1).delete('k').execute());
  expect(error.code).toBe('BAD_REQUEST');
  expect(error.message).toMatch(/more than once/);
  expect(emulator().listPlain()).toEqual([]);
});

it('refuses an empty transaction', async () => {
  expect((await caughtKvsError(kvs.transact().execute())).code).toBe('BAD_REQUEST');
});

it('is atomic: one invalid operation and nothing is written or deleted', async () => {
  await kvs.set('keep', 'me');
  const error = await caughtKvsError(
    kvs
      .transact()
      .set('first', 1)
      .delete('keep')
      .set('too-deep', JSON.parse('['.repeat(40) + ']'.repeat(40)))
      .execute(),
  );
  expect(error.code).toBe('MAX_DEPTH');
  expect(emulator().listPlain()).toEqual([{ key: 'keep', value: 'me' }]);
});

it('is atomic for invalid keys too', async () => {
  const error = await caughtKvsError(kvs.transact().set('fine', 1).set('not/fine', 2).execute());
  expect(error.code).toBe('INVALID_KEY');
  expect(emulator().listPlain()).toEqual([]);
});

describe('conditions on entities', () => {
  const employees = () => kvs.entity<Employee>('employee');

  beforeEach(async () => {
    await employees().set('e1', { name: 'Ada', age: 36, status: 'active' });
    await employees().set('e2', { name: 'Grace', age: 45 });
  });

  it('writes when every condition holds', async () => {
    await kvs
      .transact()
      .set<Employee>(
        'e1',
        { name: 'Ada', age: 37, status: 'active' },
        {
          entityName: 'employee',
          conditions: new Filter<Employee>().and('age', FilterConditions.equalTo(36)).and('status', FilterConditions.exists()),
        },
      )
      .check<Employee>('e2', { entityName: 'employee', conditions: new Filter<Employee>().and('name', FilterConditions.beginsWith('Gr')) })
      .execute();
    expect(await employees().get('e1')).toEqual({ name: 'Ada', age: 37, status: 'active' });
  });

  it('cancels everything when one condition fails', async () => {
    const error = await caughtKvsError(
      kvs
        .transact()
        .set('plain', 'would be written')
        .set<Employee>(
          'e1',
          { name: 'Ada', age: 99 },
          {
            entityName: 'employee',
            conditions: new Filter<Employee>().and('age', FilterConditions.greaterThan(40)),
          },
        )
        .execute(),
    );
    expect(error.code).toBe('CONDITIONAL_CHECK_FAILED');
    expect(error.responseDetails.status).toBe(409);
    expect(await employees().get('e1')).toEqual({ name: 'Ada', age: 36, status: 'active' });
    expect(await kvs.get('plain')).toBeUndefined();
  });

  it('fails a check on a missing key, and supports "or" filters and NOT_EXISTS', async () => {
    const missing = await caughtKvsError(
      kvs
        .transact()
        .check<Employee>('e9', { entityName: 'employee', conditions: new Filter<Employee>().and('name', FilterConditions.notExists()) })
        .execute(),
    );
    expect(missing.code).toBe('CONDITIONAL_CHECK_FAILED');

    await kvs
      .transact()
      .delete<Employee>('e2', {
        entityName: 'employee',
        conditions: new Filter<Employee>().or('age', FilterConditions.lessThan(18)).or('status', FilterConditions.notExists()),
      })
      .set<Employee>(
        'e3',
        { name: 'Linus', age: 30 },
        {
          entityName: 'employee',
          conditions: new Filter<Employee>().and('name', FilterConditions.notExists()),
        },
      )
      .execute();
    expect(await employees().get('e2')).toBeUndefined();
    expect(await employees().get('e3')).toEqual({ name: 'Linus', age: 30 });
  });

  it('compares only like with like and supports between', async () => {
    const numberAsString = await caughtKvsError(
      kvs
        .transact()
        .check<Employee>('e1', { entityName: 'employee', conditions: new Filter<Employee>().and('age', FilterConditions.greaterThan('1')) })
        .execute(),
    );
    expect(numberAsString.code).toBe('CONDITIONAL_CHECK_FAILED');
    await kvs
      .transact()
      .check<Employee>('e1', { entityName: 'employee', conditions: new Filter<Employee>().and('age', FilterConditions.between(30, 40)) })
      .execute();
  });
});
