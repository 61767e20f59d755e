import { kvs } from '@forge/kvs';
import type { SyncStateStore } from '../../ports';
import type { SyncState } from '../../shared/resolver-contract';
import { storageKeys } from './storage-keys';

export class KvsSyncStateStore implements SyncStateStore {
  async read(projectKey: string): Promise<SyncState | null> {
    return (await kvs.get<SyncState>(storageKeys.syncState(projectKey))) ?? null;
  }

  async write(projectKey: string, state: SyncState): Promise<void> {
    await kvs.set(storageKeys.syncState(projectKey), state);
  }
}
