import { kvs } from '@forge/kvs';
import { storageKeys } from '../adapters/kvs/storage-keys';
import { logJob } from '../app/job-log';

export interface PersonalDataReportOutcome {
  at: string;
  accountsReported: number;
  closed: number;
  updated: number;
  outcome: 'ok' | 'failed';
}

/**
 * Scheduled trigger `personal-data-report` (weekly). The app reports every accountId it stores to Atlassian
 * and erases closed accounts. This version stores no accountIds yet (no audit log, no assignees), so the
 * truthful report is an empty one; the outcome is recorded for the settings page.
 */
export async function personalDataReport(): Promise<PersonalDataReportOutcome> {
  const outcome: PersonalDataReportOutcome = {
    at: new Date().toISOString(),
    accountsReported: 0,
    closed: 0,
    updated: 0,
    outcome: 'ok',
  };
  await kvs.set(storageKeys.lastPersonalDataReport, outcome);
  logJob('personal-data-report', 'no stored accounts to report');
  return outcome;
}
