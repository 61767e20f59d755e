import type { CompactHistory } from '../../../src/domain';
import type { HeldHistory } from '../../../src/shared/project-history-decoding';

/**
 * What the page and the history-decoding worker say to each other: the page sends the history as stored (the
 * held shards and edits, base64 text that crosses as a plain copy), the worker answers the decoded history, or
 * why it could not read it.
 */
export type HistoryDecodingAnswer = { ok: true; history: CompactHistory } | { ok: false; message: string };

/** The part of a `Worker` the page uses to decode a history. */
export interface HistoryDecodingWorker {
  postMessage(held: HeldHistory): void;
  onmessage: ((event: MessageEvent<HistoryDecodingAnswer>) => void) | null;
  /** A worker whose script cannot load or run (a policy refusing it) reports it here. */
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}
