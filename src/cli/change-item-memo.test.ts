import { ChangeItemMemo, MAX_ITEM_BYTES, type ReadChangeItem } from './change-item-memo';

const IN_REVIEW: ReadChangeItem = { kind: 'status', from: '3', fromName: 'In Progress', to: '4', toName: 'In Review' };
const ITEM = '{"field":"status","fieldId":"status","from":"3","fromString":"In Progress","to":"4","toString":"In Review"}';

/** Where the item is, remembered or looked for in `text`: its start and its candidate end. */
function locate(memo: ChangeItemMemo, bytes: Buffer, item: string) {
  const start = bytes.indexOf(item);
  return { start, end: memo.candidateEnd(bytes, start) };
}

describe('ChangeItemMemo', () => {
  it('finds an item remembered when the same bytes come again, anywhere in any buffer', () => {
    const memo = new ChangeItemMemo();
    const first = Buffer.from(`[${ITEM}]`);
    const at = locate(memo, first, ITEM);
    expect(at.end).toBe(1 + ITEM.length);
    memo.remember(first, at.start, at.end, IN_REVIEW);
    const later = Buffer.from(`{"items":[${ITEM},`);
    const again = locate(memo, later, ITEM);
    expect(memo.find(later, again.start, again.end)).toBe(IN_REVIEW);
  });

  it('does not take other bytes of the same length for the item', () => {
    const memo = new ChangeItemMemo();
    const bytes = Buffer.from(ITEM);
    memo.remember(bytes, 0, bytes.length, IN_REVIEW);
    const other = Buffer.from(ITEM.replace('"to":"4"', '"to":"5"'));
    expect(memo.find(other, 0, other.length)).toBeNull();
  });

  it('tells apart bytes of the same length differing anywhere, at the bytes its fingerprint reads or elsewhere', () => {
    const memo = new ChangeItemMemo();
    memo.remember(Buffer.from(ITEM), 0, ITEM.length, IN_REVIEW);
    for (let at = 0; at < ITEM.length; at++) {
      const other = Buffer.from(ITEM);
      other[at] = other[at] === 0x78 ? 0x79 : 0x78;
      expect(memo.find(other, 0, other.length)).toBeNull();
    }
    expect(memo.find(Buffer.from(ITEM), 0, ITEM.length)).toBe(IN_REVIEW);
  });

  it('keeps its own copy of the bytes, which the input overwrites with its next chunk', () => {
    const memo = new ChangeItemMemo();
    const window = Buffer.from(ITEM);
    memo.remember(window, 0, window.length, IN_REVIEW);
    const next = ITEM.replace('In Review', 'In Reviex');
    window.write(next);
    expect(memo.find(window, 0, window.length)).toBeNull();
    expect(memo.find(Buffer.from(ITEM), 0, ITEM.length)).toBe(IN_REVIEW);
  });

  it('remembers several items of the same length, and the latest ones once full', () => {
    const memo = new ChangeItemMemo();
    const items = Array.from({ length: 12 }, (_, k) => ITEM.replace('"to":"4"', `"to":"${String.fromCharCode(65 + k)}"`));
    const read = items.map((_, k): ReadChangeItem => ({ ...IN_REVIEW, to: String(k) }));
    items.forEach((item, k) => memo.remember(Buffer.from(item), 0, item.length, read[k]!));
    const found = items.map((item) => memo.find(Buffer.from(item), 0, item.length));
    expect(found.slice(4)).toEqual(read.slice(4));
    expect(found.slice(0, 4)).toEqual([null, null, null, null]);
  });

  it('leaves out items longer than it compares', () => {
    const memo = new ChangeItemMemo();
    const long = `{"field":"description","to":"${'x'.repeat(MAX_ITEM_BYTES)}"}`;
    memo.remember(Buffer.from(long), 0, long.length, IN_REVIEW);
    expect(memo.find(Buffer.from(long), 0, long.length)).toBeNull();
  });

  it('stops looking items up for a while when few of them are found, and then tries again', () => {
    const memo = new ChangeItemMemo();
    const bytes = Buffer.from(ITEM);
    memo.remember(bytes, 0, bytes.length, IN_REVIEW);
    const other = Buffer.from(ITEM.replace('"to":"4"', '"to":"5"'));
    /** Looks up `count` items of `of`, as the reader does; how many were given a candidate end. */
    const lookUp = (of: Buffer, count: number) => {
      let looked = 0;
      for (let k = 0; k < count; k++) {
        const end = memo.candidateEnd(of, 0);
        if (end < 0) continue;
        looked++;
        memo.find(of, 0, end);
      }
      return looked;
    };
    // A quarter found keeps the lookups on.
    for (let k = 0; k < 1024; k++) expect(lookUp(bytes, 1) + lookUp(other, 3)).toBe(4);
    // Fewer turn them off for the next 65,536 items.
    expect(lookUp(other, 4096)).toBe(4096);
    expect(lookUp(bytes, 65_536)).toBe(0);
    expect(lookUp(bytes, 10)).toBe(10);
    expect(memo.find(bytes, 0, bytes.length)).toBe(IN_REVIEW);
  });

  it('gives no candidate end when no "}" follows (the item goes on in the next chunk)', () => {
    const memo = new ChangeItemMemo();
    expect(memo.candidateEnd(Buffer.from(ITEM.slice(0, -1)), 0)).toBe(-1);
  });
});
