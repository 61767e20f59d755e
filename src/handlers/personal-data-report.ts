import { randomUUID } from 'node:crypto';
import { logJob } from '../app/job-log';
import {
  continuePersonalDataReport,
  PERSONAL_DATA_REPORT_TUNING,
  startPersonalDataReport,
  type PersonalDataReportPorts,
  type PersonalDataReportTuning,
  type SliceOutcome,
} from '../app/privacy/personal-data-report-run';
import { appAdapters } from './composition-root';

function personalDataReportPorts(): PersonalDataReportPorts {
  const adapters = appAdapters();
  return {
    index: adapters.personalData,
    reporter: adapters.personalDataReporter,
    auditLog: adapters.auditLog,
    connections: [adapters.githubConnection, adapters.slackConnection],
    cursor: adapters.personalDataReportCursor,
    lastReport: adapters.lastPersonalDataReport,
    scheduler: adapters.personalDataReportScheduler,
    budget: adapters.budget,
    pause: adapters.pause,
    clock: adapters.clock,
    newRunId: () => randomUUID(),
  };
}

/**
 * One knob an operator may turn through a Forge environment variable: `PERSONAL_DATA_MAX_CHUNKS_PER_SLICE`
 * (a whole number) makes each invocation hand over after that many 90-account requests.
 */
function personalDataReportTuning(): PersonalDataReportTuning {
  const raw = process.env['PERSONAL_DATA_MAX_CHUNKS_PER_SLICE'];
  const cap = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(cap) && cap >= 1 && cap <= 10_000
    ? { ...PERSONAL_DATA_REPORT_TUNING, maxChunksPerSlice: cap }
    : PERSONAL_DATA_REPORT_TUNING;
}

/** Counts and outcomes only: never an accountId. */
function describe(outcome: SliceOutcome): string {
  switch (outcome.kind) {
    case 'finished': {
      const { accountsReported, closed, updated } = outcome.record;
      return `${outcome.record.outcome}: reported ${accountsReported}, closed ${closed}, updated ${updated}`;
    }
    case 'continues':
      return `reported ${outcome.reported} in this slice; continues in ${outcome.delaySeconds}s`;
    case 'skipped':
      return `skipped (${outcome.reason})`;
  }
}

/**
 * Scheduled trigger `personal-data-report` (weekly): reports every stored accountId to Atlassian and erases
 * closed accounts (see src/app/privacy/personal-data-report-run.ts). What does not fit in this invocation
 * continues on the `sync-jobs` queue.
 */
export async function personalDataReport(): Promise<SliceOutcome> {
  const outcome = await startPersonalDataReport(personalDataReportPorts(), personalDataReportTuning());
  logJob('personal-data-report', describe(outcome));
  return outcome;
}

/** A queued slice of a run in progress; the `sync-jobs` consumer hands these over. */
export async function personalDataReportSlice(runId: string): Promise<SliceOutcome> {
  const outcome = await continuePersonalDataReport(personalDataReportPorts(), runId, personalDataReportTuning());
  logJob('personal-data-report', describe(outcome));
  return outcome;
}
