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

/** What a status or flag change item says, as `ChangelogReader` reads it: its kind and values. */
export interface ReadChangeItem {
  readonly kind: ChangeKind;
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
  /** `fingerprint` of the bytes. */
  readonly fingerprint: number;
  readonly item: ReadChangeItem;
}

/** Bytes an item's fingerprint is made of, spread evenly over it. */
const FINGERPRINT_BYTES = 8;

/**
 * A number made of a few of the bytes `start` to `end`, spread over them: items of one length that differ mostly
 * differ there (in their values' ids and names), so most items that are not one remembered are told apart from
 * it without comparing all their bytes (a native call, dearer than the few bytes read here). Equal fingerprints
 * say nothing: the bytes are then compared.
 */
function fingerprint(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  let print = 0;
  for (let k = 1; k <= FINGERPRINT_BYTES; k++)
    print = (Math.imul(print, 31) + bytes[start + Math.floor((length * k) / (FINGERPRINT_BYTES + 2))]!) | 0;
  return print;
}

/** Lookups between two reviews of how many found their item. */
const LOOKUPS_PER_REVIEW = 4096;
/** Items read without looking them up after a review that found too few: then it is tried again. */
const ITEMS_WITHOUT_LOOKUP = 65_536;

export class ChangeItemMemo {
  /** By an item's length in bytes: the items of that length remembered, the oldest replaced first once full. */
  private readonly byLength: Remembered[][] = Array.from({ length: MAX_ITEM_BYTES + 1 }, () => []);
  private readonly replaceNext = new Uint8Array(MAX_ITEM_BYTES + 1);
  private lookups = 0;
  private found = 0;
  /** Items still to be read without a lookup (see `candidateEnd`). */
  private skipping = 0;

  /**
   * For an item starting at `start` (its `{`): the index after the first `}` that follows, or -1. Only a
   * candidate end: it is the item's end when `find` recognises the bytes before it.
   *
   * -1 also while lookups are off. Each lookup that misses costs a little (the search for the end, a comparison
   * per item of that length, the item remembered): an export whose items rarely repeat (each status change, say,
   * with a comment of its own) would pay it at every item. So when fewer than a quarter of the lookups between two
   * reviews found their item, items are read without one for a while.
   */
  candidateEnd(bytes: Buffer, start: number): number {
    if (this.skipping > 0) {
      this.skipping--;
      return -1;
    }
    if (++this.lookups === LOOKUPS_PER_REVIEW) {
      if (this.found * 4 < this.lookups) this.skipping = ITEMS_WITHOUT_LOOKUP;
      this.lookups = 0;
      this.found = 0;
    }
    // Buffer#indexOf and Buffer#compare run natively, several times faster than loops over the bytes here.
    const close = bytes.indexOf(Char.CloseBrace, start + 1);
    return close < 0 ? -1 : close + 1;
  }

  /** The item whose bytes are `start` to `end`, when remembered; null otherwise. */
  find(bytes: Buffer, start: number, end: number): ReadChangeItem | null {
    if (end - start > MAX_ITEM_BYTES) return null;
    const candidates = this.byLength[end - start]!;
    if (candidates.length === 0) return null;
    const print = fingerprint(bytes, start, end);
    for (let c = 0; c < candidates.length; c++) {
      const known = candidates[c]!;
      if (known.fingerprint === print && bytes.compare(known.bytes, 0, known.bytes.length, start, end) === 0) {
        this.found++;
        return known.item;
      }
    }
    return null;
  }

  /**
   * Remembers the item read from bytes `start` to `end`, which must be a whole item whose only `}` is its last byte.
   * Only status and flag changes are remembered: they are what repeats (a few dozen transitions), while other
   * fields' changes mostly carry values of their own (a person, a text), and remembering them would push the
   * others out.
   */
  remember(bytes: Buffer, start: number, end: number, item: ReadChangeItem): void {
    const length = end - start;
    if (length > MAX_ITEM_BYTES) return;
    // A copy: the bytes given are a window of the input that the next chunk overwrites (and Buffer#slice is no copy).
    const remembered = { bytes: new Uint8Array(bytes.subarray(start, end)), fingerprint: fingerprint(bytes, start, end), item };
    const candidates = this.byLength[length]!;
    if (candidates.length < ITEMS_PER_LENGTH) {
      candidates.push(remembered);
      return;
    }
    candidates[this.replaceNext[length]!] = remembered;
    this.replaceNext[length] = (this.replaceNext[length]! + 1) % ITEMS_PER_LENGTH;
  }
}
