import type { ProjectSyncState, SyncStateStore } from '../../ports';
import { KvsRecordDocument } from './kvs-record-document';
import { SYNC_STATE_RECORD } from './stored-record-kinds';
import { storageKeys } from './storage-keys';

/** Each project's sync state, a versioned record under the project's own key. */
export class KvsSyncStateStore implements SyncStateStore {
  read(projectKey: string): Promise<ProjectSyncState | null> {
    return this.document(projectKey).read();
  }

  write(projectKey: string, state: ProjectSyncState): Promise<void> {
    return this.document(projectKey).write(state);
  }

  private document(projectKey: string) {
    return new KvsRecordDocument(storageKeys.syncState(projectKey), SYNC_STATE_RECORD);
  }
}
