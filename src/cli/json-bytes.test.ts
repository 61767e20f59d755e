import fc from 'fast-check';
import { JsonBytes } from './json-bytes';

const text = (json: JsonBytes) => Buffer.from(json.written()).toString('utf8');

describe('JsonBytes', () => {
  it('writes any string as JSON.stringify does, in UTF-8', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.string(), fc.constantFrom('"', '\\', '\u2028', '\ud800', 'é'))),
        (strings) => {
          const json = new JsonBytes();
          for (const s of strings) json.string(s);
          expect(Buffer.from(json.written())).toEqual(Buffer.from(strings.map((s) => JSON.stringify(s)).join(''), 'utf8'));
        },
      ),
    );
  });

  it('writes numbers as JSON.stringify does, and NaN and infinities as null, whether seen before or not', () => {
    const numbers = fc.oneof(
      fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 1000),
      fc.double(),
      fc.constantFrom(NaN, -0, Infinity, -Infinity, 1e21, 1e-7, 2147483.647, -2147483.647, 2147483.648, 0.1 + 0.2),
    );
    fc.assert(
      fc.property(fc.array(numbers), (values) => {
        const json = new JsonBytes();
        for (const value of [...values, ...values]) {
          json.number(value);
          json.bytes(Buffer.from(','));
        }
        const expected = [...values, ...values].map((value) => `${JSON.stringify(value) ?? 'null'},`).join('');
        expect(text(json)).toBe(expected);
      }),
    );
  });

  it('grows past its first buffer, keeping what was written, and starts again when cleared', () => {
    const json = new JsonBytes();
    const long = 'x'.repeat(50_000);
    json.string(long);
    json.string('é'.repeat(30_000));
    expect(text(json)).toBe(JSON.stringify(long) + JSON.stringify('é'.repeat(30_000)));
    json.clear();
    json.number(1.27);
    expect(text(json)).toBe('1.27');
  });
});
