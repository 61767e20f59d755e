import { KvsExpiringMarker } from './kvs-expiring-marker';
import { eraseByPrefix } from './kvs-prefix-erasure';
import { storageKeys } from './storage-keys';

/** GitHub redelivers a failed delivery within hours; a day's memory of ids refuses every replay in that time. */
export const DELIVERY_MEMORY_SECONDS = 24 * 60 * 60;

/**
 * The webhook deliveries received lately, one short-lived marker per `X-GitHub-Delivery` id, set only if absent
 * (KVS's FAIL_IF_EXISTS), so two copies of a delivery arriving together cannot both be claimed.
 */
export class KvsWebhookDeliveries {
  async claim(deliveryId: string): Promise<boolean> {
    return new KvsExpiringMarker(storageKeys.githubWebhookDelivery(deliveryId)).claim(DELIVERY_MEMORY_SECONDS);
  }

  /** Forgets every delivery (on disconnect): a new connection starts with none. */
  async forgetAll(): Promise<number> {
    return eraseByPrefix(storageKeys.githubWebhookDeliveryPrefix);
  }
}
