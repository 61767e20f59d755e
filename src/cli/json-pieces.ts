/**
 * A value's JSON text exactly as `JSON.stringify(value, null, 2)` writes it, handed out in pieces of tens of
 * kilobytes rather than as one string.
 *
 * Why: a report of 100,000 issues is 80 MB of JSON, nearly all of it in a few long lists of rows (items,
 * time in status, scatter). As one string, then one buffer to write, it costs twice its size in fresh memory,
 * and touching fresh memory is a large share of a run on a small machine. In pieces, each is written and
 * dropped before the next is made, so the same few megabytes are reused.
 *
 * Each piece is still made by `JSON.stringify`, so quoting, numbers and `toJSON` are its own: a long list is
 * cut into runs of elements, and each run is written nested two deep (`[[...]]`), which indents its elements
 * exactly as they stand in the whole text; the brackets around them are then cut off. A member is written
 * inside an object of its own (`{"name": value}`) for the same reason.
 *
 * A member may also be a `PrettyJsonList`, a list whose elements' text its owner writes itself, straight from
 * what they are made of (see `report-rows-json.ts`): its runs are then asked of it rather than stringified,
 * and may come as UTF-8 bytes rather than as a string.
 */

/**
 * A piece of the text: a string, or its UTF-8 bytes, which may be overwritten once the next piece is asked for
 * (they are written from a buffer reused for every run of a list).
 */
export type JsonPiece = string | Uint8Array;

/** A piece as a string (for a reader of the text rather than of the bytes). */
export const pieceText = (piece: JsonPiece): string =>
  typeof piece === 'string' ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('utf8');

/** Elements of a long list written per piece: tens of kilobytes of a report's rows, small enough for V8 to make in reused memory. */
const ELEMENTS_PER_PIECE = 100;

/** `[\n  [\n` before the first element of a run, and `\n  ]\n]` after the last. */
const RUN_BRACKETS = 6;
/** `{\n` before a member, and `\n}` after it. */
const MEMBER_BRACES = 2;

/**
 * A list of `length` elements a member of the object holds, whose text is made by `elements(from, to)`: the
 * elements `from` to `to - 1` as they stand in the whole text, two levels deep (each indented by four
 * spaces, separated by ",\n"), exactly as `JSON.stringify` of the list they stand for writes them there;
 * as a string or as its UTF-8 bytes (see `JsonPiece`).
 */
export class PrettyJsonList {
  constructor(
    readonly length: number,
    readonly elements: (from: number, to: number) => JsonPiece,
  ) {}
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';

/**
 * The pieces whose concatenation is `JSON.stringify(value, null, 2)`. Only an object's own members are cut:
 * anything else (and an object with `toJSON`) is one piece.
 * @param elementsPerPiece how many elements of a list (a member of the object) make one piece
 */
export function* prettyJsonPieces(value: unknown, elementsPerPiece = ELEMENTS_PER_PIECE): Generator<JsonPiece> {
  if (!isPlainObject(value)) {
    // JSON has no text for undefined or a function: JSON.stringify answers undefined, said here as "".
    yield JSON.stringify(value, null, 2) ?? '';
    return;
  }
  let before = '{\n';
  for (const name of Object.keys(value)) {
    const member = value[name];
    if (member instanceof PrettyJsonList) {
      if (member.length === 0) {
        yield `${before}  ${JSON.stringify(name)}: []`;
      } else {
        yield `${before}  ${JSON.stringify(name)}: [\n`;
        for (let at = 0; at < member.length; at += elementsPerPiece) {
          if (at > 0) yield ',\n';
          yield member.elements(at, Math.min(at + elementsPerPiece, member.length));
        }
        yield '\n  ]';
      }
    } else if (Array.isArray(member) && member.length > elementsPerPiece) {
      yield `${before}  ${JSON.stringify(name)}: [\n`;
      for (let at = 0; at < member.length; at += elementsPerPiece) {
        // Separate pieces rather than joined: a joined string would be copied once more to be written.
        if (at > 0) yield ',\n';
        yield JSON.stringify([member.slice(at, at + elementsPerPiece)], null, 2).slice(RUN_BRACKETS, -RUN_BRACKETS);
      }
      yield '\n  ]';
    } else {
      const text = JSON.stringify({ [name]: member }, null, 2);
      // A member JSON leaves out (undefined, a function): the object is then empty.
      if (text === '{}') continue;
      yield `${before}${text.slice(MEMBER_BRACES, -MEMBER_BRACES)}`;
    }
    before = ',\n';
  }
  yield before === '{\n' ? '{}' : '\n}';
}
