import { KvsEmulator, WITHOUT_QUOTAS } from '../../../dev/kvs';
import { installKvsForTests, type InstalledKvs } from '../../../dev/kvs/install-for-tests';
import { ENTRIES_PER_STORED_AUDIT_PAGE, KvsAuditLog, MAX_AUDIT_PAGES } from '../../adapters/kvs/kvs-audit-log';
import { KvsDocument } from '../../adapters/kvs/kvs-document';
import { KvsPersonalDataIndex } from '../../adapters/kvs/kvs-personal-data-index';
import { storageKeys } from '../../adapters/kvs/storage-keys';
import type { Clock } from '../../ports';
import { recordAudit, type AuditTrailPorts } from './audit-trail';
import type { ConnectionRecord } from '../privacy/closed-account-erasure';

/**
 * The audit trail on the real KVS adapters: when the log is full and its oldest page makes room, the accounts
 * only that page named leave the personal-data index, as they do after the retention purge; an account a
 * connection record still names stays.
 */
describe('recording into a full audit log', () => {
  let installed: InstalledKvs;
  beforeEach(() => {
    // A full audit log written in a second of test time: the log is under test here, not the quotas.
    installed = installKvsForTests(new KvsEmulator({ limits: WITHOUT_QUOTAS }));
  });
  afterEach(() => installed.uninstall());

  it('forgets the accounts only the dropped page named, unless a connection names them', async () => {
    let minute = 0;
    const clock: Clock = { now: () => new Date(Date.UTC(2026, 0, 1) + minute++ * 60_000) };
    const github = new KvsDocument<ConnectionRecord>(storageKeys.githubConnection);
    const ports: AuditTrailPorts = {
      auditLog: new KvsAuditLog(),
      personalData: new KvsPersonalDataIndex(),
      connections: [github, new KvsDocument<ConnectionRecord>(storageKeys.slackConnection)],
      clock,
    };
    const indexed = () =>
      installed.emulator
        .listPlain(storageKeys.personalDataAccountPrefix)
        .map((entry) => entry.key.slice(storageKeys.personalDataAccountPrefix.length))
        .sort();

    await github.write({ connectedBy: 'connected-admin' });
    await recordAudit(ports, { accountId: 'connected-admin' }, 'github.connected', 'owner/repo');
    await recordAudit(ports, { accountId: 'left-long-ago' }, 'project.measured', 'FLOW');
    for (let i = 2; i < ENTRIES_PER_STORED_AUDIT_PAGE * MAX_AUDIT_PAGES; i += 1)
      await recordAudit(ports, { accountId: 'admin' }, 'project.sync-requested', 'FLOW');
    expect(indexed()).toEqual(['admin', 'connected-admin', 'left-long-ago']);

    // The log is full: the next entry drops the first page, the only one naming the two early accounts.
    await recordAudit(ports, { accountId: 'admin' }, 'project.sync-requested', 'FLOW');
    expect(installed.emulator.listPlain('audit:page:')).toHaveLength(MAX_AUDIT_PAGES);
    expect(indexed()).toEqual(['admin', 'connected-admin']);
    expect(JSON.stringify(installed.emulator.listPlain(''))).not.toContain('left-long-ago');
  });
});
