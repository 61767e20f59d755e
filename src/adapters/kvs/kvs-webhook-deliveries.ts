import { createHash } from 'node:crypto';
import { KvsExpiringMarker } from './kvs-expiring-marker';
import { eraseByPrefix } from './kvs-prefix-erasure';
import { storageKeys } from './storage-keys';

/**
 * GitHub redelivers a failed delivery within hours; a day's memory of ids refuses every replay in that time. A
 * body is remembered as long: it is refused as stale 6 hours after its event (WEBHOOK_MAX_AGE_MS), and a day
 * covers that with room for GitHub's clock and the app's to disagree.
 */
const DELIVERY_MEMORY_SECONDS = 24 * 60 * 60;

const bodyKey = (body: string) => storageKeys.githubWebhookBody(createHash('sha256').update(body, 'utf8').digest('hex'));

/**
 * The webhook deliveries received lately, one short-lived marker per `X-GitHub-Delivery` id and one per body's
 * digest, each set only if absent (KVS's FAIL_IF_EXISTS), so two copies of a delivery arriving together cannot
 * both be claimed.
 */
export class KvsWebhookDeliveries {
  async claim(deliveryId: string): Promise<boolean> {
    return new KvsExpiringMarker(storageKeys.githubWebhookDelivery(deliveryId)).claim(DELIVERY_MEMORY_SECONDS);
  }

  async release(deliveryId: string): Promise<void> {
    await new KvsExpiringMarker(storageKeys.githubWebhookDelivery(deliveryId)).release();
  }

  /** The body by its SHA-256 digest: the body itself is never stored. */
  async claimBody(body: string): Promise<boolean> {
    return new KvsExpiringMarker(bodyKey(body)).claim(DELIVERY_MEMORY_SECONDS);
  }

  async releaseBody(body: string): Promise<void> {
    await new KvsExpiringMarker(bodyKey(body)).release();
  }

  /** Forgets every delivery and body (on disconnect): a new connection starts with none. */
  async forgetAll(): Promise<number> {
    return eraseByPrefix(storageKeys.githubWebhookDeliveryPrefix);
  }
}
