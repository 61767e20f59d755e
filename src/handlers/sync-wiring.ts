import { systemClock } from '../adapters/clock/system-clock';
import { ForgeSyncJobScheduler } from '../adapters/forge-queue/forge-sync-job-scheduler';
import { InvocationBudget } from '../adapters/forge-runtime/invocation-budget';
import { JiraIssueSource } from '../adapters/jira/jira-issue-source';
import { JiraPacer } from '../adapters/jira/jira-pacer';
import { jiraAsApp } from '../adapters/jira/jira-request';
import { KvsDocument } from '../adapters/kvs/kvs-document';
import { KvsErasureGenerations } from '../adapters/kvs/kvs-erasure-generations';
import { KvsFlowConfigStore } from '../adapters/kvs/kvs-flow-config-store';
import { KvsHistoryStore } from '../adapters/kvs/kvs-history-store';
import { KvsOverviewSummaryStore } from '../adapters/kvs/kvs-overview-summary-store';
import { KvsMeasuredProjects } from '../adapters/kvs/kvs-measured-projects';
import { KvsProjectLocks } from '../adapters/kvs/kvs-project-locks';
import { KvsStoredProjects } from '../adapters/kvs/kvs-stored-projects';
import { KvsSyncCursorStore } from '../adapters/kvs/kvs-sync-cursor-store';
import { KvsSyncStateStore } from '../adapters/kvs/kvs-sync-state-store';
import { storageKeys } from '../adapters/kvs/storage-keys';
import { readRetentionDays, type RetentionSettings } from '../app/privacy/retention-window';
import { SYNC_TUNING, type SyncPorts, type SyncTuning } from '../app/sync/sync-run';

/**
 * The adapters the sync use-cases run on, built fresh for each invocation: Jira is read as the app (jobs
 * have no user), through one pacer per invocation so its concurrency bound and rate-limit pauses cover
 * every request the job makes.
 */
export function syncPorts(): SyncPorts {
  const retention = new KvsDocument<RetentionSettings>(storageKeys.retentionSettings);
  return {
    source: new JiraIssueSource(jiraAsApp(), new JiraPacer()),
    store: new KvsHistoryStore(),
    cursors: new KvsSyncCursorStore(),
    states: new KvsSyncStateStore(),
    summaries: new KvsOverviewSummaryStore(),
    flowConfigs: new KvsFlowConfigStore(),
    locks: new KvsProjectLocks(),
    scheduler: new ForgeSyncJobScheduler(),
    budget: new InvocationBudget(),
    clock: systemClock,
    retentionDays: () => readRetentionDays(retention),
    measured: new KvsMeasuredProjects(),
    erasures: new KvsErasureGenerations(),
    storedProjects: new KvsStoredProjects(),
  };
}

/**
 * The sync's tuning, with one knob an operator may turn through a Forge environment variable:
 * `SYNC_MAX_BATCHES_PER_SLICE` (a whole number) makes each queue job hand over after that many batches of
 * 1000 issues, for sites where Jira is slow enough that even the time budget is too generous.
 */
export function syncTuning(): SyncTuning {
  const raw = process.env['SYNC_MAX_BATCHES_PER_SLICE'];
  const cap = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(cap) && cap >= 1 && cap <= 1000 ? { ...SYNC_TUNING, maxBatchesPerSlice: cap } : SYNC_TUNING;
}
