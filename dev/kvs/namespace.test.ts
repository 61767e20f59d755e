/**
 * The sorted keyspace against a naive model: any mix of writes, deletes, re-writes and scans must list
 * exactly the live keys, in order, from any prefix and cursor position.
 */
import fc from 'fast-check';
import { Namespace } from './namespace';

type Step =
  { op: 'put'; key: string } | { op: 'remove'; key: string } | { op: 'scan'; prefix: string; after: string | undefined; limit: number };

const keyArb = fc.stringMatching(/^[ab:]{0,4}$/).filter((k) => k.length > 0);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('put' as const), key: keyArb }),
  fc.record({ op: fc.constant('remove' as const), key: keyArb }),
  fc.record({
    op: fc.constant('scan' as const),
    prefix: fc.stringMatching(/^[ab:]{0,2}$/),
    after: fc.option(keyArb, { nil: undefined }),
    limit: fc.integer({ min: 1, max: 6 }),
  }),
);

it('matches a sorted-map model under any sequence of operations', () => {
  fc.assert(
    fc.property(fc.array(stepArb, { maxLength: 80 }), (steps) => {
      const ns = new Namespace();
      const model = new Map<string, number>();
      steps.forEach((step, i) => {
        if (step.op === 'put') {
          ns.put(step.key, { value: i, createdAt: 0, updatedAt: 0 });
          model.set(step.key, i);
        } else if (step.op === 'remove') {
          expect(ns.remove(step.key, 0)).toBe(model.delete(step.key));
        } else {
          const { prefix, after, limit } = step;
          const expected = [...model.keys()]
            .filter((k) => k.startsWith(prefix) && (after === undefined || k > after))
            .sort()
            .slice(0, limit + 1)
            .map((k) => [k, model.get(k)]);
          const actual = ns.scan(prefix, after, limit, 0).map(([k, r]) => [k, r.value]);
          expect(actual).toEqual(expected);
        }
      });
      expect(ns.entries(0).map(([k]) => k)).toEqual([...model.keys()].sort());
      expect(ns.size).toBe(model.size);
    }),
  );
});

it('hides expired records from reads and scans, and purges them', () => {
  const ns = new Namespace();
  ns.put('a', { value: 1, createdAt: 0, updatedAt: 0, expiresAt: 100 });
  ns.put('b', { value: 2, createdAt: 0, updatedAt: 0 });
  expect(ns.get('a', 99)?.value).toBe(1);
  expect(ns.get('a', 100)).toBeUndefined();
  expect(ns.scan('', undefined, 10, 100).map(([k]) => k)).toEqual(['b']);
  ns.purgeExpired(100);
  expect(ns.size).toBe(1);
});
