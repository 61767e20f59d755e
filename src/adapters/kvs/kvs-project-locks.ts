import { kvs, ForgeKvsAPIError } from '@forge/kvs';
import type { ProjectLocks } from '../../ports';
import { storageKeys } from './storage-keys';

interface LockValue {
  holder: string;
  since: string;
}

/**
 * One sync job per project at a time, on KVS alone: the lock is a key written only if absent
 * (`keyPolicy: 'FAIL_IF_EXISTS'`), with a TTL so a holder that died cannot block the project for longer.
 * The holder that already has it (the retry of the same queue event) may take it again.
 */
export class KvsProjectLocks implements ProjectLocks {
  async acquire(projectKey: string, holder: string, ttlSeconds: number): Promise<boolean> {
    const key = storageKeys.syncLock(projectKey);
    const value: LockValue = { holder, since: new Date().toISOString() };
    const ttl = { value: ttlSeconds, unit: 'SECONDS' as const };
    try {
      await kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS', ttl });
      return true;
    } catch (error) {
      if (!isAlreadyThere(error)) throw error;
    }
    const current = await kvs.get<LockValue>(key);
    if (current?.holder !== holder) return false;
    await kvs.set(key, value, { ttl });
    return true;
  }

  async release(projectKey: string, holder: string): Promise<void> {
    const key = storageKeys.syncLock(projectKey);
    const current = await kvs.get<LockValue>(key);
    if (current?.holder === holder) await kvs.delete(key);
  }
}

/** Forge documents FAIL_IF_EXISTS but not its error code: a 409 conflict, whatever it is called. */
export function isAlreadyThere(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && (error.responseDetails?.status === 409 || /EXISTS/i.test(error.code));
}
