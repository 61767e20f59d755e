/**
 * Change items read before, remembered by their bytes, so that an item repeated byte for byte is not parsed again.
 *
 * Why: an export's changelog is mostly change items, and a project's status changes are a few dozen distinct
 * items repeated hundreds of thousands of times (`{"field":"status",...,"from":"3","fromString":"In Progress",
 * "to":"4","toString":"In Review"}`), as are some other fields' (a rank changed "higher"). Comparing an item's
 * bytes with those of one read before costs a fraction of reading its members and values again. Bytes equal to
 * those of an item already read are that item: checked as JSON then, and read the same way now.
 *
 * Only items up to `MAX_ITEM_BYTES` long whose first `}` is their end (no nested object, no `}` in a string)
 * are remembered: the first `}` after an item's start then gives its length before it is read, and so where to look.
 */
import type { ChangeKind } from '../domain';
import { Char } from './selective-json';

/** What a change item says, as `ChangelogReader` reads it: its kind (null for another field's change) and values. */
export interface ReadChangeItem {
  readonly kind: ChangeKind | null;
  readonly from: string | null;
  readonly fromName: string | null;
  readonly to: string | null;
  readonly toName: string | null;
}

/** Longer items (a description's change) rarely repeat, and comparing them would cost about as much as reading them. */
export const MAX_ITEM_BYTES = 320;
/** Items remembered per length: several distinct items often share one (status ids and names of the same lengths). */
const ITEMS_PER_LENGTH = 8;

interface Remembered {
  readonly bytes: Uint8Array;
  readonly item: ReadChangeItem;
}

export class ChangeItemMemo {
  /** By an item's length in bytes: the items of that length remembered, the oldest replaced first once full. */
  private readonly byLength: Remembered[][] = Array.from({ length: MAX_ITEM_BYTES + 1 }, () => []);
  private readonly replaceNext = new Uint8Array(MAX_ITEM_BYTES + 1);

  /**
   * For an item starting at `start` (its `{`): the index after the first `}` that follows, or -1. Only a
   * candidate end: it is the item's end when `find` recognises the bytes before it.
   */
  candidateEnd(bytes: Buffer, start: number): number {
    // Buffer#indexOf and Buffer#compare run natively, several times faster than loops over the bytes here.
    const close = bytes.indexOf(Char.CloseBrace, start + 1);
    return close < 0 ? -1 : close + 1;
  }

  /** The item whose bytes are `start` to `end`, when remembered; null otherwise. */
  find(bytes: Buffer, start: number, end: number): ReadChangeItem | null {
    if (end - start > MAX_ITEM_BYTES) return null;
    const candidates = this.byLength[end - start]!;
    for (let c = 0; c < candidates.length; c++) {
      const known = candidates[c]!;
      if (bytes.compare(known.bytes, 0, known.bytes.length, start, end) === 0) return known.item;
    }
    return null;
  }

  /** Remembers the item read from bytes `start` to `end`, which must be a whole item whose only `}` is its last byte. */
  remember(bytes: Buffer, start: number, end: number, item: ReadChangeItem): void {
    const length = end - start;
    if (length > MAX_ITEM_BYTES) return;
    // A copy: the bytes given are a window of the input that the next chunk overwrites (and Buffer#slice is no copy).
    const remembered = { bytes: new Uint8Array(bytes.subarray(start, end)), item };
    const candidates = this.byLength[length]!;
    if (candidates.length < ITEMS_PER_LENGTH) {
      candidates.push(remembered);
      return;
    }
    candidates[this.replaceNext[length]!] = remembered;
    this.replaceNext[length] = (this.replaceNext[length]! + 1) % ITEMS_PER_LENGTH;
  }
}
