import { kvs, WhereConditions } from '@forge/kvs';
import type { PersonalDataIndex, PersonalDataUse } from '../../ports';
import { storageKeys } from './storage-keys';

/**
 * One value per Atlassian account the app keeps anything about, at `personal-data:account:<accountId>`:
 * what for, since when, and when it was last refreshed. The weekly personal-data report reads these to know
 * which accounts to report, and to find (through `uses`) what to erase for a closed account.
 */
export interface PersonalDataAccount {
  accountId: string;
  uses: PersonalDataUse[];
  firstStoredAt: string;
  /** When the app last confirmed the account with Atlassian's personal-data reporting, or first stored it. */
  lastRefreshedAt: string;
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
}
