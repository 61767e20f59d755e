import { kvs } from '@forge/kvs';
import { storageKeys } from '../adapters/kvs/storage-keys';
import { logJob } from '../app/job-log';

/** Two years, unless an admin chooses otherwise (30 days to 5 years). */
export const DEFAULT_RETENTION_DAYS = 730;

/**
 * Scheduled trigger `retention-purge` (daily): drops issue history older than the retention window.
 * No issue history is stored by this version, so there is nothing to drop; the run is recorded.
 */
export async function retentionPurge(): Promise<{ at: string; retentionDays: number; removed: number }> {
  const settings = await kvs.get<{ retentionDays?: number }>(storageKeys.retentionSettings);
  const result = { at: new Date().toISOString(), retentionDays: settings?.retentionDays ?? DEFAULT_RETENTION_DAYS, removed: 0 };
  await kvs.set(storageKeys.lastRetentionPurge, result);
  logJob('retention-purge', `retention ${result.retentionDays} days, removed ${result.removed}`);
  return result;
}
