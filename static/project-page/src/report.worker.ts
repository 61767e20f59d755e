/**
 * The project page's report, off the page's main thread: the measures of 20,000 items take long enough to
 * hold up a click or a keystroke for a few hundred milliseconds. The page sends the history once, then asks
 * for the figures of the tab shown (see `report-runner.ts`); each answer goes back with its question's id.
 */
import { reportWorkerAnswers } from './report-worker-answers';
import type { ReportMessage, SentAnswer } from './report-worker-protocol';

const answer = reportWorkerAnswers();

/** The worker's own global scope (the project's types describe a page's). */
const scope = self as unknown as {
  onmessage: (event: MessageEvent<ReportMessage>) => void;
  postMessage: (answer: SentAnswer) => void;
};

scope.onmessage = (event) => {
  const reply = answer(event.data);
  if (reply !== null) scope.postMessage(reply);
};
