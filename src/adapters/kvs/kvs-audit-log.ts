import { ForgeKvsAPIError, kvs } from '@forge/kvs';
import type { AuditDetails, AuditLog, AuditPrune, AuditReadout, AuditReadPoint, AuditRecord } from '../../ports';
import { storageKeys } from './storage-keys';
import { AUDIT_PAGE_RECORD, type AuditPage } from './stored-audit-page';

/**
 * The audit log in KVS, as numbered pages with a head recording the newest and oldest page. A page is closed
 * once it holds ENTRIES_PER_STORED_AUDIT_PAGE entries (appends racing at that moment may add a few more), so each is one
 * small value, far below KVS's 240 KiB. At most MAX_AUDIT_PAGES are kept: opening a page beyond that drops the
 * oldest, so the log cannot grow without bound; the retention purge drops expired entries before that.
 *
 * KVS has no compare-and-set for plain values, so concurrent appends are reconciled instead: a new page is
 * created with FAIL_IF_EXISTS (two writers cannot both open it), and every write of a page reads back the value
 * it replaced; entries in it that the write did not carry are merged in and written again, until a write
 * replaces nothing it did not include. Whoever overwrites a page thus carries every entry already in it.
 * Expired entries (trimmedBefore) and erased accounts (tombstones) stay gone the same way: every writer applies
 * the page's record of them to what it carries, however stale its own copy of the page.
 *
 * Pages are stored in a versioned shape of their own (stored-audit-page.ts), read through its upgrades.
 */
/** How many entries one stored value holds: a storage choice, apart from the 25 a reader sees a page (AUDIT_LOG_PAGE_SIZE). */
export const ENTRIES_PER_STORED_AUDIT_PAGE = 50;
export const MAX_AUDIT_PAGES = 40;
const MERGE_ATTEMPTS = 20;
const NOTHING_DROPPED: AuditPrune = { removed: 0, formerActors: [] };

const byTime = (a: AuditRecord, b: AuditRecord) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);

function namesAccount(entry: AuditRecord, accountId: string): boolean {
  return (
    entry.actorAccountId === accountId ||
    (entry.subject ?? '').includes(accountId) ||
    Object.values(entry.details).some((value) => typeof value === 'string' && value.includes(accountId))
  );
}

/** The event stays (what was done, when, to what); who did it becomes the tombstone. */
function withoutAccount(entry: AuditRecord, accountId: string, tombstone: string): AuditRecord {
  const details: AuditDetails = {};
  for (const [name, value] of Object.entries(entry.details)) {
    details[name] = typeof value === 'string' ? value.split(accountId).join(tombstone) : value;
  }
  return {
    ...entry,
    actorAccountId: entry.actorAccountId === accountId ? tombstone : entry.actorAccountId,
    subject: entry.subject === null ? null : entry.subject.split(accountId).join(tombstone),
    details,
  };
}

interface AuditHead {
  newestPage: number;
  oldestPage: number;
}

/** A stored page, read through its versions; null when the page is not there. */
async function readPage(number: number): Promise<AuditPage | null> {
  return pageFrom(await kvs.get<unknown>(storageKeys.auditPage(number)));
}

const pageFrom = (stored: unknown): AuditPage | null => (stored === undefined || stored === null ? null : AUDIT_PAGE_RECORD.read(stored));

const laterOf = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined || a > b ? a : b);
const notBefore = (entries: AuditRecord[], floor: string | undefined) =>
  floor === undefined ? entries : entries.filter((entry) => entry.at >= floor);
const unionOf = (a: string[] | undefined, b: string[] | undefined) =>
  b === undefined || b.every((t) => a?.includes(t)) ? a : [...new Set([...(a ?? []), ...b])];

const occurrences = (text: string, tombstones: readonly string[]) =>
  tombstones.reduce((count, tombstone) => count + text.split(tombstone).length - 1, 0);

/** Two copies of one field: the more erased, or (for a symmetric answer) the greater. */
function moreErased<T extends string | number | boolean | null>(a: T, b: T, tombstones: readonly string[]): T {
  if (a === b || typeof a !== 'string' || typeof b !== 'string') return a;
  const inA = occurrences(a, tombstones);
  const inB = occurrences(b, tombstones);
  return inA > inB || (inA === inB && a > b) ? a : b;
}

/** One entry from two copies of it, each field as erased as either copy has it. */
function mergedCopies(ours: AuditRecord, theirs: AuditRecord, tombstones: readonly string[]): AuditRecord {
  const details: AuditDetails = { ...theirs.details, ...ours.details };
  for (const name of Object.keys(details)) {
    if (name in ours.details && name in theirs.details) details[name] = moreErased(ours.details[name]!, theirs.details[name]!, tombstones);
  }
  return {
    ...ours,
    actorAccountId: moreErased(ours.actorAccountId, theirs.actorAccountId, tombstones),
    subject: moreErased(ours.subject, theirs.subject, tombstones),
    details,
  };
}

const sameEntry = (a: AuditRecord, b: AuditRecord) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The entries of a page stored before `point`. Entries keep their place in a page (each write keeps them in
 * time order), so the point's own entry marks it; should it be gone, its time does.
 */
function olderThan(entries: AuditRecord[], point: AuditReadPoint): AuditRecord[] {
  const index = entries.findIndex((entry) => entry.id === point.entryId);
  return index >= 0 ? entries.slice(0, index) : entries.filter((entry) => entry.at < point.at);
}

export class KvsAuditLog implements AuditLog {
  async append(entry: AuditRecord): Promise<AuditPrune> {
    const storedHead = await kvs.get<AuditHead>(storageKeys.auditHead);
    const head = storedHead ?? { newestPage: 1, oldestPage: 1 };
    const page = (await readPage(head.newestPage)) ?? { entries: [] };
    if (page.entries.length >= ENTRIES_PER_STORED_AUDIT_PAGE) return this.openPage(head, head.newestPage + 1, entry);
    await this.appendTo(head.newestPage, page, entry);
    if (!storedHead) await kvs.set(storageKeys.auditHead, head);
    return NOTHING_DROPPED;
  }

  /**
   * Walks the stored pages from the newest (or from `after`) towards the oldest, taking entries until it has
   * `count` and one more: that one says whether anything older is left. Each page is read once. A point on a
   * page the log no longer holds (purged, dropped, or the log erased and begun again) has nothing after it.
   */
  async read(count: number, after?: AuditReadPoint): Promise<AuditReadout> {
    const head = await kvs.get<AuditHead>(storageKeys.auditHead);
    if (!head) return { entries: [], next: null, approximateTotal: 0 };
    const stored = new Map<number, AuditRecord[]>();
    const entriesOf = async (number: number): Promise<AuditRecord[]> => {
      if (!stored.has(number)) stored.set(number, (await readPage(number))?.entries ?? []);
      return stored.get(number)!;
    };
    const taken: Array<{ entry: AuditRecord; page: number }> = [];
    if (after === undefined || (after.page >= head.oldestPage && after.page <= head.newestPage)) {
      let number = after?.page ?? head.newestPage;
      let candidates = after === undefined ? await entriesOf(number) : olderThan(await entriesOf(number), after);
      for (;;) {
        for (let i = candidates.length - 1; i >= 0 && taken.length <= count; i -= 1) taken.push({ entry: candidates[i]!, page: number });
        if (taken.length > count || number <= head.oldestPage) break;
        number -= 1;
        candidates = await entriesOf(number);
      }
    }
    const shown = taken.slice(0, count);
    const last = shown[shown.length - 1];
    return {
      entries: shown.map((taking) => taking.entry),
      next: taken.length > count && last ? { page: last.page, entryId: last.entry.id, at: last.entry.at } : null,
      approximateTotal: await this.approximateSize(head, entriesOf),
    };
  }

  /**
   * The newest and oldest pages as they are; every page between them closed full (at ENTRIES_PER_STORED_AUDIT_PAGE, or a
   * few more when appends raced), and neither trimming nor the page cap touches them.
   */
  private async approximateSize(head: AuditHead, entriesOf: (number: number) => Promise<AuditRecord[]>): Promise<number> {
    const newest = (await entriesOf(head.newestPage)).length;
    if (head.oldestPage >= head.newestPage) return newest;
    return newest + (await entriesOf(head.oldestPage)).length + (head.newestPage - head.oldestPage - 1) * ENTRIES_PER_STORED_AUDIT_PAGE;
  }

  /**
   * Whole pages go while their newest entry has expired; the page straddling the cutoff is then rewritten
   * without its expired entries. Only that one page is written (KVS writes are costly): pages after it are
   * newer, as entries are appended in time order.
   */
  async pruneOlderThan(cutoff: string): Promise<AuditPrune> {
    const head = await kvs.get<AuditHead>(storageKeys.auditHead);
    if (!head) return { removed: 0, formerActors: [] };
    const expired: AuditRecord[] = [];
    let oldest = head.oldestPage;
    while (oldest <= head.newestPage) {
      const page = await readPage(oldest);
      const newestEntry = page?.entries[page.entries.length - 1];
      if (page && newestEntry && newestEntry.at >= cutoff) {
        const straddling = page.entries.filter((entry) => entry.at < cutoff);
        if (straddling.length > 0) {
          await this.writeReconciled(
            oldest,
            { ...page, trimmedBefore: laterOf(page.trimmedBefore, cutoff) },
            (entries) => entries,
            'The audit log is too busy to trim expired entries from it; the next run tries again.',
          );
          expired.push(...straddling);
        }
        break;
      }
      await kvs.delete(storageKeys.auditPage(oldest));
      expired.push(...(page?.entries ?? []));
      oldest += 1;
    }
    if (oldest !== head.oldestPage) {
      // When every page went, numbering carries on from the newest, so a page number is never reused.
      await kvs.set(storageKeys.auditHead, { newestPage: head.newestPage, oldestPage: Math.min(oldest, head.newestPage) });
    }
    return {
      removed: expired.length,
      formerActors: await this.unnamedFrom(new Set(expired.map((entry) => entry.actorAccountId)), head.newestPage, oldest),
    };
  }

  /** Those of `actors` that no entry left in pages `from`..`to` names. */
  private async unnamedFrom(actors: Set<string>, to: number, from: number): Promise<string[]> {
    for (let number = from; number <= to && actors.size > 0; number += 1) {
      const page = await readPage(number);
      for (const entry of page?.entries ?? []) {
        for (const actor of actors) if (namesAccount(entry, actor)) actors.delete(actor);
      }
    }
    return [...actors];
  }

  async replaceAccount(accountId: string, tombstone: string): Promise<number> {
    const head = await kvs.get<AuditHead>(storageKeys.auditHead);
    if (!head) return 0;
    let replaced = 0;
    for (let number = head.oldestPage; number <= head.newestPage; number += 1) {
      const page = await readPage(number);
      if (!page || !page.entries.some((entry) => namesAccount(entry, accountId))) continue;
      replaced += await this.rewriteWithout(number, page, accountId, tombstone);
    }
    return replaced;
  }

  /** Rewrites one page with the account replaced; entries racing writers carry in are scrubbed too. */
  private async rewriteWithout(number: number, page: AuditPage, accountId: string, tombstone: string): Promise<number> {
    const scrub = (entries: AuditRecord[]) =>
      entries.map((entry) => (namesAccount(entry, accountId) ? withoutAccount(entry, accountId, tombstone) : entry));
    const proposed = { ...page, tombstones: unionOf(page.tombstones, [tombstone]) };
    await this.writeReconciled(number, proposed, scrub, 'The audit log is too busy to erase an account from it; the next run tries again.');
    return page.entries.filter((entry) => namesAccount(entry, accountId)).length;
  }

  private appendTo(number: number, page: AuditPage, entry: AuditRecord): Promise<void> {
    return this.writeReconciled(
      number,
      { ...page, entries: [...page.entries, entry] },
      (entries) => entries,
      'The audit log is too busy to record this change; try again.',
    );
  }

  /**
   * Writes one page as `proposed`, its entries passed through `revise`, reconciling with writers that raced
   * it: whatever the write replaced and did not carry is revised the same way and merged in, copies of one
   * entry are merged field by field as erased as either has it, and the later trim time and every tombstone of
   * the two apply, until a write replaces nothing it should have carried. `revise` keeps entries' ids; it may
   * rewrite entries (an erased account) but not drop them.
   */
  private async writeReconciled(
    number: number,
    proposed: AuditPage,
    revise: (entries: AuditRecord[]) => AuditRecord[],
    busy: string,
  ): Promise<void> {
    const key = storageKeys.auditPage(number);
    let floor = proposed.trimmedBefore;
    let tombstones = proposed.tombstones;
    let entries = notBefore(revise(proposed.entries), floor);
    for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt += 1) {
      const written: AuditPage = {
        entries,
        ...(floor === undefined ? {} : { trimmedBefore: floor }),
        ...(tombstones === undefined ? {} : { tombstones }),
      };
      const previous = await kvs.set(key, AUDIT_PAGE_RECORD.write(written), { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
      const replaced = pageFrom(previous?.value);
      const replacedFloor = laterOf(floor, replaced?.trimmedBefore);
      const replacedTombstones = unionOf(tombstones, replaced?.tombstones);
      const merged = this.mergedWith(
        notBefore(entries, replacedFloor),
        notBefore(revise(replaced?.entries ?? []), replacedFloor),
        replacedTombstones ?? [],
      );
      if (!merged.changed && replacedFloor === floor && replacedTombstones === tombstones) return;
      floor = replacedFloor;
      tombstones = replacedTombstones;
      entries = merged.entries;
    }
    throw new Error(busy);
  }

  /** `ours` with what `theirs` has that ours lacks: entries ours did not carry, and erasures ours missed. */
  private mergedWith(
    ours: AuditRecord[],
    theirs: AuditRecord[],
    tombstones: readonly string[],
  ): { entries: AuditRecord[]; changed: boolean } {
    const byId = new Map(ours.map((entry) => [entry.id, entry]));
    let changed = false;
    for (const copy of theirs) {
      const own = byId.get(copy.id);
      const merged = own === undefined ? copy : mergedCopies(own, copy, tombstones);
      if (own !== undefined && sameEntry(own, merged)) continue;
      byId.set(copy.id, merged);
      changed = true;
    }
    return { entries: changed ? [...byId.values()].sort(byTime) : ours, changed };
  }

  /**
   * Opens page `number` with `entry`. Beyond MAX_AUDIT_PAGES the oldest pages go to make room, answered as a
   * purge is: how many entries went, and whose they were where nothing left names them.
   */
  private async openPage(head: AuditHead, number: number, entry: AuditRecord): Promise<AuditPrune> {
    try {
      await kvs.set(storageKeys.auditPage(number), AUDIT_PAGE_RECORD.write({ entries: [entry] }), { keyPolicy: 'FAIL_IF_EXISTS' });
    } catch (error) {
      const opened = error instanceof ForgeKvsAPIError ? await readPage(number) : undefined;
      if (!opened) throw error;
      // Another writer opened this page first: join it, or open the one after if it filled up meanwhile.
      if (opened.entries.length < ENTRIES_PER_STORED_AUDIT_PAGE) {
        await this.appendTo(number, opened, entry);
        return NOTHING_DROPPED;
      }
      return this.openPage({ ...head, newestPage: number }, number + 1, entry);
    }
    const oldestPage = Math.max(head.oldestPage, number - MAX_AUDIT_PAGES + 1);
    await kvs.set(storageKeys.auditHead, { newestPage: number, oldestPage });
    const dropped: AuditRecord[] = [];
    for (let page = head.oldestPage; page < oldestPage; page += 1) {
      dropped.push(...((await readPage(page))?.entries ?? []));
      await kvs.delete(storageKeys.auditPage(page));
    }
    if (dropped.length === 0) return NOTHING_DROPPED;
    return {
      removed: dropped.length,
      formerActors: await this.unnamedFrom(new Set(dropped.map((e) => e.actorAccountId)), number, oldestPage),
    };
  }
}
