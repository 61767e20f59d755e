import { KvsEmulator, WITHOUT_QUOTAS } from '../../../dev/kvs';
import { installKvsForTests, type InstalledKvs } from '../../../dev/kvs/install-for-tests';
import type { AuditEntry } from '../../shared/resolver-contract';
import { ENTRIES_PER_STORED_AUDIT_PAGE, KvsAuditLog, MAX_AUDIT_PAGES } from './kvs-audit-log';

let sequence = 0;
const entry = (at: string, subject = 'FLOW'): AuditEntry => ({
  id: `entry-${++sequence}`,
  at,
  actorAccountId: 'admin-1',
  action: 'workflow.changed',
  subject,
  details: {},
});
const minute = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();

describe('the audit log in KVS', () => {
  let installed: InstalledKvs;
  const log = new KvsAuditLog();
  beforeEach(() => {
    // Thousands of appends in a second of test time: the storage layout is under test here, not the quotas.
    installed = installKvsForTests(new KvsEmulator({ limits: WITHOUT_QUOTAS }));
  });
  afterEach(() => installed.uninstall());

  it('is empty before anything happened', async () => {
    await expect(log.read(10)).resolves.toEqual({ entries: [], next: null, approximateTotal: 0 });
  });

  it('fills pages of bounded size and reads them newest first', async () => {
    for (let i = 0; i < ENTRIES_PER_STORED_AUDIT_PAGE + 3; i += 1) await log.append(entry(minute(i)));
    expect(installed.emulator.listPlain('audit:page:').map((page) => (page.value as { entries: AuditEntry[] }).entries.length)).toEqual([
      ENTRIES_PER_STORED_AUDIT_PAGE,
      3,
    ]);
    const newest = await log.read(3);
    expect(newest).toMatchObject({ approximateTotal: ENTRIES_PER_STORED_AUDIT_PAGE + 3, next: { page: 2 } });
    expect(newest.entries.map((e) => e.at)).toEqual([
      minute(ENTRIES_PER_STORED_AUDIT_PAGE + 2),
      minute(ENTRIES_PER_STORED_AUDIT_PAGE + 1),
      minute(ENTRIES_PER_STORED_AUDIT_PAGE),
    ]);
    const older = await log.read(ENTRIES_PER_STORED_AUDIT_PAGE, newest.next!);
    expect(older.entries).toHaveLength(ENTRIES_PER_STORED_AUDIT_PAGE);
    expect(older.next).toBeNull();
    for (const stored of installed.emulator.listPlain('audit:page:')) {
      expect(JSON.stringify(stored.value).length).toBeLessThan(240 * 1024);
    }
  });

  it('keeps at most MAX_AUDIT_PAGES pages, dropping the oldest', async () => {
    const total = ENTRIES_PER_STORED_AUDIT_PAGE * (MAX_AUDIT_PAGES + 2);
    const drops: Array<{ at: number; removed: number; formerActors: string[] }> = [];
    for (let i = 0; i < total; i += 1) {
      // The first page's first entry is the only one by its actor; the second page's is named again later.
      const actorAccountId =
        i === 0
          ? 'only-on-page-1'
          : [ENTRIES_PER_STORED_AUDIT_PAGE, ENTRIES_PER_STORED_AUDIT_PAGE * MAX_AUDIT_PAGES - 1].includes(i)
            ? 'also-later'
            : 'admin-1';
      const dropped = await log.append({ ...entry(minute(i)), actorAccountId });
      if (dropped.removed > 0) drops.push({ at: i, ...dropped });
    }
    expect(drops).toEqual([
      { at: ENTRIES_PER_STORED_AUDIT_PAGE * MAX_AUDIT_PAGES, removed: ENTRIES_PER_STORED_AUDIT_PAGE, formerActors: ['only-on-page-1'] },
      { at: ENTRIES_PER_STORED_AUDIT_PAGE * (MAX_AUDIT_PAGES + 1), removed: ENTRIES_PER_STORED_AUDIT_PAGE, formerActors: [] },
    ]);
    const pages = installed.emulator.listPlain('audit:page:');
    expect(pages).toHaveLength(MAX_AUDIT_PAGES);
    expect(pages[0]!.key).toBe('audit:page:00000003');
    const all = await log.read(ENTRIES_PER_STORED_AUDIT_PAGE * MAX_AUDIT_PAGES);
    expect(all).toMatchObject({ next: null, approximateTotal: ENTRIES_PER_STORED_AUDIT_PAGE * MAX_AUDIT_PAGES });
    expect(all.entries[all.entries.length - 1]!.at).toBe(minute(ENTRIES_PER_STORED_AUDIT_PAGE * 2));
  });

  it('prunes whole pages older than a cutoff, and carries on numbering', async () => {
    for (let i = 0; i < ENTRIES_PER_STORED_AUDIT_PAGE * 2 + 5; i += 1) await log.append(entry(minute(i)));
    await expect(log.pruneOlderThan(minute(ENTRIES_PER_STORED_AUDIT_PAGE))).resolves.toEqual({
      removed: ENTRIES_PER_STORED_AUDIT_PAGE,
      formerActors: [],
    });
    await expect(log.read(ENTRIES_PER_STORED_AUDIT_PAGE * 2)).resolves.toMatchObject({
      next: null,
      approximateTotal: ENTRIES_PER_STORED_AUDIT_PAGE + 5,
    });
    await expect(log.pruneOlderThan(minute(10_000))).resolves.toEqual({
      removed: ENTRIES_PER_STORED_AUDIT_PAGE + 5,
      formerActors: ['admin-1'],
    });
    await log.append(entry(minute(10_001)));
    await expect(log.read(10)).resolves.toMatchObject({ entries: [{ at: minute(10_001) }], next: null, approximateTotal: 1 });
    expect(installed.emulator.listPlain('audit:page:').map((page) => page.key)).toEqual(['audit:page:00000003']);
  });

  it('trims the page straddling the cutoff, writing only that page', async () => {
    for (let i = 0; i < ENTRIES_PER_STORED_AUDIT_PAGE * 3; i += 1) await log.append(entry(minute(i)));
    const newestBefore = installed.emulator.listPlain('audit:page:00000003');
    const writesBefore = installed.emulator.stats().writes;
    const cutoff = minute(ENTRIES_PER_STORED_AUDIT_PAGE + 20);

    await expect(log.pruneOlderThan(cutoff)).resolves.toMatchObject({ removed: ENTRIES_PER_STORED_AUDIT_PAGE + 20 });

    const left = installed.emulator.listPlain('audit:page:').flatMap((page) => (page.value as { entries: AuditEntry[] }).entries);
    expect(left.map((e) => e.at)).toEqual(
      Array.from({ length: ENTRIES_PER_STORED_AUDIT_PAGE * 2 - 20 }, (_, i) => minute(ENTRIES_PER_STORED_AUDIT_PAGE + 20 + i)),
    );
    // One page deleted, one rewritten, the head moved; the page wholly inside the window is untouched.
    expect(installed.emulator.stats().writes - writesBefore).toBe(3);
    expect(installed.emulator.listPlain('audit:page:00000003')).toEqual(newestBefore);
    await expect(log.read(ENTRIES_PER_STORED_AUDIT_PAGE * 3)).resolves.toMatchObject({
      next: null,
      approximateTotal: ENTRIES_PER_STORED_AUDIT_PAGE * 2 - 20,
    });
    // Pruning again at the same cutoff writes nothing.
    await expect(log.pruneOlderThan(cutoff)).resolves.toEqual({ removed: 0, formerActors: [] });
    expect(installed.emulator.stats().writes - writesBefore).toBe(3);
  });

  it('names the actors of pruned entries that no remaining entry names', async () => {
    const by = (actorAccountId: string, at: string): AuditEntry => ({ ...entry(at), actorAccountId });
    await log.append(by('gone', minute(1)));
    await log.append(by('stays', minute(2)));
    await log.append(by('named-later', minute(3)));
    await log.append({ ...by('stays', minute(4)), details: { about: 'named-later' } });
    await expect(log.pruneOlderThan(minute(4))).resolves.toEqual({ removed: 3, formerActors: ['gone'] });
  });

  it('keeps entries appended while the straddling page is trimmed', async () => {
    for (let i = 0; i < 10; i += 1) await log.append(entry(minute(i), `old${i}`));
    await Promise.all([
      log.pruneOlderThan(minute(5)),
      ...Array.from({ length: 8 }, (_, i) => log.append(entry(minute(100 + i), `new${i}`))),
    ]);
    const left = installed.emulator.listPlain('audit:page:').flatMap((page) => (page.value as { entries: AuditEntry[] }).entries);
    expect(left.map((e) => e.subject).sort()).toEqual(
      [...['old5', 'old6', 'old7', 'old8', 'old9'], ...Array.from({ length: 8 }, (_, i) => `new${i}`)].sort(),
    );
  });

  it('keeps an erased account erased when appends race the erasure', async () => {
    const by = (actorAccountId: string, at: string, subject: string): AuditEntry => ({ ...entry(at, subject), actorAccountId });
    for (let i = 0; i < 10; i += 1) await log.append(by(i % 2 === 0 ? 'closed-1' : 'admin-1', minute(i), `old${i}`));
    await Promise.all([
      log.replaceAccount('closed-1', 'former user'),
      ...Array.from({ length: 8 }, (_, i) => log.append(entry(minute(100 + i), `new${i}`))),
    ]);
    const left = installed.emulator.listPlain('audit:page:').flatMap((page) => (page.value as { entries: AuditEntry[] }).entries);
    expect(left.map((e) => e.subject).sort()).toEqual(
      [...Array.from({ length: 10 }, (_, i) => `old${i}`), ...Array.from({ length: 8 }, (_, i) => `new${i}`)].sort(),
    );
    expect(JSON.stringify(installed.emulator.listPlain(''))).not.toContain('closed-1');
    expect(
      left
        .filter((e) => e.actorAccountId === 'former user')
        .map((e) => e.subject)
        .sort(),
    ).toEqual(['old0', 'old2', 'old4', 'old6', 'old8']);
  });

  const allSubjects = async () => {
    const subjects = new Set<string>();
    for (let read = await log.read(7); ; read = await log.read(7, read.next)) {
      for (const e of read.entries) subjects.add(e.subject!);
      if (!read.next) return subjects;
    }
  };

  it('loses no entry when appends race across a page boundary', async () => {
    for (let i = 0; i < ENTRIES_PER_STORED_AUDIT_PAGE - 4; i += 1) await log.append(entry(minute(i), `early${i}`));
    await Promise.all(Array.from({ length: 15 }, (_, i) => log.append(entry(minute(1000 + i), `race${i}`))));
    expect((await allSubjects()).size).toBe(ENTRIES_PER_STORED_AUDIT_PAGE - 4 + 15);
  });

  it('loses no entry when appends race', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => log.append(entry(minute(i), `P${i}`))));
    expect((await allSubjects()).size).toBe(12);
  });
});
