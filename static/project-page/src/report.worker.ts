/**
 * The project page's report, off the page's main thread: the measures of 20,000 items take long enough to
 * hold up a click or a keystroke for a few hundred milliseconds. The page sends the history once, then asks
 * for the figures of the tab shown (see `report-runner.ts`); each answer goes back with its question's id.
 * Once the page has drawn its first report, the worker rehearses the reader's first change between questions
 * (see `report-rehearsal.ts`), so that change runs compiled code.
 */
import { reportRehearsal } from './report-rehearsal';
import { reportWorkerAnswers } from './report-worker-answers';
import type { ReportMessage, SentAnswer } from './report-worker-protocol';

const answer = reportWorkerAnswers();
const rehearsal = reportRehearsal({ setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (timer) => clearTimeout(timer as number) });

/** The worker's own global scope (the project's types describe a page's). */
const scope = self as unknown as {
  onmessage: (event: MessageEvent<ReportMessage>) => void;
  postMessage: (answer: SentAnswer, transfer?: Transferable[]) => void;
};

/**
 * What an answer can hand over rather than copy: the scatterplot's columns, made for this answer alone. (The
 * items' rows and columns are kept for the next answers, so they are copied.)
 */
function handedOver(answer: SentAnswer): Transferable[] {
  if (answer.kind !== 'figures' || !answer.figures.ok || answer.figures.measures === null) return [];
  const { row, day, cycleTime } = answer.figures.measures.scatter;
  return [row.buffer, day.buffer, cycleTime.buffer];
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.kind === 'rehearse') return rehearsal.start(message.filters);
  if (message.kind === 'history') rehearsal.history(message);
  else rehearsal.realQuestion();
  const reply = answer(message);
  if (reply !== null) scope.postMessage(reply, handedOver(reply));
};
