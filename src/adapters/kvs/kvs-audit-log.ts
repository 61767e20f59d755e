import { ForgeKvsAPIError, kvs } from '@forge/kvs';
import type { AuditLog } from '../../ports';
import type { AuditEntry, AuditLogPage } from '../../shared/resolver-contract';
import { storageKeys } from './storage-keys';

/**
 * The audit log in KVS, as numbered pages with a head recording the newest and oldest page. A page is closed
 * once it holds AUDIT_PAGE_SIZE entries (appends racing at that moment may add a few more), so each is one
 * small value, far below KVS's 240 KiB. At most MAX_AUDIT_PAGES are kept: opening a page beyond that drops the
 * oldest, so the log cannot grow without bound; the retention purge drops expired pages before that.
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
}

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

  async pruneOlderThan(cutoff: string): Promise<number> {
    const head = await kvs.get<AuditHead>(storageKeys.auditHead);
    if (!head) return 0;
    let removed = 0;
    let oldest = head.oldestPage;
    while (oldest <= head.newestPage) {
      const page = await kvs.get<StoredPage>(storageKeys.auditPage(oldest));
      const newestEntry = page?.entries[page.entries.length - 1];
      if (page && newestEntry && newestEntry.at >= cutoff) break;
      await kvs.delete(storageKeys.auditPage(oldest));
      removed += page?.entries.length ?? 0;
      oldest += 1;
    }
    if (oldest !== head.oldestPage) {
      // When every page went, numbering carries on from the newest, so a page number is never reused.
      await kvs.set(storageKeys.auditHead, { newestPage: head.newestPage, oldestPage: Math.min(oldest, head.newestPage) });
    }
    return removed;
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

  /**
   * Rewrites one page with the account replaced, reconciling with appends that raced the rewrite the same way
   * `appendTo` does: whatever the write replaced and did not carry is merged in (and scrubbed too).
   */
  private async rewriteWithout(number: number, page: StoredPage, accountId: string, tombstone: string): Promise<number> {
    const key = storageKeys.auditPage(number);
    const scrub = (entries: AuditEntry[]) => entries.map((entry) => (namesAccount(entry, accountId) ? withoutAccount(entry, accountId, tombstone) : entry));
    const changed = page.entries.filter((entry) => namesAccount(entry, accountId)).length;
    let written = scrub(page.entries);
    for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt += 1) {
      const previous = await kvs.set<StoredPage>(key, { entries: written }, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
      const carried = new Set(written.map((e) => e.id));
      const lost = (previous?.value?.entries ?? []).filter((e) => !carried.has(e.id));
      if (lost.length === 0) return changed;
      written = scrub([...written, ...lost].sort(byTime));
    }
    throw new Error('The audit log is too busy to erase an account from it; the next run tries again.');
  }

  private async appendTo(number: number, page: StoredPage, entry: AuditEntry): Promise<void> {
    const key = storageKeys.auditPage(number);
    let written = [...page.entries, entry];
    for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt += 1) {
      const replaced = await kvs.set<StoredPage>(key, { entries: written }, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
      const carried = new Set(written.map((e) => e.id));
      const lost = (replaced?.value?.entries ?? []).filter((e) => !carried.has(e.id));
      if (lost.length === 0) return;
      written = [...written, ...lost].sort(byTime);
    }
    throw new Error('The audit log is too busy to record this change; try again.');
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
