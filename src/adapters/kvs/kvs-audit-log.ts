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
