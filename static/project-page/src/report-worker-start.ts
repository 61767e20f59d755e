import ReportWorkerScript from './report.worker?worker';
import type { ReportWorker } from './report-worker-protocol';

/** A worker started before the page had a report to ask it for (see `startReportWorkerAhead`). */
let spare: ReportWorker | null = null;

/**
 * Starts the report worker the bundler builds from `report.worker.ts` (served from the app's own files, as
 * Forge's content security policy requires); null where the browser has no workers. The worker started ahead,
 * if any, is the one given.
 */
export function startReportWorker(): ReportWorker | null {
  if (spare !== null) {
    const ready = spare;
    spare = null;
    return ready;
  }
  if (typeof Worker === 'undefined') return null;
  return new ReportWorkerScript();
}

/**
 * Starts a report worker as the history starts loading, so its script loads and runs while the history is
 * fetched and decoded (a few hundred milliseconds on a busy machine) instead of after: the first report then
 * waits only for its own computing. The next `startReportWorker` takes it.
 */
export function startReportWorkerAhead(): void {
  if (spare === null && typeof Worker !== 'undefined') spare = new ReportWorkerScript();
}
