/**
 * History edits as the app stored them before edits carried a version (version 1), read by today's app; an
 * edit of a version it does not know is a gap in the chain, so the browser is sent the whole history.
 */
import { kvs } from '@forge/kvs';
import { KvsEmulator, WITHOUT_QUOTAS } from '../../../dev/kvs';
import { installKvsForTests, type InstalledKvs } from '../../../dev/kvs/install-for-tests';
import { AppError } from '../../app/app-error';
import { KvsHistoryEditLog } from './kvs-history-edit-log';
import { storageKeys } from './storage-keys';
import { HISTORY_EDIT_RECORD } from './stored-history-edit';

const HELD = '0123456789abcdef';
const LIVE = 'fedcba9876543210';

/** An edit exactly as the app wrote it before versions: issues removed, none added or changed. */
const HISTORY_EDIT_V1 = { from: HELD, to: LIVE, upserts: '', deletes: [10042, 10077] };

describe('a stored history edit', () => {
  it('reads a version-1 edit (no version field) as the app read it then', () => {
    expect(HISTORY_EDIT_RECORD.read(structuredClone(HISTORY_EDIT_V1))).toEqual(HISTORY_EDIT_V1);
  });

  it('is written as the current version, which reads the same', () => {
    const written = HISTORY_EDIT_RECORD.write(HISTORY_EDIT_RECORD.read(structuredClone(HISTORY_EDIT_V1)));
    expect(written).toEqual({ ...HISTORY_EDIT_V1, version: 2 });
    expect(HISTORY_EDIT_RECORD.read(written)).toEqual(HISTORY_EDIT_V1);
  });

  it('refuses a version it does not know with the app error', () => {
    expect(() => HISTORY_EDIT_RECORD.read({ ...HISTORY_EDIT_V1, version: 3 })).toThrow(
      new AppError('UNAVAILABLE', 'The stored history edit record cannot be read (version 3); save it again to replace it.'),
    );
  });
});

describe('the history edit log over edits stored before versions', () => {
  let installed: InstalledKvs;
  const log = new KvsHistoryEditLog();
  const anyLevel = () => true;
  beforeEach(async () => {
    installed = installKvsForTests(new KvsEmulator({ limits: WITHOUT_QUOTAS }));
    await kvs.set(storageKeys.historyEdits('FLOW'), [{ from: HELD, to: LIVE, bytes: JSON.stringify(HISTORY_EDIT_V1).length }]);
  });
  afterEach(() => installed.uninstall());

  it('sends a browser holding the older version the edit', async () => {
    await kvs.set(storageKeys.historyEdit('FLOW', LIVE), structuredClone(HISTORY_EDIT_V1));
    await expect(log.editsSince('FLOW', HELD, LIVE, anyLevel)).resolves.toEqual([{ upserts: '', deletes: [10042, 10077] }]);
  });

  it('reads an edit of a version it does not know as a gap: the whole history is sent', async () => {
    await kvs.set(storageKeys.historyEdit('FLOW', LIVE), { ...HISTORY_EDIT_V1, version: 3 });
    await expect(log.editsSince('FLOW', HELD, LIVE, anyLevel)).resolves.toBeNull();
  });
});
