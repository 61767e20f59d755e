import { readRetentionDays } from '../app/privacy/retention-window';
import { SYNC_TUNING, type SyncPorts, type SyncTuning } from '../app/sync/sync-run';
import { appAdapters, type AppAdapters } from './composition-root';

/**
 * The adapters the sync use-cases run on, taken from the invocation's adapters: Jira is read as the app (jobs
 * have no user), through one pacer per invocation so its concurrency bound and rate-limit pauses cover
 * every request the job makes.
 */
export function syncPorts(adapters: AppAdapters = appAdapters()): SyncPorts {
  return {
    source: adapters.issueSource,
    store: adapters.history,
    cursors: adapters.cursors,
    states: adapters.syncStates,
    summaries: adapters.summaries,
    flowConfigs: adapters.flowConfigs,
    locks: adapters.locks,
    scheduler: adapters.syncScheduler,
    budget: adapters.budget,
    clock: adapters.clock,
    retentionDays: () => readRetentionDays(adapters.retention),
    measured: adapters.measured,
    erasures: adapters.erasures,
    storedProjects: adapters.storedProjects,
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
