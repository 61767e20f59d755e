import type { HeldHistory } from '../../../src/shared/project-history-decoding';

/**
 * The last history this browser was sent for a project, kept in IndexedDB so the next open (another visit,
 * or the reload after a sync) asks only for the edits since (`getProjectView` with `since`). It holds the
 * same metadata the page shows, and is used only after the resolver, having checked that the reader may
 * browse the project, names the version it is based on. Without IndexedDB it lives for the page's life.
 */
const DATABASE = 'flow-metrics';
const STORE = 'held-history';
const memory = new Map<string, HeldHistory>();

let opened: Promise<IDBDatabase | null> | null = null;

/**
 * The browser's database of held histories, opened once per page: a first open starts it beside its other first
 * steps (`openHeldHistories`), since opening, the first time a browser has none, takes tens of milliseconds.
 */
export function openHeldHistories(): Promise<IDBDatabase | null> {
  opened ??= openDatabase();
  return opened;
}

function openDatabase(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const db = request.result;
      // A connection the browser closes (its site data cleared) or another page upgrades is opened again next time.
      const forget = () => {
        opened = null;
      };
      db.onclose = forget;
      db.onversionchange = () => {
        db.close();
        forget();
      };
      resolve(db);
    };
    request.onerror = () => resolve(null);
  });
}

/** A request on the held histories' store, or null when the connection can no longer make one (closed meanwhile). */
function storeRequest(db: IDBDatabase, mode: IDBTransactionMode, make: (store: IDBObjectStore) => IDBRequest): IDBRequest | null {
  try {
    return make(db.transaction(STORE, mode).objectStore(STORE));
  } catch {
    opened = null;
    return null;
  }
}

export async function readHeldHistory(key: string): Promise<HeldHistory | null> {
  const db = await openHeldHistories();
  if (!db) return memory.get(key) ?? null;
  const request = storeRequest(db, 'readonly', (store) => store.get(key));
  if (request === null) return memory.get(key) ?? null;
  return new Promise((resolve) => {
    request.onsuccess = () => resolve((request.result as HeldHistory | undefined) ?? memory.get(key) ?? null);
    request.onerror = () => resolve(memory.get(key) ?? null);
  });
}

export async function writeHeldHistory(key: string, held: HeldHistory | null): Promise<void> {
  if (held) memory.set(key, held);
  else memory.delete(key);
  const db = await openHeldHistories();
  if (!db) return;
  const request = storeRequest(db, 'readwrite', (store) => (held ? store.put(held, key) : store.delete(key)));
  if (request === null) return;
  await new Promise<void>((resolve) => {
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
  });
}
