import { kvs } from '@forge/kvs';
import type { MeasuredProjects } from '../../ports';
import { storageKeys } from './storage-keys';

export class KvsMeasuredProjects implements MeasuredProjects {
  async list(): Promise<string[]> {
    return (await kvs.get<string[]>(storageKeys.measuredProjects)) ?? [];
  }

  async replace(projectKeys: string[]): Promise<void> {
    await kvs.set(storageKeys.measuredProjects, projectKeys);
  }
}
