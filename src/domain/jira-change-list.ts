/**
 * The status and flag changes of one issue's changelog, as columns: what `JiraHistoryBuilder` compacts.
 *
 * Why columns, reused from one issue to the next: an export of 100,000 issues holds a million changes, and an
 * object per change was a large share of the cost of reading one. The builder fills a list from parsed
 * histories; the `flow-metrics` command fills one straight from the file's bytes (`PreReadChangelog`), so
 * neither builds an object per history or per change item.
 */

/**
 * A history's `created` whose instant a reader of the file's bytes parsed, without making a string of it
 * (`JiraChangeList.readAhead`). A message about such a date cannot quote the file: the `flow-metrics` command
 * words it again from the issue parsed whole (report-input.ts).
 */
export const READ_AHEAD = Symbol('created read ahead');

/** What a change item changed: the issue's status, or its Flagged field. Other fields' changes are not kept. */
export type ChangeKind = 'status' | 'flag';

export class JiraChangeList {
  /** Index of the change's history in the changelog, and of the item in the history's items: for messages. */
  readonly history: number[] = [];
  readonly item: number[] = [];
  /**
   * The history's `created` as the source gave it (checked by the builder, which fills `at`), or
   * `READ_AHEAD` when a reader of the file's bytes gave its instant already (`readAhead`).
   */
  readonly created: unknown[] = [];
  /** The instant of `created` read ahead, unchecked; NaN when the builder is to parse `created`. */
  readonly readAhead: number[] = [];
  /** Epoch ms of the history's `created`, once checked. */
  readonly at: number[] = [];
  /** Tie-break for changes at the same instant: Jira's history ids grow with time (0 when there is none). */
  readonly historyId: number[] = [];
  readonly kind: ChangeKind[] = [];
  /** The item's values as ids and as text; null when not a string. */
  readonly from: (string | null)[] = [];
  readonly fromName: (string | null)[] = [];
  readonly to: (string | null)[] = [];
  readonly toName: (string | null)[] = [];
  length = 0;
  /** The changes' indices in time order (`timeOrder`), reused from one issue to the next. */
  private readonly order: number[] = [];

  clear(): void {
    this.length = 0;
  }

  add(
    history: number,
    item: number,
    created: unknown,
    historyId: number,
    kind: ChangeKind,
    from: string | null,
    fromName: string | null,
    to: string | null,
    toName: string | null,
  ): void {
    const k = this.length++;
    this.history[k] = history;
    this.item[k] = item;
    this.created[k] = created;
    this.readAhead[k] = NaN;
    this.at[k] = NaN;
    this.historyId[k] = historyId;
    this.kind[k] = kind;
    this.from[k] = from;
    this.fromName[k] = fromName;
    this.to[k] = to;
    this.toName[k] = toName;
  }

  /**
   * Gives the changes from index `first` on their history's `created` and id, read after its items.
   * @param readAhead the instant of `created` when the reader parsed it (then `created` is `READ_AHEAD`), else NaN
   */
  setHistory(first: number, created: unknown, historyId: number, readAhead = NaN): void {
    for (let k = first; k < this.length; k++) {
      this.created[k] = created;
      this.readAhead[k] = readAhead;
      this.historyId[k] = historyId;
    }
  }

  /**
   * The changes' indices in time order, ties broken by history id, then by their order in the list (a stable
   * sort). search/jql and the bulk changelog list histories oldest first; the issue changelog endpoints can
   * list them newest first. The array is reused by the next call.
   */
  timeOrder(): readonly number[] {
    const { at, historyId, order } = this;
    order.length = this.length;
    let sorted = true;
    for (let k = 0; k < this.length; k++) {
      order[k] = k;
      if (k > 0 && (at[k - 1]! > at[k]! || (at[k - 1] === at[k] && historyId[k - 1]! > historyId[k]!))) sorted = false;
    }
    if (!sorted) order.sort((a, b) => at[a]! - at[b]! || historyId[a]! - historyId[b]! || a - b);
    return order;
  }
}

/**
 * Whether a change item changed the status, the Flagged field (by one of its ids, or by its name), or
 * something the metrics do not read (null).
 */
export function changeKind(fieldId: string | null, field: string | null, flaggedFieldIds: ReadonlySet<string>): ChangeKind | null {
  if (fieldId === 'status' || (fieldId === null && field === 'status')) return 'status';
  if ((fieldId !== null && flaggedFieldIds.has(fieldId)) || field?.toLowerCase() === 'flagged') return 'flag';
  return null;
}

/** A history's id as the order of changes at the same instant: its number, or 0 when it has none. */
export function historyOrder(rawId: unknown): number {
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? Number(rawId) : NaN;
  return Number.isNaN(id) ? 0 : id;
}

/**
 * An issue's changelog whose status and flag changes were read ahead, from the file's bytes, by a reader
 * that checked its shape (histories an array of objects, each with an `items` array of objects): the
 * builder checks the rest, as it does for parsed histories. A parsed document never holds one, so the
 * builder can tell it from a changelog as Jira sent it.
 */
export class PreReadChangelog {
  /** The changelog's `total` as given (a number when Jira pages the changelog). */
  total: unknown = undefined;
  /** How many histories the changelog holds. */
  histories = 0;
  readonly changes = new JiraChangeList();

  clear(): void {
    this.total = undefined;
    this.histories = 0;
    this.changes.clear();
  }
}
