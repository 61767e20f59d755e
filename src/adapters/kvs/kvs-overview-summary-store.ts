import { kvs } from '@forge/kvs';
import type { OverviewSummary, OverviewSummaryStore } from '../../ports';
import { storageKeys } from './storage-keys';

/** Each project's Overview summary, at `project:<KEY>:overview-summary`: erased with the project's other keys. */
export class KvsOverviewSummaryStore implements OverviewSummaryStore {
  async read(projectKey: string): Promise<OverviewSummary | null> {
    return (await kvs.get<OverviewSummary>(storageKeys.overviewSummary(projectKey))) ?? null;
  }

  async write(projectKey: string, summary: OverviewSummary): Promise<void> {
    await kvs.set(storageKeys.overviewSummary(projectKey), summary);
  }
}
