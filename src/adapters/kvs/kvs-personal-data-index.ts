import { kvs, WhereConditions } from '@forge/kvs';
import type { IndexedAccount, PersonalDataIndex, PersonalDataUse } from '../../ports';
import { storageKeys } from './storage-keys';

/**
 * One value per Atlassian account the app keeps anything about, at `personal-data:account:<accountId>`:
 * what for, since when, and when it was last refreshed. The weekly personal-data report reads these to know
 * which accounts to report, and to find (through `uses`) what to erase for a closed account.
 */
type PersonalDataAccount = IndexedAccount;

const USES: ReadonlySet<string> = new Set<PersonalDataUse>(['audit-actor', 'github-connection', 'slack-connection']);
const isIsoTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/**
 * The account an index entry is about comes from its key (the key is what must be found and deleted); the
 * value is read defensively, so one damaged entry is still reported rather than stopping the whole cycle.
 */
function readEntry(key: string, value: unknown): IndexedAccount {
  const accountId = key.slice(storageKeys.personalDataAccountPrefix.length);
  const stored = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const firstStoredAt = isIsoTime(stored.firstStoredAt) ? stored.firstStoredAt : new Date(0).toISOString();
  return {
    accountId,
    uses: Array.isArray(stored.uses) ? stored.uses.filter((use): use is PersonalDataUse => typeof use === 'string' && USES.has(use)) : [],
    firstStoredAt,
    lastRefreshedAt: isIsoTime(stored.lastRefreshedAt) ? stored.lastRefreshedAt : firstStoredAt,
  };
}

/** KVS's query page size limit (the stricter of the documented values). */
const QUERY_PAGE = 20;

export class KvsPersonalDataIndex implements PersonalDataIndex {
  async remember(accountId: string, use: PersonalDataUse, at: string): Promise<void> {
    const key = storageKeys.personalDataAccount(accountId);
    const known = await kvs.get<PersonalDataAccount>(key);
    // Writes cost twenty reads: an account already indexed for this use is left alone.
    if (known?.uses.includes(use)) return;
    await kvs.set<PersonalDataAccount>(key, {
      accountId,
      uses: [...(known?.uses ?? []), use],
      firstStoredAt: known?.firstStoredAt ?? at,
      lastRefreshedAt: known?.lastRefreshedAt ?? at,
    });
  }

  async count(): Promise<number> {
    let count = 0;
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(storageKeys.personalDataAccountPrefix)).limit(QUERY_PAGE);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      count += page.results.length;
      cursor = page.nextCursor;
    } while (cursor);
    return count;
  }

  /**
   * KVS query cursors are not stable across time, so they are used only within this listing; a later
   * invocation resumes from an accountId instead, skipping the keys before it (reads are cheap, and the
   * index is read once a week).
   */
  async *accountsAfter(afterAccountId: string | null): AsyncIterable<IndexedAccount[]> {
    const after = afterAccountId === null ? null : storageKeys.personalDataAccount(afterAccountId);
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(storageKeys.personalDataAccountPrefix)).limit(QUERY_PAGE);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      const accounts = page.results
        .filter((entry) => after === null || entry.key > after)
        .map((entry) => readEntry(entry.key, entry.value));
      if (accounts.length > 0) yield accounts;
      cursor = page.nextCursor;
    } while (cursor);
  }

  async markRefreshed(accountId: string, at: string): Promise<void> {
    const key = storageKeys.personalDataAccount(accountId);
    const known = await kvs.get<unknown>(key);
    // An account erased meanwhile stays erased: only an entry that still exists is refreshed.
    if (known === undefined) return;
    await kvs.set<PersonalDataAccount>(key, { ...readEntry(key, known), lastRefreshedAt: at });
  }

  async forget(accountId: string): Promise<void> {
    await kvs.delete(storageKeys.personalDataAccount(accountId));
  }
}
