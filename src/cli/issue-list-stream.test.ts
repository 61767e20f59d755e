import fc from 'fast-check';
import { IssueListStream, JsonStreamError, NOT_AN_ISSUE_LIST } from './issue-list-stream';

/** Feeds `text` in pieces of `size` bytes and returns each element, parsed, with its position. */
function elements(text: string, size = Number.MAX_SAFE_INTEGER): unknown[] {
  const found: unknown[] = [];
  const stream = new IssueListStream((element, position) => {
    expect(position).toBe(found.length);
    found.push(JSON.parse(element));
  });
  const bytes = Buffer.from(text);
  // One reused buffer, as the file reader does: the stream must not keep a chunk.
  const reused = Buffer.alloc(Math.min(size, Math.max(bytes.length, 1)));
  for (let at = 0; at < bytes.length; at += size) {
    const piece = bytes.subarray(at, at + size);
    piece.copy(reused);
    stream.push(reused.subarray(0, piece.length));
    reused.fill(0x21); // scribble over the old chunk before the next read
  }
  stream.end();
  return found;
}

const failure = (text: string, size?: number): JsonStreamError => {
  try {
    elements(text, size);
  } catch (error) {
    if (error instanceof JsonStreamError) return error;
    throw error;
  }
  throw new Error(`no error for ${text}`);
};

const issue = (key: string) => ({
  id: '1',
  key,
  fields: { summary: 'a "quoted" \\ [tricky] {text}', created: null },
  changelog: { histories: [] },
});

describe('the issue list, streamed', () => {
  const list = [issue('A-1'), issue('A-2'), { key: 'Ä-3 ✓ 😀', nested: [[[]], {}, [{ '}': ']' }]] }, 7, 'text', null, true, -1.5e3];

  it('hands on each element of a top-level array, whatever the chunk size', () => {
    const text = JSON.stringify(list, null, 1);
    for (const size of [1, 2, 3, 5, 64, 1 << 20]) expect(elements(text, size)).toEqual(list);
  });

  it('reads the "issues" member of a search page and checks and skips the other members', () => {
    const page = { startAt: 0, names: { summary: 'Summary' }, issues: list, nextPageToken: 'x"y', isLast: false, warnings: [] };
    for (const size of [1, 7, 1 << 20]) expect(elements(JSON.stringify(page), size)).toEqual(list);
    expect(elements('{"issues": []}')).toEqual([]);
    expect(elements('\ufeff [ ] \n')).toEqual([]); // a byte order mark and whitespace around
    for (const size of [1, 2]) expect(elements('\ufeff[{"a":1}]', size)).toEqual([{ a: 1 }]);
  });

  it('gives every element exactly as JSON.parse does, for any JSON values and chunk sizes', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.integer({ min: 1, max: 40 }), fc.boolean(), (values, size, indent) => {
        const text = JSON.stringify(values, null, indent ? 2 : undefined);
        expect(elements(text, size)).toEqual(JSON.parse(text));
      }),
    );
  });

  it('refuses every input that ends early', () => {
    const text = JSON.stringify({ issues: [issue('A-1'), 12, 'x'] });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 1 }), fc.integer({ min: 1, max: 9 }), (cut, size) => {
        expect(() => elements(text.slice(0, cut), size)).toThrow(JsonStreamError);
      }),
    );
  });

  it.each([
    ['', 'no JSON value: the input is empty at byte 0'],
    ['{"total": 3}', `${NOT_AN_ISSUE_LIST} at byte 11`],
    ['{"issues": {"a": 1}}', `${NOT_AN_ISSUE_LIST} at byte 11`],
    ['"issues"', `${NOT_AN_ISSUE_LIST} at byte 0`],
    ['{"issues": [], "issues": []}', 'the "issues" member appears twice at byte 25'],
    ['[1,]', 'expected an issue, found "]" at byte 3'],
    ['[,1]', 'expected an issue, found "," at byte 1'],
    ['[1 2]', 'expected "," or "]" after an issue, found "2" at byte 3'],
    ['[] []', 'unexpected "[" after the end of the JSON value at byte 3'],
    ['{"issues": [] "x": 1}', 'expected "," or "}" after a member, found "\\"" at byte 14'],
    ['{issues: []}', 'expected a member name in quotes, found "i" at byte 1'],
    ['{"issues" []}', 'expected ":" after a member name, found "[" at byte 10'],
    ['{"x": tru, "issues": []}', 'unexpected end of a value at byte 9'],
    ['{"x": [1, 2}], "issues": []}', 'at byte 11'],
    ['[', 'unexpected end of the input at byte 1'],
  ])('refuses %j', (text, message) => {
    expect(failure(text).message).toContain(message);
  });

  it('leaves an element whose own syntax is wrong to the JSON parser, which sees exactly its text', () => {
    const seen: string[] = [];
    const stream = new IssueListStream((text) => seen.push(text));
    stream.push(Buffer.from('[{"a": [1}], 1x, {"b": "]"}]'));
    stream.end();
    // A bracket closed by the wrong kind still counts for depth, and leaves its element's text invalid.
    expect(seen).toEqual(['{"a": [1}]', '1x', '{"b": "]"}']);
  });

  it('tells where each element starts, in bytes', () => {
    const offsets: number[] = [];
    const stream = new IssueListStream((_text, _position, offset) => offsets.push(offset));
    stream.push(Buffer.from('["é", '));
    stream.push(Buffer.from('{}]'));
    stream.end();
    expect(offsets).toEqual([1, 7]);
  });
});
