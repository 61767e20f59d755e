import { kvs } from '@forge/kvs';
import type { SyncRequestThrottle } from '../../ports';
import { isAlreadyThere } from './kvs-project-locks';
import { storageKeys } from './storage-keys';

/** "Sync now" at most once per period per project: a marker key that expires with the period. */
export class KvsSyncRequestThrottle implements SyncRequestThrottle {
  async claim(projectKey: string, periodSeconds: number): Promise<boolean> {
    try {
      await kvs.set(storageKeys.syncNowThrottle(projectKey), { requestedAt: new Date().toISOString() }, {
        keyPolicy: 'FAIL_IF_EXISTS',
        ttl: { value: periodSeconds, unit: 'SECONDS' },
      });
      return true;
    } catch (error) {
      if (isAlreadyThere(error)) return false;
      throw error;
    }
  }

  async claimedAt(projectKey: string): Promise<Date | null> {
    const marker = await kvs.get<{ requestedAt?: unknown }>(storageKeys.syncNowThrottle(projectKey));
    const at = typeof marker?.requestedAt === 'string' ? new Date(marker.requestedAt) : null;
    return at && !Number.isNaN(at.getTime()) ? at : null;
  }
}
