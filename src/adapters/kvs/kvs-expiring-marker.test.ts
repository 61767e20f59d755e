import { installKvsForEachTest } from '../../../dev/kvs/install-for-tests';
import { KvsExpiringMarker } from './kvs-expiring-marker';
import { KvsSyncRequestThrottle } from './kvs-sync-request-throttle';
import { storageKeys } from './storage-keys';

describe('the expiring marker behind "send digest now" and "sync now"', () => {
  installKvsForEachTest();

  it('holds one claim per period until it expires or is released', async () => {
    const marker = new KvsExpiringMarker(storageKeys.slackDigestNow);
    await expect(marker.claimedAt()).resolves.toBeNull();
    await expect(marker.claim(1)).resolves.toBe(true);
    await expect(marker.claim(1)).resolves.toBe(false);
    expect(Math.abs((await marker.claimedAt())!.getTime() - Date.now())).toBeLessThan(5000);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(marker.claimedAt()).resolves.toBeNull();
    await expect(marker.claim(300)).resolves.toBe(true);
    await marker.release();
    await expect(marker.claim(300)).resolves.toBe(true);
  });

  it('is what "sync now" claims for each project: the same marker, under the project\'s key', async () => {
    const throttle = new KvsSyncRequestThrottle();
    const flowMarker = new KvsExpiringMarker(storageKeys.syncNowThrottle('FLOW'));
    await expect(throttle.claim('FLOW', 300)).resolves.toBe(true);
    await expect(flowMarker.claimedAt()).resolves.toEqual(await throttle.claimedAt('FLOW'));
    await expect(flowMarker.claim(300)).resolves.toBe(false);
    await flowMarker.release();
    await expect(throttle.claimedAt('FLOW')).resolves.toBeNull();
    await expect(throttle.claim('FLOW', 300)).resolves.toBe(true);
  });
});
