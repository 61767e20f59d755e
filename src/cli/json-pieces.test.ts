import fc from 'fast-check';
import { pieceText, PrettyJsonList, prettyJsonPieces } from './json-pieces';

const joined = (value: unknown, elementsPerPiece?: number) => Array.from(prettyJsonPieces(value, elementsPerPiece), pieceText).join('');

/** Values JSON.stringify treats specially: left out as members, null as elements. */
const unusual = fc.constantFrom(undefined, () => 1, Symbol('s'), NaN, -0, Infinity, new Date(Date.UTC(2026, 0, 31)));
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), unusual, fc.array(fc.oneof(fc.jsonValue({ maxDepth: 2 }), unusual)));
/** Member names with quotes, backslashes, line breaks, lone surrogates and JavaScript's special names. */
const memberName = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('__proto__', 'toString', '0', '1', 'a"b', 'é'));

describe('prettyJsonPieces', () => {
  it('joins to JSON.stringify(value, null, 2) for any object, whichever lists it cuts', () => {
    fc.assert(
      fc.property(fc.dictionary(memberName, anyValue, { maxKeys: 8 }), fc.integer({ min: 1, max: 4 }), (object, elementsPerPiece) => {
        expect(joined(object, elementsPerPiece)).toBe(JSON.stringify(object, null, 2));
      }),
      { numRuns: 500 },
    );
  });

  it('joins to JSON.stringify for values that are not plain objects, one piece each', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        expect(joined(value, 1)).toBe(JSON.stringify(value, null, 2) ?? '');
      }),
    );
    const withToJson = { toJSON: () => ({ replaced: [1, 2, 3] }) };
    expect([...prettyJsonPieces(withToJson, 1)]).toEqual([JSON.stringify(withToJson, null, 2)]);
  });

  it('cuts a long list of rows into runs, each piece a few rows, the empty object and list as JSON writes them', () => {
    const rows = Array.from({ length: 5 }, (_, k) => ({ key: `ABC-${k}`, stageDates: { 'To Do': '2026-01-01' }, tags: [] }));
    const report = { generated: '2026-01-31', items: rows, nothing: undefined, empty: {}, none: [] };
    const pieces = Array.from(prettyJsonPieces(report, 2), pieceText);
    expect(pieces.join('')).toBe(JSON.stringify(report, null, 2));
    // The opening member, the items' heading, three runs of at most two rows (two commas between), their closing
    // bracket, two members (the undefined one is left out), the end.
    expect(pieces).toHaveLength(11);
    expect(pieces.filter((piece) => piece.includes('"key"')).map((piece) => piece.match(/"key"/g)!.length)).toEqual([2, 2, 1]);
    expect(joined({})).toBe('{}');
    expect(joined({ gone: undefined })).toBe('{}');
  });
});

describe('prettyJsonPieces with a list whose elements are written by their owner', () => {
  it('asks the list for its runs, and writes an empty one as JSON does', () => {
    const rows = [{ key: 'A-1' }, { key: 'A-2' }, { key: 'A-3' }];
    // Each element as it stands two levels deep, as JSON.stringify indents it there.
    const list = new PrettyJsonList(rows.length, (from, to) =>
      rows
        .slice(from, to)
        .map((row) => `    {\n      "key": ${JSON.stringify(row.key)}\n    }`)
        .join(',\n'),
    );
    expect(joined({ first: true, rows: list, last: null }, 2)).toBe(JSON.stringify({ first: true, rows, last: null }, null, 2));
    expect(joined({ rows: new PrettyJsonList(0, () => 'never asked') })).toBe(JSON.stringify({ rows: [] }, null, 2));
  });

  it('hands on runs written as UTF-8 bytes as they are, each read before the next is asked for', () => {
    const keys = ['A-1', 'É-2', 'A"3'];
    const buffer = Buffer.alloc(256);
    // One buffer for every run, as the report's rows are written: a run is overwritten by the next.
    const list = new PrettyJsonList(keys.length, (from, to) => {
      const text = keys
        .slice(from, to)
        .map((key) => `    {\n      "key": ${JSON.stringify(key)}\n    }`)
        .join(',\n');
      return buffer.subarray(0, buffer.write(text, 0, 'utf8'));
    });
    const rows = keys.map((key) => ({ key }));
    expect(Array.from(prettyJsonPieces({ rows: list }, 2), pieceText).join('')).toBe(JSON.stringify({ rows }, null, 2));
  });
});
