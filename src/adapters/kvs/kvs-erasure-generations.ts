import { kvs } from '@forge/kvs';
import type { ErasureGenerations } from '../../ports';
import { storageKeys } from './storage-keys';

/**
 * The erasure count, one number under one key. Two erasures racing may both write the same next number:
 * either way the count has moved on from what every job queued before them carries, which is all it is for.
 */
export class KvsErasureGenerations implements ErasureGenerations {
  async current(): Promise<number> {
    const stored = await kvs.get<unknown>(storageKeys.erasureGeneration);
    return typeof stored === 'number' && Number.isSafeInteger(stored) && stored >= 0 ? stored : 0;
  }

  async advance(): Promise<number> {
    const next = (await this.current()) + 1;
    await kvs.set(storageKeys.erasureGeneration, next);
    return next;
  }
}
