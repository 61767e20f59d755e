import { kvs } from '@forge/kvs';
import type { UnmeasuredProjects } from '../../ports';
import { storageKeys } from './storage-keys';

/** `project:<KEY>:unmeasured-since`: kept with the project's other values, so erasing the project removes it too. */
export class KvsUnmeasuredProjects implements UnmeasuredProjects {
  async since(projectKey: string): Promise<string | null> {
    return (await kvs.get<{ since: string }>(storageKeys.unmeasuredSince(projectKey)))?.since ?? null;
  }

  async record(projectKey: string, since: string): Promise<void> {
    await kvs.set(storageKeys.unmeasuredSince(projectKey), { since });
  }

  async clear(projectKey: string): Promise<void> {
    await kvs.delete(storageKeys.unmeasuredSince(projectKey));
  }
}
