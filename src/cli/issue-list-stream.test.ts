import fc from 'fast-check';
import { IssueListStream, NOT_AN_ISSUE_LIST } from './issue-list-stream';
import { ALL, JsonStreamError, selectMembers, type Selection } from './selective-json';

/** Feeds `text` in pieces of `size` bytes and returns each element, built by the selection, checking its position and text. */
function elements(text: string, size = Number.MAX_SAFE_INTEGER, selection: Selection = ALL): unknown[] {
  const found: unknown[] = [];
  const stream = new IssueListStream(selection, (element, position, elementText) => {
    expect(position).toBe(found.length);
    if (selection === ALL) expect(JSON.parse(elementText())).toEqual(element);
    found.push(element);
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
    ['{"x": tru, "issues": []}', 'unexpected "," in "true" at byte 9'],
    ['{"x": [1, 2}], "issues": []}', 'at byte 11'],
    ['[', 'unexpected end of the input at byte 1'],
  ])('refuses %j', (text, message) => {
    expect(failure(text).message).toContain(message);
  });

  it('builds each issue with only the selected members, whatever the chunk size', () => {
    const text = JSON.stringify({ issues: [issue('A-1'), issue('A-2')], total: 2 });
    const selection = selectMembers({ key: ALL, fields: selectMembers({ created: ALL }) });
    for (const size of [1, 3, 17, 1 << 20]) {
      expect(elements(text, size, selection)).toEqual([
        { key: 'A-1', fields: { created: null } },
        { key: 'A-2', fields: { created: null } },
      ]);
    }
  });

  it("gives each issue's whole text on request, for messages that need more than the selection", () => {
    const texts: string[] = [];
    const stream = new IssueListStream(selectMembers({}), (_issue, _position, text) => texts.push(text()));
    for (const piece of ['[{"a": "é"', ', "b": [1]} , 2', ']']) stream.push(Buffer.from(piece));
    stream.end();
    expect(texts).toEqual(['{"a": "é", "b": [1]}', '2']);
  });

  it('checks the syntax of every member, skipped or not, and says where it went wrong', () => {
    for (const selection of [ALL, selectMembers({}), selectMembers({ a: ALL })]) {
      expect(() => elements('[{"a": [1}]}]', 1 << 20, selection)).toThrow('expected "," or "]" after an element, found "}" at byte 9');
      expect(() => elements('[{"b": {"c": 1x}}]', 3, selection)).toThrow('expected "," or "}" after a member, found "x" at byte 14');
    }
  });
});
