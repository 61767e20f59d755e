import { Queue } from '@forge/events';
import type { PersonalDataReportScheduler } from '../../ports';
import { SYNC_QUEUE_KEY } from './sync-queue';

/** The body of a personal-data report slice on the queue. */
interface PersonalDataReportJob extends Record<string, unknown> {
  job: 'personal-data-report';
  runId: string;
}

/**
 * Slices of the personal-data report share the `sync-jobs` queue (and its 900-second consumer) with the
 * sync: both are long background work cut into resumable slices, and one consumer keeps the manifest small.
 * The consumer tells them apart by `job`.
 */
export class ForgePersonalDataReportScheduler implements PersonalDataReportScheduler {
  async continueRun(runId: string, delaySeconds: number): Promise<void> {
    const body: PersonalDataReportJob = { job: 'personal-data-report', runId };
    // Forge accepts delays of 0 to 900 seconds.
    const delay = Math.min(900, Math.max(0, Math.round(delaySeconds)));
    await new Queue({ key: SYNC_QUEUE_KEY }).push(delay > 0 ? [{ body, delayInSeconds: delay }] : [{ body }]);
  }
}
