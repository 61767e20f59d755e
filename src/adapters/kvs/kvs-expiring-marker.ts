import { kvs } from '@forge/kvs';
import type { RequestThrottle } from '../../app/digest/slack-digest-request';
import { isAlreadyThere } from './kvs-project-locks';

/**
 * At most one claim per period: a marker under one key that expires with the period. One key serves the
 * whole app ("send digest now"); a key per project gives each project its own ("sync now").
 */
export class KvsExpiringMarker implements RequestThrottle {
  constructor(private readonly key: string) {}

  async claim(periodSeconds: number): Promise<boolean> {
    try {
      await kvs.set(
        this.key,
        { claimedAt: new Date().toISOString() },
        { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: periodSeconds, unit: 'SECONDS' } },
      );
      return true;
    } catch (error) {
      if (isAlreadyThere(error)) return false;
      throw error;
    }
  }

  async claimedAt(): Promise<Date | null> {
    const marker = await kvs.get<{ claimedAt?: unknown }>(this.key);
    const at = typeof marker?.claimedAt === 'string' ? new Date(marker.claimedAt) : null;
    return at && !Number.isNaN(at.getTime()) ? at : null;
  }

  async release(): Promise<void> {
    await kvs.delete(this.key);
  }
}
