import HistoryDecodingWorkerScript from './history-decoding.worker?worker';
import type { HistoryDecodingWorker } from './history-decoding-protocol';

/**
 * Starts the history-decoding worker the bundler builds from `history-decoding.worker.ts` (served from the
 * app's own files, as Forge's content security policy requires); null where the browser has no workers.
 */
export function startHistoryDecodingWorker(): HistoryDecodingWorker | null {
  if (typeof Worker === 'undefined') return null;
  return new HistoryDecodingWorkerScript();
}
