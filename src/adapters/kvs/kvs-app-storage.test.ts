import { KvsEmulator } from '../../../dev/kvs';
import { installKvsForTests, type InstalledKvs } from '../../../dev/kvs/install-for-tests';
import { KvsAppStorage } from './kvs-app-storage';

describe('the app storage as a whole', () => {
  let installed: InstalledKvs;
  const storage = new KvsAppStorage();
  const put = (key: string, value: unknown) =>
    installed.emulator.fetch('/api/v1/set', { method: 'POST', body: JSON.stringify({ key, value }) });

  beforeEach(async () => {
    installed = installKvsForTests(new KvsEmulator());
    for (let i = 0; i < 55; i += 1)
      await put(`project:P${String(i).padStart(2, '0')}:sync-state`, { status: 'ok', note: 'x'.repeat(1000) });
    await installed.emulator.fetch('/api/v1/secret/set', {
      method: 'POST',
      body: JSON.stringify({ key: 'secret:github-token', value: { sealed: true } }),
    });
  });
  afterEach(() => installed.uninstall());

  it('exports every plain value in chunks, and never a secret', async () => {
    const keys: string[] = [];
    let cursor: string | undefined;
    let chunks = 0;
    do {
      const page = await storage.exportPage(cursor, 10_000);
      keys.push(...page.entries.map((entry) => entry.key));
      cursor = page.nextCursor ?? undefined;
      chunks += 1;
    } while (cursor);
    expect(chunks).toBeGreaterThan(1);
    expect(keys).toEqual(installed.emulator.listPlain().map((entry) => entry.key));
    expect(keys).not.toContain('secret:github-token');
  });

  it('erases plain values until done, stopping at the deadline to be called again', async () => {
    const first = await storage.eraseValues(0);
    expect(first).toEqual({ erased: 20, done: false });
    const rest = await storage.eraseValues(Date.now() + 10_000);
    expect(rest).toEqual({ erased: 35, done: true });
    expect(installed.emulator.listPlain()).toEqual([]);
  });
});
