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
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
  });
}

export async function readHeldHistory(key: string): Promise<HeldHistory | null> {
  const db = await openHeldHistories();
  if (!db) return memory.get(key) ?? null;
  return new Promise((resolve) => {
    const request = db.transaction(STORE, 'readonly').objectStore(STORE).get(key);
    request.onsuccess = () => resolve((request.result as HeldHistory | undefined) ?? memory.get(key) ?? null);
    request.onerror = () => resolve(memory.get(key) ?? null);
  });
}

export async function writeHeldHistory(key: string, held: HeldHistory | null): Promise<void> {
  if (held) memory.set(key, held);
  else memory.delete(key);
  const db = await openHeldHistories();
  if (!db) return;
  await new Promise<void>((resolve) => {
    const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
    const request = held ? store.put(held, key) : store.delete(key);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
  });
}
