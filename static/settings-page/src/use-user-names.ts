import { requestJira } from '@forge/bridge';
import { useEffect, useState } from 'react';

/** Account ids per look-up: the query string stays short, and Jira answers up to this many per page. */
const IDS_PER_REQUEST = 50;

interface BulkUsers {
  values?: Array<{ accountId: string; displayName?: string }>;
}

/**
 * People's names for the account ids the app stores. The app keeps only account ids; names are looked up in
 * the browser, as the signed-in admin (`GET /rest/api/3/user/bulk`), so they are always current and never
 * stored. An id Jira no longer knows (a closed account) is shown as "Former user".
 */
export function useUserNames(accountIds: readonly string[]): (accountId: string) => string {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const wanted = [...new Set(accountIds)].sort().join(',');

  useEffect(() => {
    if (wanted === '') return;
    let current = true;
    const ids = wanted.split(',');
    void (async () => {
      const found = new Map<string, string>();
      for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
        const chunk = ids.slice(i, i + IDS_PER_REQUEST);
        const query = chunk.map((id) => `accountId=${encodeURIComponent(id)}`).join('&');
        try {
          const response = await requestJira(`/rest/api/3/user/bulk?${query}&maxResults=${IDS_PER_REQUEST}`);
          if (!response.ok) continue;
          const page = (await response.json()) as BulkUsers;
          for (const user of page.values ?? []) if (user.displayName) found.set(user.accountId, user.displayName);
        } catch {
          // Names are a courtesy: without them the page still works.
        }
      }
      for (const id of ids) if (!found.has(id)) found.set(id, 'Former user');
      if (current) setNames(found);
    })();
    return () => {
      current = false;
    };
  }, [wanted]);

  return (accountId) => names.get(accountId) ?? '…';
}
