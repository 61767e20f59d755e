import type { CompactHistory } from '../../../src/domain';
import { decodeHeldHistory, type HeldHistory } from '../../../src/shared/project-history-decoding';
import type { HistoryDecodingWorker } from './history-decoding-protocol';

/** Decodes one history for the page (see `historyDecoder`). */
export interface HistoryDecoder {
  /**
   * The held history as the engine's model.
   * @throws an Error when a shard or edit cannot be read.
   */
  decode(held: HeldHistory): Promise<CompactHistory>;
  /** Ends the worker, if there is one and it is still running. */
  stop(): void;
}

/**
 * Decodes a history in a worker when the browser gives one (`startWorker`), so the page's thread stays free
 * for the reader while the shards are inflated and read; otherwise (a test's DOM without workers, a browser
 * that refuses the worker's script) on the page's own thread with the same code, so the page shows the same
 * history all the same. The worker is started with the decoder, so the page can start it as the history starts
 * loading and its script loads meanwhile; it ends after its one answer.
 */
export function historyDecoder(startWorker: () => HistoryDecodingWorker | null): HistoryDecoder {
  let worker: HistoryDecodingWorker | null;
  try {
    worker = startWorker();
  } catch {
    worker = null;
  }
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  // A worker that cannot run before it is asked anything leaves the decoding to this thread.
  if (worker !== null) worker.onerror = stop;
  return {
    decode(held) {
      const running = worker;
      if (running === null) return decodeHeldHistory(held);
      return new Promise<CompactHistory>((resolve, reject) => {
        running.onmessage = ({ data }) => {
          stop();
          if (data.ok) resolve(data.history);
          else reject(new Error(data.message));
        };
        running.onerror = () => {
          stop();
          decodeHeldHistory(held).then(resolve, reject);
        };
        running.postMessage(held);
      });
    },
    stop,
  };
}
