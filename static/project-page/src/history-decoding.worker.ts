/**
 * Decodes a project's history off the page's main thread: 20,000 issues take a few hundred milliseconds of
 * base64, inflating and JSON, long enough to hold up a reader's click. The page sends the history as held
 * (see `history-decoder.ts`) and gets the decoded history back.
 */
import { decodeHeldHistory, type HeldHistory } from '../../../src/shared/project-history-decoding';
import type { HistoryDecodingAnswer } from './history-decoding-protocol';

/** The worker's own global scope (the project's types describe a page's). */
const scope = self as unknown as {
  onmessage: (event: MessageEvent<HeldHistory>) => void;
  postMessage: (answer: HistoryDecodingAnswer) => void;
};

scope.onmessage = (event) => {
  decodeHeldHistory(event.data).then(
    (history) => scope.postMessage({ ok: true, history }),
    (cause: unknown) => scope.postMessage({ ok: false, message: cause instanceof Error ? cause.message : 'it could not be decoded' }),
  );
};
