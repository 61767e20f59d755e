import { type JiraIssue, type JiraStatus } from '../../domain';
import type {
  Clock,
  ErasureGenerations,
  FlowConfigStore,
  HistoryGeneration,
  HistoryStore,
  IssueSource,
  MeasuredProjects,
  OverviewSummaryStore,
  ProjectLocks,
  ProjectSyncState,
  StoredProjects,
  SyncCursorStore,
  SyncJobScheduler,
  SyncStateStore,
  WorkBudget,
} from '../../ports';
import { manifestRefs } from './history-manifest';

/** Everything a sync job works with. */
export interface SyncPorts {
  source: IssueSource;
  store: HistoryStore;
  cursors: SyncCursorStore;
  states: SyncStateStore;
  /** The Overview summary the sync keeps current (see src/app/project-page/overview-summary.ts), and the configuration it follows. */
  summaries: OverviewSummaryStore;
  flowConfigs: Pick<FlowConfigStore, 'read'>;
  locks: ProjectLocks;
  scheduler: SyncJobScheduler;
  budget: WorkBudget;
  clock: Clock;
  retentionDays(): Promise<number>;
  /** Whether the project is still wanted (see sync-mandate.ts), and what to delete when it was erased meanwhile. */
  measured: Pick<MeasuredProjects, 'list'>;
  erasures: Pick<ErasureGenerations, 'current'>;
  storedProjects: Pick<StoredProjects, 'erase'>;
}

/** The sync's numbers, in one place. */
export interface SyncTuning {
  /** Issues read per step: the bulk changelog takes up to 1000 issues a call. */
  batchSize: number;
  /** Longer than a queue consumer may run (900 s), so a live job never loses its lock. */
  lockTtlSeconds: number;
  /** A slice stops starting batches when less than this is left of the invocation. */
  sliceReserveMs: number;
  /** Optional cap on batches per slice (operators can make slices smaller). */
  maxBatchesPerSlice: number | null;
  /** Searches for updated issues reach back this far before the watermark: Jira's index lags a little. */
  overlapMs: number;
  /** Ids per stored part of a backfill's id list (well under 240 KiB even for sparse ids). */
  idListPartSize: number;
  /** A job that finds its project locked by another tries again after this many seconds. */
  busyRetrySeconds: number;
}

export const SYNC_TUNING: Readonly<SyncTuning> = Object.freeze({
  batchSize: 1000,
  lockTtlSeconds: 960,
  sliceReserveMs: 120_000,
  maxBatchesPerSlice: null,
  overlapMs: 10 * 60_000,
  idListPartSize: 20_000,
  busyRetrySeconds: 60,
});

/** One job's view of one project: the ports, and what it learnt so far (so nothing is asked of Jira twice). */
export class SyncRun {
  /** The site's statuses, once this job has had to ask for them. */
  catalogue: JiraStatus[] | null = null;
  flaggedFieldIds: string[] = [];
  /**
   * Issues a backfill read while listing the project (see `startBackfill`), with when their read began:
   * a batch of ids among them takes them from here instead of asking Jira again. Never stored.
   */
  firstBatch: { ids: ReadonlySet<number>; issues: JiraIssue[]; readAt: number } | null = null;
  private readonly protectedRefs = new Map<HistoryGeneration, Set<string>>();

  constructor(
    readonly projectKey: string,
    readonly ports: SyncPorts,
    readonly tuning: SyncTuning,
    /** Issues done before this instant are not kept (the retention window). */
    readonly retentionCutoff: number,
    private readonly previousState: ProjectSyncState,
  ) {}

  /** Shards the other generation uses, read once per job: the lock keeps them from changing meanwhile. */
  async refsProtectedFrom(generation: HistoryGeneration): Promise<ReadonlySet<string>> {
    let refs = this.protectedRefs.get(generation);
    if (!refs) {
      const other = generation === 'live' ? 'staging' : 'live';
      refs = manifestRefs(await this.ports.store.readManifest(this.projectKey, other));
      this.protectedRefs.set(generation, refs);
    }
    return refs;
  }

  /** Forgets what was read about a generation after this job replaced it. */
  forgetProtectedRefs(): void {
    this.protectedRefs.clear();
  }

  /** Whether a slice that has done `batches` batches should hand over to a fresh invocation. */
  shouldHandOver(batches: number): boolean {
    if (batches === 0) return false;
    const cap = this.tuning.maxBatchesPerSlice;
    if (cap !== null && batches >= cap) return true;
    return this.ports.budget.remainingMs() < this.tuning.sliceReserveMs;
  }

  async reportProgress(progress: ProjectSyncState['progress']): Promise<void> {
    await this.ports.states.write(this.projectKey, { ...this.previousState, status: 'running', progress });
  }
}
