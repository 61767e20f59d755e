import type {
  AuditLog,
  Clock,
  Pause,
  PersonalDataIndex,
  PersonalDataReporter,
  PersonalDataReportScheduler,
  ReportedAccount,
  StoredDocument,
  WorkBudget,
} from '../../ports';
import type { PersonalDataReportSummary } from '../../shared/resolver-contract';
import { eraseClosedAccount } from './closed-account-erasure';
import { PacedAccountReporting, REPORT_PACING, type ReportPacing } from './paced-account-reporting';

/**
 * The weekly personal-data cycle: every account in the index is reported to Atlassian; `closed` accounts are
 * erased everywhere in the same run, `updated` ones refreshed (the app caches no profile data, so refreshing
 * means recording that it heard). Tens of thousands of accounts take longer than one invocation, so a run is
 * cut into slices: each works until its time budget is nearly spent, saves where it got to, and queues the
 * next slice. Nothing about a run lives anywhere but this cursor, so duplicated or retried invocations are
 * harmless: a chunk reported twice is erased or refreshed twice, to the same result.
 */
export interface PersonalDataReportCursor {
  runId: string;
  startedAt: string;
  /**
   * Where the next chunk starts: after the last account handled that is still in the index (a closed account is
   * erased everywhere, this cursor included; the accounts after this one that were erased are gone from the
   * index, so nothing is skipped or repeated). Null: from the start.
   */
  afterAccountId: string | null;
  accountsReported: number;
  closed: number;
  updated: number;
  /** Slices that ended with a chunk still unanswered; the run gives up after too many in a row. */
  stalledSlices: number;
}

/** What the settings page shows (`PersonalDataReportSummary`), with when the run began. */
export interface PersonalDataReportRecord extends PersonalDataReportSummary {
  startedAt: string;
}

/** Connection records: only who connected them names a person. */
interface ConnectionRecord {
  connectedBy: string;
}

export interface PersonalDataReportPorts {
  index: PersonalDataIndex;
  reporter: PersonalDataReporter;
  auditLog: AuditLog;
  connections: ReadonlyArray<StoredDocument<ConnectionRecord>>;
  cursor: StoredDocument<PersonalDataReportCursor>;
  lastReport: StoredDocument<PersonalDataReportRecord>;
  scheduler: PersonalDataReportScheduler;
  budget: WorkBudget;
  pause: Pause;
  clock: Clock;
  newRunId: () => string;
}

export interface PersonalDataReportTuning {
  pacing: ReportPacing;
  /** Time kept back at the end of an invocation for saving the cursor and queueing the next slice. */
  reserveMs: number;
  /** A chunk that could not be sent in this many consecutive slices ends the run as failed. */
  maxStalledSlices: number;
  /** A run in progress younger than this makes a new trigger a duplicate; an older one was lost and starts over. */
  staleRunMs: number;
  /** Optional cap on chunks per slice (an operator's knob, and how tests make slices small). */
  maxChunksPerSlice: number | null;
}

export const PERSONAL_DATA_REPORT_TUNING: PersonalDataReportTuning = {
  pacing: REPORT_PACING,
  reserveMs: 10_000,
  maxStalledSlices: 5,
  staleRunMs: 24 * 3_600_000,
  maxChunksPerSlice: null,
};

export type SliceOutcome =
  | { kind: 'finished'; record: PersonalDataReportRecord }
  | { kind: 'continues'; reported: number; delaySeconds: number }
  /** A trigger while a run is in progress, or a queued slice of a run that is over. */
  | { kind: 'skipped'; reason: 'run-in-progress' | 'not-the-current-run' };

/** The weekly trigger: starts a run (unless one is under way) and works on it straight away. */
export async function startPersonalDataReport(ports: PersonalDataReportPorts, tuning = PERSONAL_DATA_REPORT_TUNING): Promise<SliceOutcome> {
  const now = ports.clock.now();
  const current = await ports.cursor.read();
  if (current && now.getTime() - Date.parse(current.startedAt) < tuning.staleRunMs) return { kind: 'skipped', reason: 'run-in-progress' };
  const cursor: PersonalDataReportCursor = {
    runId: ports.newRunId(),
    startedAt: now.toISOString(),
    afterAccountId: null,
    accountsReported: 0,
    closed: 0,
    updated: 0,
    stalledSlices: 0,
  };
  await ports.cursor.write(cursor);
  return runSlice(ports, tuning, cursor);
}

/** A queued slice: carries on from the saved cursor, if `runId` is still the run in progress. */
export async function continuePersonalDataReport(
  ports: PersonalDataReportPorts,
  runId: string,
  tuning = PERSONAL_DATA_REPORT_TUNING,
): Promise<SliceOutcome> {
  const cursor = await ports.cursor.read();
  if (!cursor || cursor.runId !== runId) return { kind: 'skipped', reason: 'not-the-current-run' };
  return runSlice(ports, tuning, cursor);
}

async function runSlice(
  ports: PersonalDataReportPorts,
  tuning: PersonalDataReportTuning,
  start: PersonalDataReportCursor,
): Promise<SliceOutcome> {
  const reporting = new PacedAccountReporting(ports, tuning.pacing, tuning.reserveMs);
  const cursor = { ...start };
  let reportedThisSlice = 0;
  let chunks = 0;
  let pending: ReportedAccount[] = [];

  // Sends `pending` and applies the verdicts; answers a reason to stop the slice, or null to go on.
  const flush = async (): Promise<SliceOutcome | null> => {
    if (tuning.maxChunksPerSlice !== null && chunks >= tuning.maxChunksPerSlice) return handOver(ports, cursor, reportedThisSlice, 0);
    if (ports.budget.remainingMs() < tuning.reserveMs) return handOver(ports, cursor, reportedThisSlice, 0);
    const outcome = await reporting.report(pending);
    if (outcome.kind === 'refused') return finish(ports, cursor, 'failed');
    if (outcome.kind === 'retry-later') {
      cursor.stalledSlices += 1;
      if (cursor.stalledSlices >= tuning.maxStalledSlices) return finish(ports, cursor, 'failed');
      return handOver(ports, cursor, reportedThisSlice, outcome.retryAfterMs / 1000);
    }
    const at = ports.clock.now().toISOString();
    const erased = new Set<string>();
    for (const verdict of outcome.verdicts) {
      // Only accounts this request carried: an answer naming anything else is ignored, never acted on.
      if (!pending.some((account) => account.accountId === verdict.accountId)) continue;
      if (verdict.status === 'closed') {
        await eraseClosedAccount(
          { auditLog: ports.auditLog, connections: ports.connections, personalData: ports.index },
          verdict.accountId,
        );
        erased.add(verdict.accountId);
        cursor.closed += 1;
      } else {
        await ports.index.markRefreshed(verdict.accountId, at);
        cursor.updated += 1;
      }
    }
    cursor.accountsReported += pending.length;
    cursor.afterAccountId = pending.filter((account) => !erased.has(account.accountId)).pop()?.accountId ?? cursor.afterAccountId;
    cursor.stalledSlices = 0;
    reportedThisSlice += pending.length;
    chunks += 1;
    pending = [];
    // Saved after every chunk: an invocation killed at any point loses at most one chunk's work.
    await ports.cursor.write(cursor);
    return null;
  };

  for await (const page of ports.index.accountsAfter(cursor.afterAccountId)) {
    for (const account of page) {
      pending.push({ accountId: account.accountId, updatedAt: account.lastRefreshedAt });
      if (pending.length < tuning.pacing.chunkSize) continue;
      const stop = await flush();
      if (stop) return stop;
    }
  }
  if (pending.length > 0) {
    const stop = await flush();
    if (stop) return stop;
  }
  return finish(ports, cursor, 'ok');
}

async function handOver(
  ports: PersonalDataReportPorts,
  cursor: PersonalDataReportCursor,
  reported: number,
  delaySeconds: number,
): Promise<SliceOutcome> {
  await ports.cursor.write(cursor);
  const delay = Math.ceil(delaySeconds);
  await ports.scheduler.continueRun(cursor.runId, delay);
  return { kind: 'continues', reported, delaySeconds: delay };
}

async function finish(ports: PersonalDataReportPorts, cursor: PersonalDataReportCursor, outcome: 'ok' | 'failed'): Promise<SliceOutcome> {
  const record: PersonalDataReportRecord = {
    at: ports.clock.now().toISOString(),
    startedAt: cursor.startedAt,
    accountsReported: cursor.accountsReported,
    closed: cursor.closed,
    updated: cursor.updated,
    outcome,
  };
  await ports.lastReport.write(record);
  await ports.cursor.remove();
  return { kind: 'finished', record };
}
