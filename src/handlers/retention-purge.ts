import { systemClock } from '../adapters/clock/system-clock';
import { KvsAuditLog } from '../adapters/kvs/kvs-audit-log';
import { KvsDocument } from '../adapters/kvs/kvs-document';
import { KvsHistoryStore } from '../adapters/kvs/kvs-history-store';
import { KvsMeasuredProjects } from '../adapters/kvs/kvs-measured-projects';
import { KvsPersonalDataIndex } from '../adapters/kvs/kvs-personal-data-index';
import { KvsProjectLocks } from '../adapters/kvs/kvs-project-locks';
import { storageKeys } from '../adapters/kvs/storage-keys';
import { KvsSecretVault } from '../adapters/secrets/kvs-secret-vault';
import { purgeExpiredData } from '../app/expired-data-purge';
import { logJob } from '../app/job-log';
import type { ConnectionRecord } from '../app/privacy/closed-account-erasure';
import { isProjectKey } from '../app/project-key';
import { purgeMeasuredHistories } from '../app/sync/expired-history-purge';
import type { RetentionSettings } from '../app/retention-window';
import { RETENTION_DAYS, type PurgeOutcome } from '../shared/resolver-contract';

/** Two years, unless an admin chooses otherwise (30 days to 5 years). */
export const DEFAULT_RETENTION_DAYS = RETENTION_DAYS.default;

/**
 * Scheduled trigger `retention-purge` (daily): drops what is older than the retention window (the same code
 * as the settings page's "purge now", then the measured projects' issue histories), then runs the re-seal
 * job, so tokens move to a newly added sealing key within a day even if no admin asks. All are idempotent,
 * as duplicated trigger runs require.
 */
export async function retentionPurge(): Promise<PurgeOutcome & { resealed: number; historyRemoved: number }> {
  const outcome = await purgeExpiredData({
    retention: new KvsDocument<RetentionSettings>(storageKeys.retentionSettings),
    lastPurge: new KvsDocument<PurgeOutcome>(storageKeys.lastRetentionPurge),
    auditLog: new KvsAuditLog(),
    connections: [new KvsDocument<ConnectionRecord>(storageKeys.githubConnection), new KvsDocument<ConnectionRecord>(storageKeys.slackConnection)],
    personalData: new KvsPersonalDataIndex(),
    clock: systemClock,
  });
  logJob('retention-purge', `retention ${outcome.retentionDays} days, removed ${outcome.removed}`);

  // Issue histories: issues done before the window are dropped from every measured project's shards.
  const history = await purgeMeasuredHistories(
    { store: new KvsHistoryStore(), locks: new KvsProjectLocks(), clock: systemClock },
    (await new KvsMeasuredProjects().list()).filter(isProjectKey),
    outcome.retentionDays,
    `retention-purge:${outcome.at}`,
  );
  logJob('retention-purge', `issue histories: removed ${history.removedIssues}, skipped ${history.skipped.length} busy project(s)`);

  const vault = new KvsSecretVault();
  let resealed = 0;
  if (vault.sealingStatus().configured) {
    const reseal = await vault.resealAll();
    resealed = reseal.resealed;
    logJob('reseal-secrets', `newest key ${reseal.newestKeyId}: resealed ${reseal.resealed}, current ${reseal.alreadyCurrent}, unreadable ${reseal.unreadable}`);
  }
  return { ...outcome, resealed, historyRemoved: history.removedIssues };
}
