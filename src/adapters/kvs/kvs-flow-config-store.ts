import { kvs } from '@forge/kvs';
import type { FlowConfigStore } from '../../ports';
import { storageKeys } from './storage-keys';

/** Each project's flow configuration document, at `project:<KEY>:flow-config`. */
export class KvsFlowConfigStore implements FlowConfigStore {
  async read(projectKey: string): Promise<unknown> {
    return (await kvs.get<unknown>(storageKeys.flowConfig(projectKey))) ?? null;
  }

  async write(projectKey: string, document: Record<string, unknown>): Promise<void> {
    await kvs.set(storageKeys.flowConfig(projectKey), document);
  }

  async remove(projectKey: string): Promise<void> {
    await kvs.delete(storageKeys.flowConfig(projectKey));
  }
}
