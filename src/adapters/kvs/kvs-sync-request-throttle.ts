import type { SyncRequestThrottle } from '../../ports';
import { KvsExpiringMarker } from './kvs-expiring-marker';
import { storageKeys } from './storage-keys';

/** "Sync now" at most once per period per project: each project has its own expiring marker. */
export class KvsSyncRequestThrottle implements SyncRequestThrottle {
  claim(projectKey: string, periodSeconds: number): Promise<boolean> {
    return markerOf(projectKey).claim(periodSeconds);
  }

  claimedAt(projectKey: string): Promise<Date | null> {
    return markerOf(projectKey).claimedAt();
  }
}

const markerOf = (projectKey: string) => new KvsExpiringMarker(storageKeys.syncNowThrottle(projectKey));
