import { storageKeys } from '../../src/adapters/kvs/storage-keys';
import type { KvsEmulator } from '../kvs';

/**
 * Settings tests call the same expensive function many times in a row, as no admin would: after each call their
 * sites forget the markers of the settings requests' throttles (src/app/access/admin-request-throttle.ts), unless a
 * test keeps them to see the throttle itself. Test support only.
 */
export async function forgetRequestThrottles(kvs: KvsEmulator): Promise<void> {
  for (const { key } of kvs.listPlain(storageKeys.adminRequestThrottlePrefix)) {
    await kvs.fetch('/api/v1/delete', { method: 'POST', body: JSON.stringify({ key }) });
  }
}
