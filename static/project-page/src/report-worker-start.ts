import ReportWorkerScript from './report.worker?worker';
import type { ReportWorker } from './report-worker-protocol';

/**
 * Starts the report worker the bundler builds from `report.worker.ts` (served from the app's own files, as
 * Forge's content security policy requires); null where the browser has no workers.
 */
export function startReportWorker(): ReportWorker | null {
  if (typeof Worker === 'undefined') return null;
  return new ReportWorkerScript();
}
