import { systemClock } from '../adapters/clock/system-clock';
import { KvsAuditLog } from '../adapters/kvs/kvs-audit-log';
import { KvsDocument } from '../adapters/kvs/kvs-document';
import { KvsHistoryStore } from '../adapters/kvs/kvs-history-store';
import { KvsMeasuredProjects } from '../adapters/kvs/kvs-measured-projects';
import { KvsPersonalDataIndex } from '../adapters/kvs/kvs-personal-data-index';
import { KvsProjectLocks } from '../adapters/kvs/kvs-project-locks';
import { KvsStoredProjects } from '../adapters/kvs/kvs-stored-projects';
import { KvsUnmeasuredProjects } from '../adapters/kvs/kvs-unmeasured-projects';
import { storageKeys } from '../adapters/kvs/storage-keys';
import { KvsSecretVault } from '../adapters/secrets/kvs-secret-vault';
import { purgeExpiredData } from '../app/expired-data-purge';
import { logJob } from '../app/job-log';
import type { ConnectionRecord } from '../app/privacy/closed-account-erasure';
import type { RetentionSettings } from '../app/retention-window';
import type { PurgeOutcome } from '../shared/resolver-contract';

/**
 * Scheduled trigger `retention-purge` (daily): drops what is older than the retention window (the same code
 * as the settings page's "purge now": audit log, personal-data index, and the issue histories of every
 * project in storage, measured or not), then runs the re-seal job, so tokens move to a newly added sealing
 * key within a day even if no admin asks. All are idempotent, as duplicated trigger runs require.
 */
export async function retentionPurge(): Promise<PurgeOutcome & { resealed: number }> {
  const outcome = await purgeExpiredData(
    {
      retention: new KvsDocument<RetentionSettings>(storageKeys.retentionSettings),
      lastPurge: new KvsDocument<PurgeOutcome>(storageKeys.lastRetentionPurge),
      auditLog: new KvsAuditLog(),
      connections: [new KvsDocument<ConnectionRecord>(storageKeys.githubConnection), new KvsDocument<ConnectionRecord>(storageKeys.slackConnection)],
      personalData: new KvsPersonalDataIndex(),
      history: new KvsHistoryStore(),
      locks: new KvsProjectLocks(),
      measured: new KvsMeasuredProjects(),
      storedProjects: new KvsStoredProjects(),
      unmeasured: new KvsUnmeasuredProjects(),
      clock: systemClock,
    },
    'retention-purge',
  );
  logJob(
    'retention-purge',
    `retention ${outcome.retentionDays} days: removed ${outcome.removedAuditEntries} audit entries and ${outcome.removedIssues} issues; ` +
      `erased ${outcome.erasedProjects.length} unmeasured project(s), skipped ${outcome.skippedProjects.length} busy project(s)`,
  );

  const vault = new KvsSecretVault();
  let resealed = 0;
  if (vault.sealingStatus().configured) {
    const reseal = await vault.resealAll();
    resealed = reseal.resealed;
    logJob('reseal-secrets', `newest key ${reseal.newestKeyId}: resealed ${reseal.resealed}, current ${reseal.alreadyCurrent}, unreadable ${reseal.unreadable}`);
  }
  return { ...outcome, resealed };
}
