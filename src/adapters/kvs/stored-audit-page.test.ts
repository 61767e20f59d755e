/**
 * Audit pages as the app stored them before pages carried a version (version 1), read by today's app, and
 * pages of a version it does not know refused with the app's own error rather than shown half-read.
 */
import { kvs } from '@forge/kvs';
import { KvsEmulator, WITHOUT_QUOTAS } from '../../../dev/kvs';
import { installKvsForTests, type InstalledKvs } from '../../../dev/kvs/install-for-tests';
import { AppError } from '../../app/app-error';
import { KvsAuditLog } from './kvs-audit-log';
import { storageKeys } from './storage-keys';
import { AUDIT_PAGE_RECORD } from './stored-audit-page';

const TOMBSTONE = 'erased-account-7f3c';

/** A page exactly as the app wrote it before versions: the settings page's entries, trimmed and with an erasure. */
const AUDIT_PAGE_V1 = {
  entries: [
    {
      id: '0b7e1c52-5d0e-4c55-9d7a-3f1c2b9e4a10',
      at: '2026-03-02T09:15:00.000Z',
      actorAccountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
      action: 'slack.connected',
      subject: '#flow',
      details: { workspace: 'Flow team', private: false },
    },
    {
      id: '6a2f9d3e-8b41-4f7a-a0c5-1e2d3c4b5a69',
      at: '2026-03-02T10:00:00.000Z',
      actorAccountId: TOMBSTONE,
      action: 'retention.changed',
      subject: null,
      details: { from: 365, to: 730, note: null },
    },
  ],
  trimmedBefore: '2026-03-01T00:00:00.000Z',
  tombstones: [TOMBSTONE],
};

describe('a stored audit page', () => {
  it('reads a version-1 page (no version field) as the app read it then', () => {
    expect(AUDIT_PAGE_RECORD.read(structuredClone(AUDIT_PAGE_V1))).toEqual(AUDIT_PAGE_V1);
  });

  it('is written as the current version, which reads the same', () => {
    const written = AUDIT_PAGE_RECORD.write(AUDIT_PAGE_RECORD.read(structuredClone(AUDIT_PAGE_V1)));
    expect(written).toEqual({ ...AUDIT_PAGE_V1, version: 2 });
    expect(AUDIT_PAGE_RECORD.read(written)).toEqual(AUDIT_PAGE_V1);
  });

  it('refuses a version it does not know, and an action no release recorded, naming the field', () => {
    expect(() => AUDIT_PAGE_RECORD.read({ ...AUDIT_PAGE_V1, version: 3 })).toThrow(
      new AppError('UNAVAILABLE', 'The stored audit log page record cannot be read (version 3); save it again to replace it.'),
    );
    const renamed = structuredClone(AUDIT_PAGE_V1);
    renamed.entries[0]!.action = 'slack.linked';
    expect(() => AUDIT_PAGE_RECORD.read(renamed)).toThrow(/cannot be read \(version 1: entries\.0\.action\)/);
  });
});

describe('the audit log over pages stored before versions', () => {
  let installed: InstalledKvs;
  const log = new KvsAuditLog();
  beforeEach(async () => {
    installed = installKvsForTests(new KvsEmulator({ limits: WITHOUT_QUOTAS }));
    await kvs.set(storageKeys.auditHead, { newestPage: 1, oldestPage: 1 });
    await kvs.set(storageKeys.auditPage(1), structuredClone(AUDIT_PAGE_V1));
  });
  afterEach(() => installed.uninstall());

  it('shows their entries, and keeps them when it records the next one', async () => {
    await expect(log.read(10)).resolves.toEqual({ entries: [...AUDIT_PAGE_V1.entries].reverse(), next: null, approximateTotal: 2 });

    const next = { ...AUDIT_PAGE_V1.entries[0]!, id: 'c1d2e3f4-0000-4000-8000-000000000001', at: '2026-03-03T08:00:00.000Z' };
    await log.append({ ...next, action: 'slack.disconnected', details: {} });

    const stored = installed.emulator.listPlain(storageKeys.auditPage(1))[0]!.value;
    expect(stored).toMatchObject({ version: 2, trimmedBefore: AUDIT_PAGE_V1.trimmedBefore, tombstones: [TOMBSTONE] });
    expect((await log.read(10)).entries.map((entry) => entry.id)).toEqual([next.id, ...AUDIT_PAGE_V1.entries.map((e) => e.id).reverse()]);
  });

  it('refuses a page of a version it does not know with the app error, rather than showing part of it', async () => {
    await kvs.set(storageKeys.auditPage(1), { ...AUDIT_PAGE_V1, version: 3 });
    const refusal: unknown = await log.read(10).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({
      code: 'UNAVAILABLE',
      message: 'The stored audit log page record cannot be read (version 3); save it again to replace it.',
    });
  });
});
