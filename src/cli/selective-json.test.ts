import fc from 'fast-check';
import { ALL, JsonStreamError, Selection, SelectiveJsonParser, TruncatedJson, selectElements, selectMembers } from './selective-json';

/** Parses one whole JSON text with a selection, as the stream does: whitespace around, nothing after. */
function parse(text: string | Buffer, selection: Selection | null = ALL): unknown {
  const parser = new SelectiveJsonParser();
  // A space after the text ends a number there, as the end of the input does.
  parser.bytes = Buffer.concat([typeof text === 'string' ? Buffer.from(text) : text, Buffer.from(' ')]);
  const out: unknown[] = [undefined];
  let i: number;
  try {
    i = parser.skipWhitespace(parser.value(parser.skipWhitespace(0), selection, out));
  } catch (error) {
    // At the end of the whole input a number is complete; anything else cut short is an error.
    if (error instanceof TruncatedJson) throw new JsonStreamError('unexpected end of the input', parser.bytes.length);
    throw error;
  }
  if (i !== parser.bytes.length) throw new JsonStreamError('unexpected text after the value', i);
  return out[0];
}

/** What the selection should build, worked out from `JSON.parse`'s value. */
function prune(value: unknown, selection: Selection): unknown {
  if (selection === ALL) return value;
  if (selection.elements !== null) return Array.isArray(value) ? value.map((element) => prune(element, selection.elements!)) : value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    selection.names.flatMap((name, k) => (Object.hasOwn(record, name) ? [[name, prune(record[name], selection.selections[k]!)]] : [])),
  );
}

/** A selection shaped after a value: some of its members, chosen by the bits of `seed`. */
function selectionFor(value: unknown, seed: number): Selection {
  if (Array.isArray(value)) return value.length > 0 && seed % 3 !== 0 ? selectElements(selectionFor(value[0], seed >>> 2)) : ALL;
  if (typeof value !== 'object' || value === null) return ALL;
  const names = Object.keys(value).filter((_, k) => (seed >>> k) % 2 === 0);
  return selectMembers(
    Object.fromEntries(names.map((name, k) => [name, selectionFor((value as Record<string, unknown>)[name], seed * 31 + k)])),
  );
}

/** Bytes that matter to JSON's grammar, and some that break it, for mutating valid texts. */
const INTERESTING = [...'"\\{}[],: \n\t0123-+.eEtnfuax/'].map((c) => c.charCodeAt(0)).concat([0x01, 0x1f, 0x7f, 0xc3, 0xa9, 0xff]);

const jsonValues = fc.jsonValue({ maxDepth: 4 });

/** Member names alike in their first bytes, written plainly or with an escape, some of them not selected. */
const ALIKE_NAMES = ['to', 'toString', 'id', 'ids', 'i', 'from', 'fromString', 'x'];
const alikeObjects = fc.array(
  fc.array(fc.tuple(fc.constantFrom(...ALIKE_NAMES), fc.boolean(), fc.oneof(fc.string({ maxLength: 3 }), fc.integer())), { maxLength: 6 }),
  { maxLength: 12 },
);

describe('selective JSON parsing', () => {
  it('finds the members of objects read one after another whatever their order, the one expected next or another', () => {
    const selection = selectElements(selectMembers({ to: ALL, toString: ALL, id: ALL, i: ALL, fromString: ALL }));
    fc.assert(
      fc.property(alikeObjects, (objects) => {
        const text = `[${objects
          .map(
            (members) =>
              `{${members.map(([name, escaped, value]) => `"${escaped ? `\\u00${name.charCodeAt(0).toString(16)}${name.slice(1)}` : name}":${JSON.stringify(value)}`).join(',')}}`,
          )
          .join(',')}]`;
        expect(parse(text, selection)).toEqual(prune(JSON.parse(text), selection));
      }),
      { numRuns: 300 },
    );
  });

  it('builds exactly what JSON.parse builds, pruned to the selection, for any JSON value and selection', () => {
    fc.assert(
      fc.property(jsonValues, fc.nat(), fc.boolean(), (value, seed, indent) => {
        const text = JSON.stringify(value, null, indent ? 2 : undefined);
        const selection = selectionFor(value, seed);
        expect(parse(text, selection)).toEqual(prune(JSON.parse(text), selection));
        expect(parse(text, null)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('accepts and refuses exactly the texts JSON.parse does, whether a value is kept or skipped', () => {
    fc.assert(
      fc.property(
        jsonValues,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INTERESTING), fc.constantFrom('replace', 'insert', 'delete')), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.nat(),
        (value, edits, seed) => {
          const bytes = [...Buffer.from(JSON.stringify(value))];
          for (const [at, byte, edit] of edits) {
            const k = at % (bytes.length + 1);
            if (edit === 'insert') bytes.splice(k, 0, byte);
            else if (edit === 'replace' && k < bytes.length) bytes[k] = byte;
            else if (k < bytes.length) bytes.splice(k, 1);
          }
          const text = Buffer.from(bytes);
          let expected: unknown;
          try {
            expected = JSON.parse(text.toString('utf8'));
          } catch {
            expect(() => parse(text, ALL)).toThrow(JsonStreamError);
            expect(() => parse(text, null)).toThrow(JsonStreamError);
            expect(() => parse(text, selectionFor(JSON.parse(JSON.stringify(value)), seed))).toThrow(JsonStreamError);
            return;
          }
          const selection = selectionFor(expected, seed);
          expect(parse(text, selection)).toEqual(prune(expected, selection));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('decodes kept strings as JSON.parse does: escapes, surrogate pairs, lone surrogates, multi-byte characters', () => {
    const strings = [
      'é ✓ 😀',
      '\\u00e9\\n\\t\\"\\\\\\/',
      '\\ud83d\\ude00',
      '\\ud800 lone',
      'tab\\u0009',
      'x'.repeat(100),
      'ü'.repeat(30),
      '',
    ];
    for (const string of strings) {
      const text = `{"kept": "${string}", "skipped": "${string}", "${string}": 1}`;
      const { skipped, ...kept } = JSON.parse(text) as Record<string, unknown>;
      expect(skipped).toBeDefined();
      expect(parse(text, selectMembers({ kept: ALL, [JSON.parse(`"${string}"`) as string]: ALL }))).toEqual(kept);
    }
    // The same short strings over and over (answered from the table of strings seen before), among others.
    const list = Array.from({ length: 5000 }, (_, k) => `s${k % 7}-${k % 13 === 0 ? k : ''}`);
    expect(parse(JSON.stringify(list), selectElements(ALL))).toEqual(list);
  });

  it('takes a value whole where its shape differs from the selection, so a reader checking shapes sees what is there', () => {
    const selection = selectMembers({ a: selectMembers({ b: ALL }), c: selectElements(selectMembers({ d: ALL })) });
    expect(parse('{"a": [1, {"b": 2}], "c": {"d": [3]}, "e": 4}', selection)).toEqual({ a: [1, { b: 2 }], c: { d: [3] } });
    expect(parse('{"a": "text", "c": null}', selection)).toEqual({ a: 'text', c: null });
    expect(parse('{"c": [1, "x", {"d": 5, "e": 6}]}', selection)).toEqual({ c: [1, 'x', { d: 5 }] });
  });

  it('keeps the last of duplicate members, and a member named like an inherited one as its own', () => {
    const selection = selectMembers({ a: ALL, toString: ALL, ['__proto__']: ALL });
    const built = parse('{"a": 1, "toString": "x", "a": 2, "__proto__": {"polluted": true}}', selection) as Record<string, unknown>;
    expect(built['a']).toBe(2);
    expect(Object.getOwnPropertyDescriptor(built, 'toString')?.value).toBe('x');
    expect(Object.getPrototypeOf(built)).toBe(Object.prototype);
    expect(built['__proto__']).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    ['{"a": tru}', 'unexpected "}" in "true" at byte 9'],
    ['{"a": 01}', 'a number cannot start with 0 followed by more digits at byte 7'],
    ['{"a": 1.}', 'a number needs a digit after "." at byte 8'],
    ['{"a": -}', 'a number needs a digit after "-" at byte 7'],
    ['{"a": 1e+}', 'a number needs a digit in its exponent at byte 9'],
    ['{"a": "x\ny"}', 'a control character (0x0a) in a string; write it escaped at byte 8'],
    ['{"a": "\\x"}', '"\\x" is not an escape JSON allows at byte 7'],
    ['{"a": "\\u12G4"}', '"\\u" is not followed by four hexadecimal digits at byte 7'],
    ['{"a" 1}', 'expected ":" after a member name, found "1" at byte 5'],
    ['{"a": 1 "b": 2}', 'expected "," or "}" after a member, found "\\"" at byte 8'],
    ['{"é": [1 2]}', 'expected "," or "]" after an element, found "2" at byte 10'],
    ['{"a": [1, ]}', 'unexpected "]"; expected a JSON value at byte 10'],
    ['{1: 2}', 'expected a member name in quotes, found "1" at byte 1'],
    ['{"a": \u00e9}', 'unexpected byte 0xc3; expected a JSON value at byte 6'],
  ])('refuses %j, saying what and where (in bytes)', (text, message) => {
    for (const selection of [ALL, null, selectMembers({ a: ALL }), selectMembers({ b: ALL })]) {
      expect(() => parse(text, selection)).toThrow(message);
    }
  });

  it('reports bytes that end inside a value as a truncation, for the caller to supply more', () => {
    const parser = new SelectiveJsonParser();
    const text = '{"a": [1, "two", {"b": 3.5e1}], "c": "\\u00e9", "d": true}';
    for (let cut = 1; cut < text.length; cut++) {
      parser.bytes = Buffer.from(text.slice(0, cut));
      expect(() => parser.value(0, selectMembers({ a: ALL, c: ALL }), [])).toThrow(TruncatedJson);
    }
  });
});
