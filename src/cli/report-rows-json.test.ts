import fc from 'fast-check';
import { itemRowsOf, timeInStatusRowsOf, type ItemTable, type TimeInStatusTable } from '../domain';
import { pieceText, PrettyJsonList, prettyJsonPieces } from './json-pieces';
import { itemRowsJson, timeInStatusRowsJson } from './report-rows-json';

/** Names as stages and statuses may be called, with JSON's and JavaScript's awkward ones among them. */
const name = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('To Do', 'Done', '__proto__', '0', '7', 'a"b\\', 'é', '\n'),
);
/** Numbers as the columns may hold them: rounded values, NaN for null, and what JSON writes specially. */
const number = fc.oneof(
  fc.integer({ min: -5, max: 500 }).map((n) => n / 100),
  fc.constantFrom(NaN, -0, Infinity, 1e21, 0.814),
);
/** Day numbers (1970-01-01 is 0), NaN for none. */
const day = fc.oneof(fc.integer({ min: -800_000, max: 2_900_000 }), fc.constant(NaN));

const itemTable = fc
  .record({
    stages: fc.array(name, { maxLength: 4 }),
    types: fc.array(name, { minLength: 1, maxLength: 3 }),
    statuses: fc.array(name, { minLength: 1, maxLength: 3 }),
    keys: fc.array(fc.oneof(fc.constantFrom('ABC-1', 'X-20'), fc.string({ unit: 'binary', maxLength: 5 })), { maxLength: 7 }),
  })
  .chain(({ stages, types, statuses, keys }) => {
    const n = keys.length;
    const column = <T>(arbitrary: fc.Arbitrary<T>, length = n) => fc.array(arbitrary, { minLength: length, maxLength: length });
    return fc.record({
      stages: fc.constant(stages),
      types: fc.constant(types),
      statuses: fc.constant(statuses),
      key: fc.constant(keys),
      type: column(fc.nat(types.length - 1)).map((values) => Uint16Array.from(values)),
      status: column(fc.nat(statuses.length - 1)).map((values) => Uint16Array.from(values)),
      start: column(day).map((values) => Float64Array.from(values)),
      done: column(day).map((values) => Float64Array.from(values)),
      cycleTime: column(number).map((values) => Float64Array.from(values)),
      leadTime: column(number).map((values) => Float64Array.from(values)),
      age: column(number).map((values) => Float64Array.from(values)),
      discarded: column(fc.nat(1)).map((values) => Uint8Array.from(values)),
      blockedTime: column(number).map((values) => Float64Array.from(values)),
      flowEfficiency: column(number).map((values) => Float64Array.from(values)),
      stageDates: column(day, n * stages.length).map((values) => Float64Array.from(values)),
      timeInStage: column(number, n * stages.length).map((values) => Float64Array.from(values)),
    }) satisfies fc.Arbitrary<ItemTable>;
  });

const statusTable = fc
  .record({ statuses: fc.array(name, { minLength: 1, maxLength: 5 }), keys: fc.array(fc.string({ maxLength: 5 }), { maxLength: 6 }) })
  .chain(({ statuses, keys }) =>
    fc
      // Per row, which statuses it visited (in dictionary order, as the table holds them) and their times.
      .array(fc.subarray([...statuses.keys()]), { minLength: keys.length, maxLength: keys.length })
      .chain((visited) =>
        fc.array(number, { minLength: visited.flat().length, maxLength: visited.flat().length }).map((times): TimeInStatusTable => ({
          statuses,
          key: keys,
          offsets: Int32Array.from([0, ...visited.map((_, r) => visited.slice(0, r + 1).flat().length)]),
          status: Int32Array.from(visited.flat()),
          time: Float64Array.from(times),
        })),
      ),
  );

/** The report's text with the list as `member`, in pieces of `perPiece` rows. */
// Each piece read as it comes: a piece of bytes is overwritten by the next.
const written = (member: unknown, perPiece: number) =>
  Array.from(prettyJsonPieces({ before: 1, rows: member, after: [2] }, perPiece), pieceText).join('');
const expected = (rows: unknown) => JSON.stringify({ before: 1, rows, after: [2] }, null, 2);

describe('report rows written from their columns', () => {
  it('writes the items exactly as JSON.stringify writes the rows itemRowsOf builds, in any runs', () => {
    fc.assert(
      fc.property(itemTable, fc.integer({ min: 1, max: 3 }), (table, perPiece) => {
        expect(written(itemRowsJson(table), perPiece)).toBe(expected(itemRowsOf(table)));
      }),
      { numRuns: 300 },
    );
  });

  it('writes the time in status exactly as JSON.stringify writes the rows timeInStatusRowsOf builds', () => {
    fc.assert(
      fc.property(statusTable, fc.integer({ min: 1, max: 3 }), (table, perPiece) => {
        expect(written(timeInStatusRowsJson(table), perPiece)).toBe(expected(timeInStatusRowsOf(table)));
      }),
      { numRuns: 300 },
    );
  });

  it('writes from the columns when the names keep their order in an object, and builds the rows when they do not', () => {
    const table: TimeInStatusTable = {
      statuses: ['To Do', 'Done'],
      key: ['A-1'],
      offsets: Int32Array.from([0, 2]),
      status: Int32Array.from([0, 1]),
      time: Float64Array.from([1.5, 0]),
    };
    expect(timeInStatusRowsJson(table)).toBeInstanceOf(PrettyJsonList);
    // An object puts a name like "2" before the others, and keeps one member of two of the same name.
    for (const statuses of [
      ['To Do', '2'],
      ['Done', 'Done'],
      ['__proto__', 'Done'],
    ]) {
      expect(timeInStatusRowsJson({ ...table, statuses })).toEqual(timeInStatusRowsOf({ ...table, statuses }));
    }
  });
});
