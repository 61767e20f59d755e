import { KvsEmulator } from '../../../dev/kvs';
import { installKvsForTests, type InstalledKvs } from '../../../dev/kvs/install-for-tests';
import { ENTRIES_PER_STORED_AUDIT_PAGE, KvsAuditLog } from '../../adapters/kvs/kvs-audit-log';
import { AUDIT_LOG_PAGE_SIZE, type AuditEntry, type AuditLogPage } from '../../shared/resolver-contract';
import { auditLogCursor, readAuditLog } from './audit-log-pages';

/**
 * Paging the audit log as the admin does, on the real KVS adapter: pages of a fixed size whatever the stored
 * pages hold, each continuing exactly where the one before stopped.
 */
describe('paging through the audit log', () => {
  let installed: InstalledKvs;
  let recorded = 0;
  const auditLog = new KvsAuditLog();
  const ports = { auditLog };
  const record = () => {
    recorded += 1;
    return auditLog.append({
      id: `entry-${recorded}`,
      at: new Date(Date.UTC(2026, 0, 1) + recorded * 60_000).toISOString(),
      actorAccountId: 'admin-1',
      action: 'project.sync-requested',
      subject: `change ${recorded}`,
      details: {},
    });
  };
  const olderThan = (page: AuditLogPage) => readAuditLog(ports, auditLogCursor.parse(page.olderCursor));
  const subjects = (page: AuditLogPage) => page.entries.map((entry: AuditEntry) => entry.subject);
  const changes = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => `change ${from - i}`);

  beforeEach(() => {
    installed = installKvsForTests(new KvsEmulator());
    recorded = 0;
  });
  afterEach(() => installed.uninstall());

  it('gives full pages across the stored pages, newest first, with no gap and no repeat', async () => {
    // One full stored page and a newest one of 7: the pages read 25, 25, 7, not 7 then 50.
    for (let i = 0; i < ENTRIES_PER_STORED_AUDIT_PAGE + 7; i += 1) await record();
    expect(installed.emulator.listPlain('audit:page:')).toHaveLength(2);

    const first = await readAuditLog(ports);
    const second = await olderThan(first);
    const third = await olderThan(second);

    expect([first, second, third].map((page) => [page.entries.length, page.firstEntryNumber, page.approximateTotal])).toEqual([
      [AUDIT_LOG_PAGE_SIZE, 1, 57],
      [AUDIT_LOG_PAGE_SIZE, 26, 57],
      [7, 51, 57],
    ]);
    expect([...subjects(first), ...subjects(second), ...subjects(third)]).toEqual(changes(57, 1));
    expect(third.olderCursor).toBeNull();
  });

  it('continues where the last page stopped while new entries are recorded between loads', async () => {
    for (let i = 0; i < 60; i += 1) await record();
    const first = await readAuditLog(ports);
    expect(subjects(first)).toEqual(changes(60, 36));

    // Enough new entries to fill the newest stored page and open another.
    for (let i = 0; i < 45; i += 1) await record();
    expect(installed.emulator.listPlain('audit:page:')).toHaveLength(3);

    const second = await olderThan(first);
    expect(subjects(second)).toEqual(changes(35, 11));
    expect(second.firstEntryNumber).toBe(26);
    const third = await olderThan(second);
    expect(subjects(third)).toEqual(changes(10, 1));
    expect(third).toMatchObject({ firstEntryNumber: 51, olderCursor: null });
    // Asked again, a page reads the same: the cursor points at entries, not at a place counted from the newest.
    expect(subjects(await olderThan(first))).toEqual(subjects(second));
  });

  it('ends at an entry that fills the last page exactly', async () => {
    for (let i = 0; i < AUDIT_LOG_PAGE_SIZE * 2; i += 1) await record();
    const second = await olderThan(await readAuditLog(ports));
    expect(second.entries).toHaveLength(AUDIT_LOG_PAGE_SIZE);
    expect(second.olderCursor).toBeNull();
  });

  it('has nothing to show when nothing was recorded, or the cursor is from a log since erased', async () => {
    await expect(readAuditLog(ports)).resolves.toEqual({ entries: [], firstEntryNumber: 1, approximateTotal: 0, olderCursor: null });
    for (let i = 0; i < 30; i += 1) await record();
    const cursor = (await readAuditLog(ports)).olderCursor;
    installed.emulator.clear();
    await record();
    await expect(readAuditLog(ports, auditLogCursor.parse(cursor))).resolves.toMatchObject({ entries: [], olderCursor: null });
  });

  it('refuses a cursor it did not give out', () => {
    const forged = Buffer.from(JSON.stringify({ point: { page: 1, entryId: 'x', at: 'yesterday' }, shownBefore: 25 })).toString(
      'base64url',
    );
    for (const cursor of ['', 'not a cursor', forged, Buffer.from('{').toString('base64url'), 'A'.repeat(500)]) {
      expect(auditLogCursor.safeParse(cursor).success).toBe(false);
    }
  });
});
