import { ForgeKvsAPIError, kvs } from '@forge/kvs';
import type { AuditLog, AuditPrune } from '../../ports';
import type { AuditEntry, AuditLogPage } from '../../shared/resolver-contract';
import { storageKeys } from './storage-keys';

/**
 * The audit log in KVS, as numbered pages with a head recording the newest and oldest page. A page is closed
 * once it holds AUDIT_PAGE_SIZE entries (appends racing at that moment may add a few more), so each is one
 * small value, far below KVS's 240 KiB. At most MAX_AUDIT_PAGES are kept: opening a page beyond that drops the
 * oldest, so the log cannot grow without bound; the retention purge drops expired entries before that.
 *
 * KVS has no compare-and-set for plain values, so concurrent appends are reconciled instead: a new page is
 * created with FAIL_IF_EXISTS (two writers cannot both open it), and every write of a page reads back the value
 * it replaced; entries in it that the write did not carry are merged in and written again, until a write
 * replaces nothing it did not include. Whoever overwrites a page thus carries every entry already in it.
 */
export const AUDIT_PAGE_SIZE = 50;
export const MAX_AUDIT_PAGES = 40;
const MERGE_ATTEMPTS = 20;

const byTime = (a: AuditEntry, b: AuditEntry) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);

function namesAccount(entry: AuditEntry, accountId: string): boolean {
  return (
    entry.actorAccountId === accountId ||
    (entry.subject ?? '').includes(accountId) ||
    Object.values(entry.details).some((value) => typeof value === 'string' && value.includes(accountId))
  );
}

/** The event stays (what was done, when, to what); who did it becomes the tombstone. */
function withoutAccount(entry: AuditEntry, accountId: string, tombstone: string): AuditEntry {
  const details: AuditEntry['details'] = {};
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

interface StoredPage {
  entries: AuditEntry[];
  /**
   * Set by the retention purge when it trims a page: entries before this time went, and a writer that read
   * the page before the trim must not bring them back. Writers carry the latest they see.
   */
  trimmedBefore?: string;
}

const laterOf = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined || a > b ? a : b);
const notBefore = (entries: AuditEntry[], floor: string | undefined) => (floor === undefined ? entries : entries.filter((entry) => entry.at >= floor));

export class KvsAuditLog implements AuditLog {
  async append(entry: AuditEntry): Promise<void> {
    const storedHead = await kvs.get<AuditHead>(storageKeys.auditHead);
    const head = storedHead ?? { newestPage: 1, oldestPage: 1 };
    const page = (await kvs.get<StoredPage>(storageKeys.auditPage(head.newestPage))) ?? { entries: [] };
    if (page.entries.length >= AUDIT_PAGE_SIZE) return this.openPage(head, head.newestPage + 1, entry);
    await this.appendTo(head.newestPage, page, entry);
    if (!storedHead) await kvs.set(storageKeys.auditHead, head);
  }

  async page(requested?: number): Promise<AuditLogPage> {
    const head = await kvs.get<AuditHead>(storageKeys.auditHead);
    if (!head) return { entries: [], page: null, olderPage: null };
    const number = requested ?? head.newestPage;
    if (number < head.oldestPage || number > head.newestPage) return { entries: [], page: null, olderPage: null };
    const page = (await kvs.get<StoredPage>(storageKeys.auditPage(number))) ?? { entries: [] };
    return {
      entries: [...page.entries].reverse(),
      page: number,
      olderPage: number > head.oldestPage ? number - 1 : null,
    };
  }

  /**
   * Whole pages go while their newest entry has expired; the page straddling the cutoff is then rewritten
   * without its expired entries. Only that one page is written (KVS writes are costly): pages after it are
   * newer, as entries are appended in time order.
   */
  async pruneOlderThan(cutoff: string): Promise<AuditPrune> {
    const head = await kvs.get<AuditHead>(storageKeys.auditHead);
    if (!head) return { removed: 0, formerActors: [] };
    const expired: AuditEntry[] = [];
    let oldest = head.oldestPage;
    while (oldest <= head.newestPage) {
      const page = await kvs.get<StoredPage>(storageKeys.auditPage(oldest));
      const newestEntry = page?.entries[page.entries.length - 1];
      if (page && newestEntry && newestEntry.at >= cutoff) {
        const straddling = page.entries.filter((entry) => entry.at < cutoff);
        if (straddling.length > 0) {
          await this.writeReconciled(oldest, { entries: page.entries, trimmedBefore: laterOf(page.trimmedBefore, cutoff) }, (entries) => entries, 'The audit log is too busy to trim expired entries from it; the next run tries again.');
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
    return { removed: expired.length, formerActors: await this.unnamedFrom(new Set(expired.map((entry) => entry.actorAccountId)), head.newestPage, oldest) };
  }

  /** Those of `actors` that no entry left in pages `from`..`to` names. */
  private async unnamedFrom(actors: Set<string>, to: number, from: number): Promise<string[]> {
    for (let number = from; number <= to && actors.size > 0; number += 1) {
      const page = await kvs.get<StoredPage>(storageKeys.auditPage(number));
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
      const page = await kvs.get<StoredPage>(storageKeys.auditPage(number));
      if (!page || !page.entries.some((entry) => namesAccount(entry, accountId))) continue;
      replaced += await this.rewriteWithout(number, page, accountId, tombstone);
    }
    return replaced;
  }

  /** Rewrites one page with the account replaced; entries racing writers carry in are scrubbed too. */
  private async rewriteWithout(number: number, page: StoredPage, accountId: string, tombstone: string): Promise<number> {
    const scrub = (entries: AuditEntry[]) => entries.map((entry) => (namesAccount(entry, accountId) ? withoutAccount(entry, accountId, tombstone) : entry));
    await this.writeReconciled(number, page, scrub, 'The audit log is too busy to erase an account from it; the next run tries again.');
    return page.entries.filter((entry) => namesAccount(entry, accountId)).length;
  }

  private appendTo(number: number, page: StoredPage, entry: AuditEntry): Promise<void> {
    return this.writeReconciled(number, { ...page, entries: [...page.entries, entry] }, (entries) => entries, 'The audit log is too busy to record this change; try again.');
  }

  /**
   * Writes one page as `proposed`, its entries passed through `revise`, reconciling with writers that raced
   * it: whatever the write replaced and did not carry is revised the same way and merged in, and the later
   * trim time of the two applies, until a write replaces nothing it should have carried. `revise` keeps
   * entries' ids; it may rewrite entries (an erased account) but not drop them.
   */
  private async writeReconciled(number: number, proposed: StoredPage, revise: (entries: AuditEntry[]) => AuditEntry[], busy: string): Promise<void> {
    const key = storageKeys.auditPage(number);
    let floor = proposed.trimmedBefore;
    let entries = notBefore(revise(proposed.entries), floor);
    for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt += 1) {
      const written: StoredPage = floor === undefined ? { entries } : { entries, trimmedBefore: floor };
      const replaced = (await kvs.set<StoredPage>(key, written, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' }))?.value;
      const replacedFloor = laterOf(floor, replaced?.trimmedBefore);
      const carried = new Set(entries.map((e) => e.id));
      const lost = notBefore(revise(replaced?.entries ?? []), replacedFloor).filter((e) => !carried.has(e.id));
      if (lost.length === 0 && replacedFloor === floor) return;
      floor = replacedFloor;
      entries = notBefore([...entries, ...lost].sort(byTime), floor);
    }
    throw new Error(busy);
  }

  private async openPage(head: AuditHead, number: number, entry: AuditEntry): Promise<void> {
    try {
      await kvs.set<StoredPage>(storageKeys.auditPage(number), { entries: [entry] }, { keyPolicy: 'FAIL_IF_EXISTS' });
    } catch (error) {
      const opened = error instanceof ForgeKvsAPIError ? await kvs.get<StoredPage>(storageKeys.auditPage(number)) : undefined;
      if (!opened) throw error;
      // Another writer opened this page first: join it, or open the one after if it filled up meanwhile.
      if (opened.entries.length < AUDIT_PAGE_SIZE) return this.appendTo(number, opened, entry);
      return this.openPage({ ...head, newestPage: number }, number + 1, entry);
    }
    const oldestPage = Math.max(head.oldestPage, number - MAX_AUDIT_PAGES + 1);
    await kvs.set(storageKeys.auditHead, { newestPage: number, oldestPage });
    for (let dropped = head.oldestPage; dropped < oldestPage; dropped += 1) await kvs.delete(storageKeys.auditPage(dropped));
  }
}
