/**
 * Fault injection as callers see it through the real client: throttling (429 RATE_LIMIT_EXCEEDED) and
 * failing writes, neither of which may change data.
 */
import { kvs } from '@forge/kvs';
import { caughtKvsError } from './caught-kvs-error';
import { installKvsForEachTest } from './install-for-tests';

const emulator = installKvsForEachTest();

it('fails the next N writes with 429 RATE_LIMIT_EXCEEDED, leaving reads alone and data unchanged', async () => {
  await kvs.set('k', 'before');
  emulator().setFaults({ failNextWrites: 2 });

  const first = await caughtKvsError(kvs.set('k', 'after'));
  expect(first.code).toBe('RATE_LIMIT_EXCEEDED');
  expect(first.responseDetails.status).toBe(429);
  expect(await kvs.get('k')).toBe('before');
  expect((await caughtKvsError(kvs.transact().set('k', 'after').execute())).code).toBe('RATE_LIMIT_EXCEEDED');

  await kvs.set('k', 'after');
  expect(await kvs.get('k')).toBe('after');
  expect(emulator().stats()).toMatchObject({ faultsInjected: 2, errors: 2 });
});

it('can fail writes with a 500 instead', async () => {
  emulator().setFaults({ failNextWrites: 1, failWritesWith: 500 });
  const error = await caughtKvsError(kvs.batchSet([{ key: 'a', value: 1 }]));
  expect(error.code).toBe('INTERNAL_SERVER_ERROR');
  expect(error.responseDetails.status).toBe(500);
  expect(emulator().listPlain()).toEqual([]);
});

it('throttles a share of all requests with rate429', async () => {
  await kvs.set('k', 1);
  const draws = [0.1, 0.9, 0.2, 0.8];
  emulator().setFaults({ rate429: 0.5, random: () => draws.shift() ?? 1 });
  expect((await caughtKvsError(kvs.get('k'))).code).toBe('RATE_LIMIT_EXCEEDED');
  expect(await kvs.get('k')).toBe(1);
  expect((await caughtKvsError(kvs.query().getMany())).code).toBe('RATE_LIMIT_EXCEEDED');
  await kvs.set('k', 2);

  emulator().setFaults({});
  expect(await kvs.get('k')).toBe(2);
});

it('validates its settings', () => {
  expect(() => emulator().setFaults({ rate429: 2 })).toThrow(RangeError);
  expect(() => emulator().setFaults({ failNextWrites: -1 })).toThrow(RangeError);
});
