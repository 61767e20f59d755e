import type { HeldHistory } from '../../../src/shared/project-history-decoding';

/** A browser database whose connections the browser has closed: every transaction throws, as a closed one's does. */
function closedDatabases() {
  const opens: IDBDatabase[] = [];
  const factory = {
    open: () => {
      const request = {} as IDBOpenDBRequest & { result: IDBDatabase };
      const db = {
        transaction: () => {
          throw new DOMException('The database connection is closing.', 'InvalidStateError');
        },
        close: () => {},
      } as unknown as IDBDatabase;
      opens.push(db);
      Object.defineProperty(request, 'result', { value: db });
      setTimeout(() => {
        request.onsuccess?.call(request, new Event('success'));
      });
      return request;
    },
  };
  return { factory, opens };
}

const held = { version: '0123456789abcdef' } as HeldHistory;

describe('the held histories', () => {
  afterEach(() => {
    delete (globalThis as { indexedDB?: unknown }).indexedDB;
    jest.resetModules();
  });

  it("keep the page's own copy when the browser's connection is closed, and open the database again next time", async () => {
    const { factory, opens } = closedDatabases();
    (globalThis as { indexedDB?: unknown }).indexedDB = factory;
    const { readHeldHistory, writeHeldHistory } = await import('./held-history-cache');

    await expect(writeHeldHistory('site/reader/FLOW', held)).resolves.toBeUndefined();
    await expect(readHeldHistory('site/reader/FLOW')).resolves.toBe(held);
    expect(opens).toHaveLength(2);
  });
});
