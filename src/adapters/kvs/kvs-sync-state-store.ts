import type { SyncStateStore } from '../../ports';
import type { SyncState } from '../../shared/resolver-contract';
import { KvsRecordDocument } from './kvs-record-document';
import { SYNC_STATE_RECORD } from './stored-record-kinds';
import { storageKeys } from './storage-keys';

/** Each project's sync state, a versioned record under the project's own key. */
export class KvsSyncStateStore implements SyncStateStore {
  read(projectKey: string): Promise<SyncState | null> {
    return this.document(projectKey).read();
  }

  write(projectKey: string, state: SyncState): Promise<void> {
    return this.document(projectKey).write(state);
  }

  private document(projectKey: string) {
    return new KvsRecordDocument(storageKeys.syncState(projectKey), SYNC_STATE_RECORD);
  }
}
